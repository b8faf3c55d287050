import { error, Problem, warning } from '../core/types';
import { closestName } from '../metadata/suggest';
import { Catalog, ComponentKind, ObjectDef, PathResolution } from './catalog';
import { SourceFiles } from './source-files';

/** Where a reference sits: the file, the line and what names it (e.g. `fieldPermissions.field`). */
export interface Site {
  file: string;
  line: number;
  what: string;
}

/** Where each kind of component is defined in source format, for messages that say what to add. */
const COMPONENT_PATHS: Record<ComponentKind, (name: string) => string> = {
  'Apex class': (name) => `classes/${name}.cls`,
  flow: (name) => `flows/${name}.flow-meta.xml`,
  tab: (name) => `tabs/${name}.tab-meta.xml`,
  'Visualforce page': (name) => `pages/${name}.page`,
  'custom permission': (name) => `customPermissions/${name}.customPermission-meta.xml`,
  'global value set': (name) => `globalValueSets/${name}.globalValueSet-meta.xml`,
  'quick action': (name) => `quickActions/${name}.quickAction-meta.xml`,
  'permission set': (name) => `permissionsets/${name}.permissionset-meta.xml`,
  'muting permission set': (name) => `mutingpermissionsets/${name}.mutingpermissionset-meta.xml`,
  layout: (name) => `layouts/${name}.layout-meta.xml`,
  'custom metadata record': (name) => `customMetadata/${name}.md-meta.xml`,
  application: (name) => `applications/${name}.app-meta.xml`,
  FlexiPage: (name) => `flexipages/${name}.flexipage-meta.xml`
};

/**
 * The shared state of one run: the catalog, the parsed files and the problems found, with one way to report
 * each kind of missing reference so that every message says what is missing, where it should be, and what to do.
 */
export class Findings {
  readonly problems: Problem[] = [];

  constructor(
    readonly files: SourceFiles,
    readonly catalog: Catalog
  ) {}

  error(site: Site, message: string): void {
    this.problems.push(error(site.file, `${site.what} ${message}`, site.line));
  }

  warning(site: Site, message: string): void {
    this.problems.push(warning(site.file, `${site.what} ${message}`, site.line));
  }

  /** The object a reference names, or undefined after reporting it missing. */
  object(site: Site, name: string): ObjectDef | undefined {
    const object = this.catalog.object(name);
    if (!object && this.isUnlistedStandardName(name)) {
      this.warning(
        site,
        `names object '${name}', which the standard schema the gate reads (apex-ls, API 65) does not list and this ` +
          'project does not define. Orgs have standard objects that schema lacks (setup-only ones such as CaseClose, ' +
          'newer ones), so this is not checked offline.'
      );
    } else if (!object) {
      this.report(
        site,
        this.catalog.foreignNamespace(name),
        `names object '${name}'`,
        `is neither defined in this project (objects/${name}/${name}.object-meta.xml) nor a standard object. ` +
          'Fix the name or add the object.'
      );
    }
    return object;
  }

  /**
   * A name without a custom suffix (`__c`, `__mdt`, ...) or namespace that is no near-miss of a known object: it may be
   * a standard object the offline schema lacks, which the gate cannot rule out. A near-miss (`Acount`) is a typo.
   */
  private isUnlistedStandardName(name: string): boolean {
    return !name.includes('__') && !closestName(name, this.catalog.knownObjectNames());
  }

  /** Checks a field (or a dotted relationship path) of an object; returns the resolution for further checks. */
  fieldPath(site: Site, object: ObjectDef, path: string): PathResolution {
    const resolution = this.catalog.resolvePath(object, path);
    if (resolution.status === 'missing') {
      const { object: owner, segment } = resolution;
      const fullName = path.includes('.')
        ? `'${path}' (${owner.name} has no field '${segment}')`
        : `'${owner.name}.${segment}'`;
      const expected = `objects/${owner.name}/fields/${segment}.field-meta.xml`;
      const where = owner.isStandard
        ? `is neither a standard field of ${owner.name} (API 65) nor defined in this project (${expected})`
        : `is not defined in this project (expected ${expected})`;
      const hint = /__r$/i.test(segment)
        ? '; a custom relationship is named after its lookup field, Field__c -> Field__r'
        : '';
      this.report(
        site,
        resolution.foreignNamespace,
        `names field ${fullName}`,
        `${where}. Fix the name or add the field${hint}.`
      );
    } else if (resolution.status === 'notRelationship') {
      this.error(
        site,
        `names '${path}', but ${resolution.object.name}.${resolution.segment} is not a relationship, ` +
          'so nothing can follow it. ' +
          'Use the relationship name (Account__c -> Account__r, AccountId -> Account).'
      );
    }
    return resolution;
  }

  /** Checks `Object.Field` (permission sets, summary fields); returns the object and the resolution. */
  qualifiedField(site: Site, qualified: string): PathResolution | undefined {
    const dot = qualified.indexOf('.');
    if (dot <= 0) {
      this.error(site, `'${qualified}' is not of the form Object.Field.`);
      return undefined;
    }
    const object = this.object(site, qualified.slice(0, dot));
    return object ? this.fieldPath(site, object, qualified.slice(dot + 1)) : undefined;
  }

  /**
   * Checks that the project defines a named component; returns its file. `unconfirmed`: no report shows the platform
   * refusing this reference when the component is missing, so it is a warning (docs/quality-gate/evidence.md).
   */
  component(site: Site, kind: ComponentKind, name: string, unconfirmed = false): string | undefined {
    const file = kind === 'Apex class' ? this.catalog.apexClass(name)?.file : this.catalog.component(kind, name);
    if (!file) {
      const problem = `this project does not define (expected ${COMPONENT_PATHS[kind](name)}). Fix the name or add the ${kind}.`;
      if (unconfirmed && !this.catalog.foreignNamespace(name)) {
        this.warning(site, `names ${kind} '${name}', which ${problem} (unless the org already has it)`);
      } else {
        this.report(site, this.catalog.foreignNamespace(name), `names ${kind} '${name}'`, problem);
      }
    }
    return file;
  }

  /** A missing name is an error, unless it is another package's (a dependency that cannot be checked offline). */
  private report(site: Site, foreignNamespace: string | undefined, subject: string, problem: string): void {
    if (foreignNamespace) {
      this.warning(
        site,
        `${subject} from namespace '${foreignNamespace}', which this project does not own: ` +
          'it must come from an installed package (not checked offline).'
      );
    } else {
      this.error(site, `${subject}, which ${problem}`);
    }
  }
}

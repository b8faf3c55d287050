import { error, Problem, warning } from '../core/types';
import { annotated, ApexOutline, outlineApex } from './apex-outline';
import { Catalog } from './catalog';
import {
  KNOWN_TARGETS,
  kebabToCamel,
  knownLightningModules,
  knownLightningTags,
  SALESFORCE_SCOPES
} from './lwc-platform';
import { baseName, nameKey, splitNamespace } from './names';
import { SourceFiles } from './source-files';
import { childElement, childElements, childText, descendants, XmlElement } from './xml';

/**
 * Lightning web components and the metadata that names them. What a component imports and uses must exist when the
 * org compiles the bundle on deploy (`Unable to find Apex action class referenced as 'X'`, `Invalid reference
 * Account.Nope__c of type sobjectField in file x.js`), and every FlexiPage, quick action, tab and flow screen that
 * names a component needs the bundle. Evidence: docs/quality-gate/cross-references.md, "Lightning web components".
 */

const LWC_FILE = /(?:^|\/)lwc\/([^/]+)\/(.+)$/;
const AURA_FILE = /(?:^|\/)aura\/([^/]+)\//;
/** `import x from 'm'`, `import 'm'`, `export ... from 'm'`, `import('m')`. */
const MODULE_SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)(['"])([^'"\n]+)\1/g;
const CUSTOM_TAG = /<(c-[a-z0-9-_]+)[\s/>]/g;
const LIGHTNING_TAG = /<(lightning-[a-z0-9-]+)[\s/>]/g;

interface Bundle {
  name: string;
  files: string[];
}

export class LwcReferences {
  readonly problems: Problem[] = [];
  private readonly lwcBundles = new Map<string, Bundle>();
  private readonly auraBundles = new Set<string>();
  private readonly outlines = new Map<string, ApexOutline>();
  private readonly labels = new Set<string>();
  private readonly modules = knownLightningModules();
  private readonly tags = knownLightningTags();
  filesSeen = 0;

  constructor(
    private readonly files: SourceFiles,
    private readonly catalog: Catalog
  ) {
    for (const file of files.project.packageFiles()) {
      const lwc = LWC_FILE.exec(file);
      if (lwc) {
        const key = nameKey(lwc[1]);
        const bundle = this.lwcBundles.get(key) ?? { name: lwc[1], files: [] };
        bundle.files.push(file);
        this.lwcBundles.set(key, bundle);
      }
      const aura = AURA_FILE.exec(file);
      if (aura) {
        this.auraBundles.add(nameKey(aura[1]));
      }
    }
    for (const file of files.withSuffix('.labels-meta.xml')) {
      const root = files.xml(file);
      for (const label of root ? childElements(root, 'labels') : []) {
        const name = childText(label, 'fullName');
        if (name) {
          this.labels.add(nameKey(name));
        }
      }
    }
  }

  run(): void {
    for (const bundle of this.lwcBundles.values()) {
      for (const file of bundle.files.filter((path) => !/\/__(tests|mocks)__\//.test(path))) {
        if (file.endsWith('.js-meta.xml')) {
          this.checkBundleConfig(file);
        } else if (/\.(js|ts)$/.test(file)) {
          this.checkScript(file);
        } else if (file.endsWith('.html')) {
          this.checkTemplate(file);
        } else {
          continue;
        }
        this.filesSeen++;
      }
    }
    for (const file of this.files.withSuffix('.flexipage-meta.xml')) {
      this.checkNamedComponents(file, 'componentName', 'lwc-flexipage-component');
    }
    for (const file of this.files.withSuffix('.quickAction-meta.xml')) {
      this.checkNamedComponents(file, 'lightningWebComponent', 'lwc-quick-action-component', 'lwc');
      this.checkNamedComponents(file, 'lightningComponent', 'lwc-quick-action-component', 'aura');
    }
    for (const file of this.files.withSuffix('.tab-meta.xml')) {
      this.checkNamedComponents(file, 'lwcComponent', 'lwc-tab-component', 'lwc');
      this.checkNamedComponents(file, 'auraComponent', 'lwc-tab-component', 'aura');
    }
    for (const file of this.files.withSuffix('.flow-meta.xml')) {
      this.checkNamedComponents(file, 'extensionName', 'lwc-flow-screen-component');
    }
  }

  private report(make: typeof error, file: string, line: number, message: string, rule: string): void {
    this.problems.push(make(file, `${message} [${rule}]`, line));
  }

  // --- scripts -------------------------------------------------------------------------------------------------

  private checkScript(file: string): void {
    const code = withoutComments(this.files.text(file));
    for (const match of code.matchAll(MODULE_SPECIFIER)) {
      const line = code.slice(0, match.index).split('\n').length;
      this.checkImport(file, line, match[2]);
    }
  }

  private checkImport(file: string, line: number, specifier: string): void {
    const [scope, ...rest] = specifier.split('/');
    const path = rest.join('/');
    if (scope === 'lightning') {
      if (!this.modules.has(nameKey(path))) {
        this.report(
          warning,
          file,
          line,
          `imports '${specifier}', which is not a lightning module this gate knows (from sfdx-lwc-jest's stubs and the LWC reference); check the name`,
          'lwc-lightning-module'
        );
      }
    } else if (scope === 'c') {
      if (!this.lwcBundles.has(nameKey(path))) {
        this.report(
          error,
          file,
          line,
          `imports '${specifier}', but the project has no Lightning web component ${path} (expected lwc/${path}/${path}.js)`,
          'lwc-module-import'
        );
      }
    } else if (scope === '@salesforce' && rest.length > 0) {
      this.checkSalesforceImport(file, line, specifier, rest[0], rest.slice(1).join('/'));
    }
  }

  private checkSalesforceImport(file: string, line: number, specifier: string, kind: string, name: string): void {
    const scope = nameKey(kind);
    if (!SALESFORCE_SCOPES.has(scope)) {
      this.report(
        warning,
        file,
        line,
        `imports '${specifier}': @salesforce/${kind} is not an @salesforce module this gate knows`,
        'lwc-salesforce-module'
      );
      return;
    }
    if (!name) {
      return;
    }
    if (scope === 'apex' || scope === 'apexcontinuation') {
      this.checkApexImport(file, line, specifier, name);
    } else if (scope === 'schema') {
      this.checkSchemaImport(file, line, specifier, name);
    } else if (scope === 'label') {
      this.checkLabelImport(file, line, specifier, name);
    } else if (scope === 'messagechannel') {
      this.checkComponentImport(
        file,
        line,
        specifier,
        name.replace(/__c$/i, ''),
        '.messageChannel-meta.xml',
        'message channel'
      );
    } else if (scope === 'resourceurl') {
      this.checkComponentImport(file, line, specifier, name, '.resource-meta.xml', 'static resource');
    } else if (scope === 'custompermission') {
      this.checkComponentImport(file, line, specifier, name, '.customPermission-meta.xml', 'custom permission');
    }
  }

  /** `@salesforce/apex/Class.method` or `@salesforce/apex/ns.Class.method`. */
  private checkApexImport(file: string, line: number, specifier: string, reference: string): void {
    const parts = reference.split('.');
    if (parts.length === 3 && nameKey(parts[0]) !== nameKey(this.catalog.namespace ?? '')) {
      return; // another package's class: not visible offline
    }
    const [className, methodName] = parts.slice(-2);
    if (!className || !methodName || parts.length > 3) {
      this.report(
        error,
        file,
        line,
        `imports '${specifier}', which is not of the form @salesforce/apex/Class.method`,
        'lwc-apex-import'
      );
      return;
    }
    const apexClass = this.catalog.apexClass(className);
    if (!apexClass) {
      this.report(
        error,
        file,
        line,
        `imports '${specifier}', but the project has no Apex class ${className} (classes/${className}.cls): ` +
          `the deploy fails with "Unable to find Apex action class referenced as '${className}'"`,
        'lwc-apex-import'
      );
      return;
    }
    const methods = annotated(this.outline(apexClass.file), 'AuraEnabled', 'method').filter(
      (method) => nameKey(method.name) === nameKey(methodName) && !method.owner?.inner
    );
    if (methods.length === 0) {
      this.report(
        error,
        file,
        line,
        `imports '${specifier}', but ${className} has no @AuraEnabled method ${methodName}: ` +
          'a component can call only @AuraEnabled static methods; add the annotation or fix the name',
        'lwc-apex-import'
      );
    } else if (!methods.some((method) => method.modifiers.includes('static'))) {
      this.report(
        warning,
        file,
        line,
        `imports '${specifier}', but ${className}.${methodName} is not static: components call @AuraEnabled static methods`,
        'lwc-apex-import'
      );
    }
  }

  private outline(file: string): ApexOutline {
    let outline = this.outlines.get(file);
    if (!outline) {
      outline = outlineApex(this.files.text(file));
      this.outlines.set(file, outline);
    }
    return outline;
  }

  /** `@salesforce/schema/Object` or `@salesforce/schema/Object.Field[.Field...]`. */
  private checkSchemaImport(file: string, line: number, specifier: string, reference: string): void {
    const [objectName, ...path] = reference.split('.');
    const foreign = this.catalog.foreignNamespace(objectName);
    const object = this.catalog.object(objectName);
    if (!object) {
      if (!foreign) {
        this.report(
          error,
          file,
          line,
          `imports '${specifier}', but ${objectName} is neither a standard object nor defined in this project: ` +
            `the deploy fails with "Invalid reference ${objectName} of type sobjectClass"`,
          'lwc-schema-import'
        );
      }
      return;
    }
    if (path.length === 0) {
      return;
    }
    const resolution = this.catalog.resolvePath(object, path.join('.'));
    if (resolution.status === 'missing' && !resolution.foreignNamespace) {
      this.report(
        error,
        file,
        line,
        `imports '${specifier}', but ${resolution.object.name} has no field ${resolution.segment}: ` +
          `the deploy fails with "Invalid reference ${reference} of type sobjectField"`,
        'lwc-schema-import'
      );
    } else if (resolution.status === 'notRelationship') {
      this.report(
        error,
        file,
        line,
        `imports '${specifier}', but ${resolution.object.name}.${resolution.segment} is not a relationship ` +
          '(use the relationship name: Account__c -> Account__r, AccountId -> Account)',
        'lwc-schema-import'
      );
    }
  }

  /** `@salesforce/label/c.Name`; another namespace's labels are not visible offline. */
  private checkLabelImport(file: string, line: number, specifier: string, reference: string): void {
    const [namespace, name] = reference.split('.');
    if (!name || nameKey(namespace) !== 'c' || this.labels.has(nameKey(name))) {
      return;
    }
    this.report(
      error,
      file,
      line,
      `imports '${specifier}', but the project defines no custom label ${name} (labels/CustomLabels.labels-meta.xml)`,
      'lwc-label-import'
    );
  }

  private checkComponentImport(
    file: string,
    line: number,
    specifier: string,
    name: string,
    suffix: string,
    kind: string
  ): void {
    if (splitNamespace(name).namespace && this.catalog.foreignNamespace(name)) {
      return;
    }
    const defined = this.files.withSuffix(suffix).some((path) => nameKey(baseName(path, suffix)) === nameKey(name));
    if (!defined) {
      this.report(
        error,
        file,
        line,
        `imports '${specifier}', but the project defines no ${kind} ${name} (*${suffix})`,
        'lwc-resource-import'
      );
    }
  }

  // --- templates -----------------------------------------------------------------------------------------------

  private checkTemplate(file: string): void {
    const html = this.files.text(file).replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ' '));
    const lineAt = (index: number): number => html.slice(0, index).split('\n').length;
    for (const match of html.matchAll(CUSTOM_TAG)) {
      const name = kebabToCamel(match[1].slice('c-'.length));
      if (!this.lwcBundles.has(nameKey(name))) {
        this.report(
          error,
          file,
          lineAt(match.index),
          `uses <${match[1]}>, but the project has no Lightning web component ${name} (expected lwc/${name}/)`,
          'lwc-child-component'
        );
      }
    }
    for (const match of html.matchAll(LIGHTNING_TAG)) {
      if (!this.tags.has(match[1])) {
        this.report(
          warning,
          file,
          lineAt(match.index),
          `uses <${match[1]}>, which is not a base component this gate knows (sfdx-lwc-jest's stubs); check the name`,
          'lwc-lightning-component'
        );
      }
    }
  }

  // --- js-meta.xml ----------------------------------------------------------------------------------------------

  private checkBundleConfig(file: string): void {
    const root = this.files.xml(file);
    if (!root) {
      return;
    }
    const targetsElement = childElement(root, 'targets');
    const targets = targetsElement ? childElements(targetsElement, 'target').filter((target) => target.text) : [];
    const declared = new Set(targets.map((target) => nameKey(target.text)));
    for (const target of targets) {
      if (!KNOWN_TARGETS.has(nameKey(target.text))) {
        this.report(
          warning,
          file,
          target.line,
          `target ${target.text} is not a js-meta.xml target this gate knows; check its spelling`,
          'lwc-target'
        );
      }
    }
    const targetConfigs = childElement(root, 'targetConfigs');
    for (const config of targetConfigs ? childElements(targetConfigs, 'targetConfig') : []) {
      const attribute = config.attributes.targets ?? '';
      for (const target of attribute
        .split(',')
        .map((value) => value.trim())
        .filter(Boolean)) {
        if (!declared.has(nameKey(target))) {
          this.report(
            warning,
            file,
            config.line,
            `targetConfig names target ${target}, which <targets> does not list: the configuration applies to nothing`,
            'lwc-target'
          );
        }
      }
      for (const object of descendants(config, 'object')) {
        const name = object.text.trim();
        if (name && !this.catalog.object(name) && !this.catalog.foreignNamespace(name)) {
          this.report(
            error,
            file,
            object.line,
            `targetConfig names object ${name}, which is neither a standard object nor defined in this project: ` +
              `the deploy fails with "Invalid reference ${name} of type sobjectClass"`,
            'lwc-target-object'
          );
        }
      }
    }
  }

  /**
   * A web component placed by metadata must be exposed and declare the target of the place: a Lightning page needs
   * `isExposed` true ("must be marked 'isExposed=true' to be used on this Lightning Page") and its page type's target,
   * a flow screen `lightning__FlowScreen` ("This component doesn't support any target for flows"), a quick action
   * `lightning__RecordAction`.
   */
  private checkUsableWhereNamed(file: string, root: XmlElement, line: number, value: string, bundle: Bundle): void {
    const rootName = root.name;
    const configFile = bundle.files.find((path) => path.endsWith(`/${bundle.name}.js-meta.xml`));
    const config = configFile ? this.files.xml(configFile) : undefined;
    if (!config) {
      return; // packaging reports a bundle without its js-meta.xml
    }
    const targetsElement = childElement(config, 'targets');
    const targets = new Set(
      (targetsElement ? childElements(targetsElement, 'target') : []).map((target) => nameKey(target.text))
    );
    const exposed = childText(config, 'isExposed') === 'true';
    let needed: string | undefined;
    if (rootName === 'FlexiPage') {
      if (!exposed) {
        this.report(
          error,
          file,
          line,
          `places ${value}, whose ${bundle.name}.js-meta.xml is not <isExposed>true</isExposed>: the deploy fails with "The c:${bundle.name} component must be marked 'isExposed=true' to be used on this Lightning Page"`,
          'lwc-component-usable'
        );
        return;
      }
      const pageType = nameKey(childText(root, 'type') ?? '');
      needed = FLEXIPAGE_TARGETS[pageType];
      if (needed && !targets.has(nameKey(needed))) {
        this.report(
          warning,
          file,
          line,
          `places ${value} on a ${childText(root, 'type')}, but ${bundle.name}.js-meta.xml does not list the target ${needed}`,
          'lwc-component-usable'
        );
      }
      return;
    }
    needed = USAGE_TARGETS[rootName];
    if (needed && !targets.has(nameKey(needed))) {
      this.report(
        rootName === 'Flow' ? error : warning,
        file,
        line,
        `uses ${value}, but ${bundle.name}.js-meta.xml does not list the target ${needed}` +
          (rootName === 'Flow'
            ? ": the deploy fails with \"This component doesn't support any target for flows ... Add any of these targets to the component: 'lightning__FlowScreen'\""
            : ''),
        'lwc-component-usable'
      );
    }
  }

  // --- metadata that names a component ----------------------------------------------------------------------------

  /**
   * `element` holds a component name: `name` or `c:name` is the project's (LWC or Aura, or only `only`); any other
   * `ns:name` is a standard or managed component, not visible offline.
   */
  private checkNamedComponents(file: string, element: string, rule: string, only?: 'lwc' | 'aura'): void {
    const root = this.files.xml(file);
    if (!root) {
      return;
    }
    this.filesSeen++;
    for (const named of descendants(root, element)) {
      const value = named.text.trim();
      const [namespace, name] = value.includes(':') ? value.split(':', 2) : ['c', value];
      if (!name || (nameKey(namespace) !== 'c' && nameKey(namespace) !== nameKey(this.catalog.namespace ?? ''))) {
        continue;
      }
      const key = nameKey(name);
      const found = (only !== 'aura' && this.lwcBundles.has(key)) || (only !== 'lwc' && this.auraBundles.has(key));
      if (found && only !== 'aura' && this.lwcBundles.has(key) && !this.auraBundles.has(key)) {
        this.checkUsableWhereNamed(file, root, named.line, value, this.lwcBundles.get(key) as Bundle);
      }
      if (!found) {
        const kinds =
          only === 'lwc'
            ? 'Lightning web component'
            : only === 'aura'
              ? 'Aura component'
              : 'Lightning web or Aura component';
        this.report(
          error,
          file,
          named.line,
          `<${element}> names ${value}, but the project has no ${kinds} ${name} (expected ${only === 'aura' ? 'aura' : 'lwc'}/${name}/)`,
          rule
        );
      }
    }
  }
}

/** The js-meta.xml target each kind of metadata needs of the web component it places, and the FlexiPage types. */
const FLEXIPAGE_TARGETS: Record<string, string> = {
  apppage: 'lightning__AppPage',
  homepage: 'lightning__HomePage',
  recordpage: 'lightning__RecordPage',
  utilitybar: 'lightning__UtilityBar'
};

/** The target a flow screen, quick action or tab needs of the web component it uses. */
const USAGE_TARGETS: Record<string, string> = {
  Flow: 'lightning__FlowScreen',
  QuickAction: 'lightning__RecordAction',
  CustomTab: 'lightning__Tab'
};

/** Blanks block and line comments (keeping newlines); `//` inside a string such as a URL is kept. */
function withoutComments(source: string): string {
  return source.replace(
    /\/\*[\s\S]*?\*\/|(^|[^:'"\\])\/\/[^\n]*/g,
    (comment, prefix: string | undefined) =>
      (prefix ?? '') + comment.slice((prefix ?? '').length).replace(/[^\n]/g, ' ')
  );
}

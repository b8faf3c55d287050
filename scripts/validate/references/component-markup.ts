import { error, Problem } from '../core/types';
import { Catalog } from './catalog';
import { nameKey } from './names';
import { SourceFiles } from './source-files';
import { descendants, XmlElement } from './xml';

/**
 * What component markup and Lightning pages name must exist when the org compiles them on deploy: the project's
 * components that Aura markup uses (`No COMPONENT named markup://c:x found`), the Apex controllers of Aura components
 * and Visualforce pages (`No APEX_CLASS named X found`, `Apex class 'X' does not exist`), and the design properties a
 * Lightning page sets on a project component (`Invalid property [x] in component [ns:name]`). Evidence:
 * docs/quality-gate/cross-references.md, "Component markup".
 */

const LWC_BUNDLE = /(?:^|\/)lwc\/([^/]+)\/[^/]+$/;
const AURA_BUNDLE = /(?:^|\/)aura\/([^/]+)\/[^/]+$/;
const AURA_MARKUP = /(?:^|\/)aura\/[^/]+\/[^/]+\.(?:cmp|app)$/;
const VISUALFORCE_MARKUP = /\.(?:page|component)$/;
/** `<ns:name` start tags of Aura markup. */
const COMPONENT_TAG = /<([A-Za-z][\w]*):([A-Za-z][\w]*)(?=[\s/>])/g;
/** The root tag's `controller="X"` (Aura, Visualforce) and `extensions="A,B"` (Visualforce). */
const CONTROLLER_ATTRIBUTE = /\b(controller|extensions)\s*=\s*(["'])([^"']*)\2/g;
/** The namespace markup uses for the org's own components (besides the project's namespace, if it has one). */
const PROJECT_NAMESPACE = 'c';

interface Bundles {
  lwc: Map<string, string>;
  aura: Map<string, string>;
}

export class ComponentMarkupReferences {
  readonly problems: Problem[] = [];
  filesSeen = 0;
  private readonly bundles: Bundles = { lwc: new Map(), aura: new Map() };

  constructor(
    private readonly files: SourceFiles,
    private readonly catalog: Catalog
  ) {
    for (const file of files.project.packageFiles()) {
      const lwc = LWC_BUNDLE.exec(file);
      if (lwc) {
        this.bundles.lwc.set(nameKey(lwc[1]), file.slice(0, file.lastIndexOf('/')));
      }
      const aura = AURA_BUNDLE.exec(file);
      if (aura) {
        this.bundles.aura.set(nameKey(aura[1]), file.slice(0, file.lastIndexOf('/')));
      }
    }
  }

  run(): void {
    for (const file of this.files.project.packageFiles()) {
      if (AURA_MARKUP.test(file)) {
        this.checkAuraMarkup(file);
      } else if (VISUALFORCE_MARKUP.test(file)) {
        this.checkControllers(file, 'Visualforce');
      } else {
        continue;
      }
      this.filesSeen++;
    }
    for (const file of this.files.withSuffix('.flexipage-meta.xml')) {
      this.checkPageProperties(file);
    }
  }

  private isProjectNamespace(namespace: string): boolean {
    return nameKey(namespace) === PROJECT_NAMESPACE || nameKey(namespace) === nameKey(this.catalog.namespace ?? '');
  }

  // --- Aura and Visualforce markup ------------------------------------------------------------------------------

  private checkAuraMarkup(file: string): void {
    const markup = withoutMarkupComments(this.files.text(file));
    for (const match of markup.matchAll(COMPONENT_TAG)) {
      const [, namespace, name] = match;
      if (!this.isProjectNamespace(namespace)) {
        continue;
      }
      const key = nameKey(name);
      if (!this.bundles.aura.has(key) && !this.bundles.lwc.has(key)) {
        this.problems.push(
          error(
            file,
            `uses <${namespace}:${name}>, but the project has no Aura or Lightning web component ${name} ` +
              `(expected aura/${name}/ or lwc/${name}/): the deploy answers 'No COMPONENT named ` +
              `markup://${namespace}:${name} found' [aura-component-reference]`,
            lineAt(markup, match.index)
          )
        );
      }
    }
    this.checkControllers(file, 'Aura');
  }

  /** The controller (and Visualforce extensions) of the markup's root tag are Apex classes of the project. */
  private checkControllers(file: string, kind: 'Aura' | 'Visualforce'): void {
    const markup = withoutMarkupComments(this.files.text(file));
    const rootTag = /<(?:aura:(?:component|application)|apex:(?:page|component))\b[^>]*>/.exec(markup);
    if (!rootTag) {
      return;
    }
    for (const match of rootTag[0].matchAll(CONTROLLER_ATTRIBUTE)) {
      const [, attribute, , value] = match;
      for (const className of value.split(',').map((name) => name.trim())) {
        // `ns.Class` belongs to an installed package; a merge field is no class name.
        if (!className || /[.{!]/.test(className) || this.catalog.apexClass(className)) {
          continue;
        }
        this.problems.push(
          error(
            file,
            `${attribute}="${value}" names Apex class ${className}, which the project does not define ` +
              `(expected classes/${className}.cls): the deploy answers ` +
              (kind === 'Aura'
                ? `'No APEX_CLASS named ${className} found'`
                : `'Apex class '${className}' does not exist'`) +
              ' [markup-apex-controller]',
            lineAt(markup, rootTag.index + (match.index ?? 0))
          )
        );
      }
    }
  }

  // --- Lightning page properties ----------------------------------------------------------------------------------

  /** A property a Lightning page sets on a project component is one the component declares for App Builder. */
  private checkPageProperties(file: string): void {
    const root = this.files.xml(file);
    if (!root) {
      return;
    }
    for (const instance of descendants(root, 'componentInstance')) {
      const componentName = instance.children.find((child) => child.name === 'componentName')?.text.trim() ?? '';
      const [namespace, name] = componentName.includes(':') ? componentName.split(':', 2) : ['c', componentName];
      if (!name || !this.isProjectNamespace(namespace)) {
        continue;
      }
      const declared = this.declaredProperties(name);
      if (!declared) {
        continue;
      }
      for (const property of instance.children.filter((child) => child.name === 'componentInstanceProperties')) {
        const propertyName = property.children.find((child) => child.name === 'name');
        // A decorator property is the container's setting (a utility bar item's label, icon, width), not the component's.
        const decorator = property.children.some((child) => child.name === 'type' && child.text === 'decorator');
        if (propertyName?.text && !decorator && !declared.properties.has(nameKey(propertyName.text))) {
          this.problems.push(
            error(
              file,
              `sets property ${propertyName.text} on ${componentName}, which ${declared.where} does not declare ` +
                `(declared: ${[...declared.names].join(', ') || 'none'}): the deploy answers 'Invalid property ` +
                `[${propertyName.text}] in component [${namespace}:${name}]' [lwc-flexipage-property]`,
              propertyName.line
            )
          );
        }
      }
    }
  }

  /**
   * The design properties of a project component: `<property name>` of a web component's js-meta.xml targetConfigs,
   * `<design:attribute name>` of an Aura component's .design file. Undefined when the component is not the project's
   * (another check reports that) or its declarations cannot be read.
   */
  private declaredProperties(name: string): { properties: Set<string>; names: string[]; where: string } | undefined {
    const key = nameKey(name);
    const lwcFolder = this.bundles.lwc.get(key);
    if (lwcFolder) {
      const config = this.files.withSuffix('.js-meta.xml').find((path) => path.startsWith(`${lwcFolder}/`));
      const root = config ? this.files.xml(config) : undefined;
      return root ? declared(descendants(root, 'property'), 'name', config as string) : undefined;
    }
    const auraFolder = this.bundles.aura.get(key);
    if (auraFolder) {
      const design = this.files.project
        .packageFiles()
        .find((path) => path.startsWith(`${auraFolder}/`) && path.endsWith('.design'));
      if (!design) {
        return { properties: new Set(), names: [], where: `${auraFolder} (no .design file)` };
      }
      const names = [
        ...withoutMarkupComments(this.files.text(design)).matchAll(
          /<design:attribute\b[^>]*\bname\s*=\s*["']([^"']+)["']/g
        )
      ].map((match) => match[1]);
      return { properties: new Set(names.map(nameKey)), names, where: design };
    }
    return undefined;
  }
}

function declared(
  elements: XmlElement[],
  attribute: string,
  where: string
): { properties: Set<string>; names: string[]; where: string } {
  const names = [...new Set(elements.map((element) => element.attributes[attribute]).filter(Boolean))];
  return { properties: new Set(names.map(nameKey)), names, where };
}

/** Blanks `<!-- -->` comments, keeping newlines so that lines stay right. */
function withoutMarkupComments(markup: string): string {
  return markup.replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\n]/g, ' '));
}

function lineAt(text: string, index: number | undefined): number {
  return text.slice(0, index ?? 0).split('\n').length;
}

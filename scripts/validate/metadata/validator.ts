import { ACCEPTED_XSI_TYPES, EXTRA_ATTRIBUTES, UNORDERED_TYPES, XSI_TYPED_ELEMENTS } from './allow-list';
import { closestName, listAllowed, suggestion } from './suggest';
import { isMiscasedBoolean, shapeMismatch, TextShape } from './text-shapes';
import { ComplexType, ElementDecl, MetadataTypeModel, ValueKind } from './type-model';
import { XmlElement, XmlIssue, XSD_NS, XSI_NS } from './xml-reader';

const METADATA_NS = 'http://soap.sforce.com/2006/04/metadata';
/**
 * The Tooling API's namespace. The CLI's templates wrote it into `*.cls-meta.xml` and Aura bundle files for years and
 * the platform deploys such files (every trailheadapps project has them; docs/quality-gate/metadata-xml.md).
 */
const TOOLING_NS = 'urn:metadata.tooling.soap.sforce.com';
const ACCEPTED_ROOT_NAMESPACES = new Set([METADATA_NS, TOOLING_NS]);
/**
 * The oldest API version whose types the model is taken to describe: @salesforce/types 1.9.0 was published on
 * 2026-10-12, after Summer '26 (API 67). The Metadata API reads a deploy against the WSDL of the deploy's version
 * (sourceApiVersion), so an element removed since then still deploys in an older project.
 */
export const MODEL_API_VERSION = 67;

/**
 * Where a complex element sits: at the file's root or not, the namespace its children must share, and the API version
 * the project deploys at when that is older than the model's.
 */
interface Placement {
  atRoot: boolean;
  namespace: string;
  olderApiVersion?: string;
}

const SHAPE_OF_KIND: Partial<Record<ValueKind['kind'], TextShape>> = {
  boolean: 'boolean',
  number: 'number',
  date: 'dateOrTime'
};

/** Checks a parsed metadata file against the Metadata API types: elements, values, order, required elements. */
export class MetadataXmlValidator {
  /**
   * @param deployableTypes root types the CLI can deploy although `model` may lack them (newer API releases): their
   *   files get a warning instead of an "unknown root element" error.
   */
  constructor(
    private readonly model: MetadataTypeModel,
    private readonly deployableTypes: ReadonlySet<string>
  ) {}

  /** @param projectApiVersion the project's sourceApiVersion, the version its deploys are read against. */
  validate(root: XmlElement, projectApiVersion?: string): XmlIssue[] {
    const issues: XmlIssue[] = [];
    if (!ACCEPTED_ROOT_NAMESPACES.has(root.uri)) {
      // No report of a deploy refused for its namespace was found (docs/quality-gate/evidence.md): a warning.
      issues.push(
        warning(
          root.line,
          root.uri === ''
            ? `root element <${root.name}> lacks xmlns="${METADATA_NS}"`
            : `root element <${root.name}> is in namespace "${root.uri}": use xmlns="${METADATA_NS}"`
        )
      );
    }
    const type = this.model.complexType(root.local);
    if (!type) {
      issues.push(
        this.deployableTypes.has(root.local)
          ? warning(
              root.line,
              `<${root.local}> is a deployable metadata type that @salesforce/types does not describe: its content is not checked`
            )
          : error(
              root.line,
              `unknown root element <${root.local}>: not a Metadata API type (${suggestion(root.local, this.model.complexTypeNames())})`
            )
      );
      return issues;
    }
    // Children are judged against the root's own namespace: a wrong or missing xmlns is reported once, above.
    const olderApiVersion =
      projectApiVersion !== undefined && Number.parseFloat(projectApiVersion) < MODEL_API_VERSION
        ? projectApiVersion
        : undefined;
    this.checkComplex(root, type, { atRoot: true, namespace: root.uri, olderApiVersion }, issues);
    return issues;
  }

  private checkComplex(element: XmlElement, type: ComplexType, where: Placement, issues: XmlIssue[]): void {
    this.checkAttributes(element, false, issues, type.name);
    if (element.text.trim() !== '') {
      issues.push(
        error(
          element.line,
          `<${element.local}> holds text "${preview(element.text)}" but takes child elements of type ${type.name} (${listAllowed(names(type))})`
        )
      );
    }
    const placed = new SequenceTracker(type, UNORDERED_TYPES.has(type.name));
    const unknownNames: string[] = [];
    for (const child of element.children) {
      if (child.uri !== where.namespace) {
        issues.push(
          error(
            child.line,
            `Element ${child.name} invalid in type ${type.name}: it is not in the Metadata API namespace`
          )
        );
        continue;
      }
      const positions = type.positions.get(child.local);
      if (!positions) {
        unknownNames.push(child.local);
        issues.push(unknownElement(child, type, where.olderApiVersion, this.model.hasElementNamed(child.local)));
        continue;
      }
      const decl = placed.place(child, positions, issues);
      if (decl) {
        this.checkValue(child, decl, type, where, issues);
      }
    }
    for (const missing of placed.missingRequired()) {
      // A misspelled required element is one mistake: its "no such element" error already names it.
      if (unknownNames.some((name) => closestName(name, [missing.name]))) {
        continue;
      }
      // At a file's root the CLI or the API may supply an element (settings merge with the org's, source format
      // derives names from paths); inside a structure nothing does.
      const message = `<${element.local}> lacks the required element <${missing.name}> (${missing.declaredIn}.${missing.name})`;
      issues.push(where.atRoot ? warning(element.line, message) : error(element.line, message));
    }
  }

  private checkValue(
    element: XmlElement,
    decl: ElementDecl,
    owner: ComplexType,
    where: Placement,
    issues: XmlIssue[]
  ): void {
    const typed = XSI_TYPED_ELEMENTS.some((entry) => entry.type === owner.name && entry.element === decl.name);
    if (isNil(element)) {
      this.checkAttributes(element, typed, issues);
      if (element.children.length > 0 || element.text.trim() !== '') {
        // No documented deploy failure: a warning (docs/quality-gate/evidence.md).
        issues.push(warning(element.line, `<${element.local}> is xsi:nil="true" but not empty`));
      }
      return;
    }
    const value = decl.value;
    if (value.kind === 'complex') {
      const type = this.model.complexType(value.typeName);
      if (type) {
        this.checkComplex(element, type, { ...where, atRoot: false }, issues);
      }
      return;
    }
    this.checkAttributes(element, typed || value.kind === 'any', issues);
    if (typed) {
      this.checkXsiTyped(element, issues);
      return;
    }
    if (value.kind === 'any') {
      return;
    }
    const firstChild = element.children[0];
    if (firstChild) {
      issues.push(
        error(
          firstChild.line,
          `<${element.local}> takes a ${describeKind(value)} value, not child elements (found <${firstChild.local}>)`
        )
      );
      return;
    }
    if (value.kind === 'enum') {
      const written = element.text.trim();
      if (!value.values.includes(written)) {
        issues.push(
          error(
            element.line,
            `"${written}" is not a valid ${value.typeName} value for <${element.local}>: ${suggestion(written, value.values)}`
          )
        );
      }
      return;
    }
    const shape = SHAPE_OF_KIND[value.kind];
    if (shape === 'boolean' && isMiscasedBoolean(element.text)) {
      issues.push(
        warning(element.line, `<${element.local}> is "${element.text.trim()}": write lowercase true or false`)
      );
      return;
    }
    const expected = shape ? shapeMismatch(shape, element.text) : undefined;
    if (expected) {
      issues.push(error(element.line, `<${element.local}> must be ${expected}, not "${preview(element.text)}"`));
    }
  }

  private checkXsiTyped(element: XmlElement, issues: XmlIssue[]): void {
    const accepted = [...ACCEPTED_XSI_TYPES.keys()].map((local) => `xsd:${local}`).join(', ');
    const xsiType = element.xsiType;
    if (!xsiType) {
      issues.push(error(element.line, `<${element.local}> needs xsi:type (one of ${accepted}) or xsi:nil="true"`));
      return;
    }
    const shape = xsiType.uri === XSD_NS ? ACCEPTED_XSI_TYPES.get(xsiType.local) : undefined;
    if (!shape) {
      issues.push(
        error(
          element.line,
          `xsi:type="${xsiType.written}" on <${element.local}> is not a type Salesforce accepts: use one of ${accepted}`
        )
      );
      return;
    }
    if (element.children.length > 0) {
      issues.push(
        error(element.children[0].line, `<${element.local}> takes a ${xsiType.written} value, not child elements`)
      );
      return;
    }
    const expected = shapeMismatch(shape, element.text);
    if (expected) {
      issues.push(
        error(
          element.line,
          `<${element.local}> is ${xsiType.written} and must be ${expected}, not "${preview(element.text)}"`
        )
      );
    }
  }

  /** Metadata XML carries no attributes except `xsi:nil` anywhere, `xsi:type` where a value's type is open, and listed extras. */
  private checkAttributes(
    element: XmlElement,
    mayHaveXsiType: boolean,
    issues: XmlIssue[],
    complexType?: string
  ): void {
    for (const attribute of element.attributes) {
      const isXsi = attribute.uri === XSI_NS;
      const listed = EXTRA_ATTRIBUTES.some((entry) => entry.type === complexType && entry.attribute === attribute.name);
      if (listed || (isXsi && attribute.local === 'nil') || (isXsi && attribute.local === 'type' && mayHaveXsiType)) {
        continue;
      }
      issues.push(
        warning(
          element.line,
          `unexpected attribute ${attribute.name}="${attribute.value}" on <${element.local}>: the Metadata API types define none`
        )
      );
    }
  }
}

/**
 * Follows a complex type's children through its WSDL sequence, as the Metadata API does: each child must sit at or
 * after the previous child's position; a list element's items form one unbroken run; a single element appears once.
 * A name declared twice (a subtype redeclaring a base element) may sit at either of its positions, once.
 */
class SequenceTracker {
  private cursor = -1;
  private last: { element: XmlElement } | undefined;
  private readonly accepted: Array<{ element: XmlElement; position: number }> = [];
  private readonly lastSeen = new Map<string, XmlElement>();
  private readonly placedDecl = new Map<string, ElementDecl | undefined>();

  constructor(
    private readonly type: ComplexType,
    private readonly unordered: boolean
  ) {}

  /** The declaration the child matched, or undefined (with an issue) when it is misplaced or repeated. */
  place(child: XmlElement, positions: readonly number[], issues: XmlIssue[]): ElementDecl | undefined {
    const decl = this.match(child, positions, issues);
    this.last = { element: child };
    if (decl === undefined && !this.placedDecl.has(child.local)) {
      this.placedDecl.set(child.local, undefined);
    }
    this.lastSeen.set(child.local, child);
    return decl;
  }

  private match(child: XmlElement, positions: readonly number[], issues: XmlIssue[]): ElementDecl | undefined {
    const name = child.local;
    const repeats = positions.some((position) => this.type.elements[position].repeats);
    if (repeats && this.last?.element.local === name) {
      // The rest of a run: its first item was placed (or reported) already.
      return this.placedDecl.get(name);
    }
    const earlier = this.lastSeen.get(name);
    if (earlier && !repeats) {
      issues.push(
        error(
          child.line,
          `Element ${name} is duplicated at this location in type ${this.type.name}: it takes a single value (first given at line ${earlier.line})`
        )
      );
      return undefined;
    }
    if (earlier) {
      issues.push(
        error(
          child.line,
          `Element ${name} is duplicated at this location in type ${this.type.name}: keep all <${name}> elements in one unbroken run (an earlier run ends at line ${earlier.line})`
        )
      );
      return undefined;
    }
    if (this.unordered) {
      return this.remember(name, this.type.elements[positions[0]]);
    }
    const next = positions.find((position) => position > this.cursor);
    if (next === undefined) {
      const last = positions[positions.length - 1];
      const before = this.accepted.find((entry) => entry.position > last)?.element;
      // Known-deployable projects put children of several types out of this order (docs/quality-gate/
      // metadata-xml.md), and no documented deploy failure is about order alone: a convention, not a deploy fact.
      issues.push({
        line: child.line,
        severity: 'warning',
        housePolicy: true,
        message:
          `Element ${name} is out of the order a retrieve writes in type ${this.type.name}` +
          (before ? ` (a retrieve puts it before ${before.local}, line ${before.line})` : '')
      });
      return this.remember(name, this.type.elements[positions[0]]);
    }
    this.cursor = next;
    this.accepted.push({ element: child, position: next });
    return this.remember(name, this.type.elements[next]);
  }

  private remember(name: string, decl: ElementDecl): ElementDecl {
    this.placedDecl.set(name, decl);
    return decl;
  }

  /** Required elements that no child supplied. */
  missingRequired(): ElementDecl[] {
    return this.type.elements.filter(
      (decl, index) =>
        decl.required && !this.lastSeen.has(decl.name) && this.type.positions.get(decl.name)?.[0] === index
    );
  }
}

function names(type: ComplexType): string[] {
  return type.elements.map((decl) => decl.name);
}

function isNil(element: XmlElement): boolean {
  return element.attributes.some(
    (attribute) => attribute.uri === XSI_NS && attribute.local === 'nil' && attribute.value.trim() === 'true'
  );
}

function describeKind(value: ValueKind): string {
  return value.kind === 'enum' ? `${value.typeName} (enumeration)` : value.kind;
}

function preview(text: string): string {
  const flat = text.trim().replace(/\s+/g, ' ');
  return flat.length > 40 ? `${flat.slice(0, 40)}...` : flat;
}

/**
 * An element the model's type lacks. In a project that deploys at an older API version it may be one that later
 * versions removed (FlexiPageRegion.componentInstances, API 47): the model cannot tell, so that is a warning, unless
 * the name is a near miss of an element the type has, or an element today's types have elsewhere (`knownElsewhere`):
 * no removal explains a typo or a misplaced element.
 */
function unknownElement(
  child: XmlElement,
  type: ComplexType,
  olderApiVersion: string | undefined,
  knownElsewhere: boolean
): XmlIssue {
  const allowed = names(type);
  const message = `Element ${child.local} invalid in type ${type.name}: no such element (${suggestion(child.local, allowed)})`;
  if (olderApiVersion === undefined || knownElsewhere || closestName(child.local, allowed)) {
    return error(child.line, message);
  }
  return warning(
    child.line,
    `${message}; the project deploys at API ${olderApiVersion}, older than the API ${MODEL_API_VERSION} types this ` +
      'gate knows, and that version may still have it: not checked'
  );
}

function error(line: number, message: string): XmlIssue {
  return { line, message, severity: 'error' };
}

function warning(line: number, message: string): XmlIssue {
  return { line, message, severity: 'warning' };
}

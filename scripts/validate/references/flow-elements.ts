import { annotated, AnnotatedMember, ApexOutline, listElementType, outlineApex } from './apex-outline';
import { Findings, Site } from './findings';
import { nameKey } from './names';
import { childElement, childElements, childText, XmlElement } from './xml';

/**
 * Flows: every name a flow uses resolves to something the flow declares. `flows.ts` checks the fields behind record
 * references (`$Record.Account__r.Name`); this file checks the names themselves: the resource or element that a
 * reference starts with, the element a connector leads to, `$Record` only where the flow has a triggering record,
 * the Apex class of an Apex-defined variable, and the parameters of Apex actions against the `@InvocableVariable`
 * fields of the invocable method's request and result classes. Evidence: docs/quality-gate/cross-references.md,
 * "Flow names".
 */

/** Elements whose text names a flow resource or element, possibly followed by `.field`. */
const REFERENCE_ELEMENTS = new Set([
  'elementReference',
  'leftValueReference',
  'assignToReference',
  'collectionReference',
  'inputReference',
  'assignRecordIdToReference',
  'outputReference',
  'choiceReferences'
]);
/** Connectors: their `targetReference` names the element the flow goes to next. */
const CONNECTORS = new Set([
  'connector',
  'defaultConnector',
  'faultConnector',
  'nextValueConnector',
  'noMoreValuesConnector'
]);
/** Top-level flow members that hold values, not steps: a connector cannot lead to them. */
const RESOURCES = new Set([
  'variables',
  'constants',
  'formulas',
  'textTemplates',
  'choices',
  'dynamicChoiceSets',
  'stages'
]);
/** `<name>` children that name a parameter of something else, not a resource of the flow. */
const NOT_DECLARATIONS = new Set(['inputParameters', 'outputParameters', 'processMetadataValues', 'dataTypeMappings']);
const MERGE_FIELD = /\{!\s*([$\w.:]+)\s*\}/g;

export function checkFlowElements(findings: Findings, file: string): void {
  const root = findings.files.xml(file);
  if (root) {
    new FlowNames(findings, file, root).run();
  }
}

class FlowNames {
  /** Every name the flow declares (resources, elements, decision outcomes, screen fields, wait events). */
  private readonly declared = new Set<string>();
  /** Names of top-level elements a connector may lead to. */
  private readonly steps = new Set<string>();
  private readonly hasTriggeringRecord: boolean;

  constructor(
    private readonly findings: Findings,
    private readonly file: string,
    private readonly root: XmlElement
  ) {
    this.hasTriggeringRecord = childText(childElement(root, 'start') ?? root, 'object') !== undefined;
    this.collectDeclarations(root);
    for (const element of root.children) {
      const name = childText(element, 'name');
      if (name && !RESOURCES.has(element.name)) {
        this.steps.add(nameKey(name));
      }
    }
  }

  run(): void {
    this.visit(this.root, []);
    this.checkApexVariables();
    this.checkApexActions();
    this.checkSubflows();
  }

  /** A subflow's input and output assignments name variables the subflow makes available for input or output. */
  private checkSubflows(): void {
    for (const subflow of childElements(this.root, 'subflows')) {
      const flowName = childText(subflow, 'flowName');
      const file = flowName ? this.findings.catalog.component('flow', flowName) : undefined;
      const target = file ? this.findings.files.xml(file) : undefined;
      if (!flowName || !target) {
        continue; // a missing subflow is reported by flows.ts
      }
      for (const [kind, flag] of [
        ['inputAssignments', 'isInput'],
        ['outputAssignments', 'isOutput']
      ] as const) {
        const available = new Map(
          childElements(target, 'variables')
            .filter((variable) => childText(variable, flag) === 'true')
            .map((variable) => [nameKey(childText(variable, 'name') ?? ''), childText(variable, 'name') ?? ''])
        );
        for (const assignment of childElements(subflow, kind)) {
          const name = childElement(assignment, 'name');
          if (name?.text && !available.has(nameKey(name.text))) {
            this.findings.error(
              this.site(name.line, `subflows.${kind}.name '${name.text}'`),
              `is no variable of flow ${flowName} available for ${flag === 'isInput' ? 'input' : 'output'} ` +
                `(${[...available.values()].join(', ') || 'none'}) [flow-subflow-variable]`
            );
          }
        }
      }
    }
  }

  private site(line: number, what: string): Site {
    return { file: this.file, line, what };
  }

  private collectDeclarations(element: XmlElement): void {
    for (const child of element.children) {
      if (NOT_DECLARATIONS.has(child.name)) {
        continue;
      }
      // A collection filter or sort declares its current item in assignNextValueToReference.
      if ((child.name === 'name' && element !== this.root) || child.name === 'assignNextValueToReference') {
        if (child.text) {
          this.declared.add(nameKey(child.text));
        }
      }
      this.collectDeclarations(child);
    }
  }

  private visit(element: XmlElement, path: string[]): void {
    for (const child of element.children) {
      const where = [...path, child.name];
      if (REFERENCE_ELEMENTS.has(child.name) && child.text) {
        this.checkName(where.join('.'), child.text, child.line);
      } else if (child.name === 'targetReference' && CONNECTORS.has(element.name) && child.text) {
        this.checkConnector(where.join('.'), child.text, child.line);
      } else if (child.text.includes('{!')) {
        for (const match of child.text.matchAll(MERGE_FIELD)) {
          const line = child.line + (child.text.slice(0, match.index).match(/\n/g)?.length ?? 0);
          this.checkName(where.join('.'), match[1], line);
        }
      }
      this.visit(child, where);
    }
  }

  /** The first segment of a reference is a declared name, a global (`$User`, ...) or `$Record` where it exists. */
  private checkName(what: string, reference: string, line: number): void {
    const first = reference.split('.')[0];
    const key = nameKey(first);
    if (key === '$record' || key === '$record__prior') {
      if (!this.hasTriggeringRecord) {
        this.findings.error(
          this.site(line, `${what} '${reference}'`),
          `uses ${first}, but the flow has no triggering record (no <start><object>): only record-triggered and ` +
            'scheduled flows on an object have one [flow-reference-unknown]'
        );
      }
      return;
    }
    if (first.startsWith('$') || this.declared.has(key)) {
      return;
    }
    this.findings.error(
      this.site(line, `${what} '${reference}'`),
      `names '${first}', which this flow declares nowhere (no variable, constant, formula, text template, choice ` +
        'or element of that name): fix the name or add the resource [flow-reference-unknown]'
    );
  }

  private checkConnector(what: string, target: string, line: number): void {
    if (this.steps.has(nameKey(target))) {
      return;
    }
    const resource = this.declared.has(nameKey(target));
    this.findings.error(
      this.site(line, `${what} '${target}'`),
      resource
        ? `leads to '${target}', which is a resource, not an element the flow can go to [flow-connector-target]`
        : `leads to '${target}', which is no element of this flow: fix the name or add the element [flow-connector-target]`
    );
  }

  /** Apex-defined variables (`<apexClass>`) name a class of the project. */
  private checkApexVariables(): void {
    for (const variable of childElements(this.root, 'variables')) {
      const apexClass = childElement(variable, 'apexClass');
      if (apexClass?.text) {
        this.findings.component(this.site(apexClass.line, 'variables.apexClass'), 'Apex class', apexClass.text);
      }
    }
  }

  /** Parameters of Apex actions against the `@InvocableVariable` fields of the request and result classes. */
  private checkApexActions(): void {
    for (const call of childElements(this.root, 'actionCalls')) {
      const className = childText(call, 'actionName');
      const apexClass =
        childText(call, 'actionType') === 'apex' && className ? this.findings.catalog.apexClass(className) : undefined;
      if (!className || !apexClass) {
        continue; // a missing class is reported by flows.ts
      }
      const outline = outlineApex(this.findings.files.text(apexClass.file));
      const method = annotated(outline, 'InvocableMethod', 'method')[0];
      if (!method) {
        continue; // reported by flows.ts
      }
      const parameterType = /^\s*(.+?)\s+\w+\s*$/.exec(method.parameters)?.[1];
      this.checkParameters(call, 'inputParameters', className, variablesOf(outline, parameterType ?? '', className));
      this.checkParameters(call, 'outputParameters', className, variablesOf(outline, method.type, className));
    }
  }

  private checkParameters(
    call: XmlElement,
    kind: 'inputParameters' | 'outputParameters',
    className: string,
    variables: { typeName: string; names: Map<string, string> } | undefined
  ): void {
    if (!variables) {
      return; // a list of primitives or sObjects, or a type outside this class: not checked
    }
    for (const parameter of childElements(call, kind)) {
      const nameElement = childElement(parameter, 'name');
      if (nameElement?.text && !variables.names.has(nameKey(nameElement.text))) {
        this.findings.error(
          this.site(nameElement.line, `actionCalls.${kind}.name '${nameElement.text}'`),
          `is no @InvocableVariable of ${variables.typeName}, the ${kind === 'inputParameters' ? 'request' : 'result'} ` +
            `type of ${className}'s @InvocableMethod (variables: ${[...variables.names.values()].join(', ') || 'none'}) ` +
            '[flow-apex-action-parameter]'
        );
      }
    }
  }
}

/**
 * The `@InvocableVariable` names of `List<T>` where T is an inner class of the action's class (`Request` or
 * `Action.Request`); undefined for primitives, sObjects and types declared elsewhere (not read here).
 */
function variablesOf(
  outline: ApexOutline,
  listType: string,
  className: string
): { typeName: string; names: Map<string, string> } | undefined {
  const element = listElementType(listType);
  if (!element) {
    return undefined;
  }
  const local = nameKey(element).startsWith(`${nameKey(className)}.`) ? element.slice(className.length + 1) : element;
  const inner = outline.classes.find((range) => range.inner && nameKey(range.name) === nameKey(local));
  if (!inner) {
    return undefined;
  }
  const fields: AnnotatedMember[] = annotated(outline, 'InvocableVariable', 'field').filter(
    (field) => field.owner === inner
  );
  return { typeName: inner.qualifiedName, names: new Map(fields.map((field) => [nameKey(field.name), field.name])) };
}

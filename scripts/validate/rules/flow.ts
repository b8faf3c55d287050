import { error, Problem, warning } from '../core/types';
import { metadataTypeModel } from '../metadata/shared-model';
import { XmlElement } from '../metadata/xml-reader';
import { child, children, isTrue, lineOf, NamedFile, Rule, text } from './model';

/**
 * Rules of `flows/<Name>.flow-meta.xml` that hold across elements: connectors lead to elements of the flow,
 * names are unique, and a record-triggered flow has what its trigger needs. Which Flow lists are nodes (targets of
 * connectors: they have a canvas position) and which are named elements is read from the Metadata API types, so new
 * element kinds are covered without a list here.
 */

const RECORD_TRIGGERS = new Set(['RecordBeforeSave', 'RecordAfterSave', 'RecordBeforeDelete']);
/** Elements that act on other records, call out or wait: a before-save flow only changes the record being saved. */
const BEFORE_SAVE_FORBIDDEN = [
  'actionCalls',
  'apexPluginCalls',
  'orchestratedStages',
  'recordCreates',
  'recordDeletes',
  'recordRollbacks',
  'screens',
  'steps',
  'subflows',
  'waits'
];

interface FlowElementKinds {
  /** Lists whose items have a canvas position (`FlowNode`): the elements a connector can lead to. */
  nodes: Set<string>;
  /** Lists whose items have an API name (`FlowElement`): resources and nodes alike. */
  named: Set<string>;
}

let kinds: FlowElementKinds | undefined;

function flowElementKinds(): FlowElementKinds {
  if (!kinds) {
    const model = metadataTypeModel();
    const nodes = new Set<string>();
    const named = new Set<string>();
    for (const element of model.complexType('Flow')?.elements ?? []) {
      const type =
        element.value.kind === 'complex' && element.repeats ? model.complexType(element.value.typeName) : undefined;
      if (type?.elements.some((inner) => inner.declaredIn === 'FlowNode')) {
        nodes.add(element.name);
      }
      if (type?.elements.some((inner) => inner.name === 'name' && inner.declaredIn === 'FlowElement')) {
        named.add(element.name);
      }
    }
    kinds = { nodes, named };
  }
  return kinds;
}

/** The named elements of a flow, in document order, with the element that holds each name. */
function namedElements(flow: NamedFile, lists: Set<string>): Array<{ name: string; element: XmlElement }> {
  return flow.root.children
    .filter((element) => lists.has(element.local))
    .flatMap((element) => {
      const name = text(element, 'name');
      return name ? [{ name, element }] : [];
    });
}

/** Every connector's target: `<connector>`, `<faultConnector>`, `<defaultConnector>`, ... at any depth. */
function connectorTargets(element: XmlElement): XmlElement[] {
  return element.children.flatMap((inner) => [
    ...(inner.local === 'targetReference' && /connector$/i.test(element.local) ? [inner] : []),
    ...connectorTargets(inner)
  ]);
}

const triggerOf = (flow: NamedFile): { start?: XmlElement; triggerType?: string } => {
  const start = child(flow.root, 'start');
  return { start, triggerType: start ? text(start, 'triggerType') : undefined };
};

export const FLOW_RULES: Rule<NamedFile>[] = [
  // Why: a connector that leads to no element of the flow cannot be saved: the flow is invalid and the deploy of
  // it fails.
  // Source: Metadata API Developer Guide, Flow (FlowConnector.targetReference: "the name of the node the connector
  // points to"); Flow Builder refuses to save such a flow.
  {
    id: 'flow-connector-target',
    check: (flow) => {
      const nodes = namedElements(flow, flowElementKinds().nodes);
      const nodeNames = new Set(nodes.map((node) => node.name));
      const start = child(flow.root, 'startElementReference');
      const targets = [...connectorTargets(flow.root), ...(start ? [start] : [])];
      return targets
        .filter((target) => !nodeNames.has(target.text.trim()))
        .map((target) => {
          const name = target.text.trim();
          const sameIgnoringCase = nodes.find((node) => node.name.toLowerCase() === name.toLowerCase());
          return error(
            flow.file,
            `connector leads to "${name}", which is no element of this flow${sameIgnoringCase ? ` (did you mean ${sameIgnoringCase.name}?)` : ''}: point it at an existing element's <name>`,
            target.line
          );
        });
    }
  },
  // Why: API names identify elements and resources in references and connectors; two with the same name make the
  // flow invalid.
  // Source: Salesforce Help, "Flow Element and Resource API Names" (an API name must be unique in the flow);
  // Metadata API Developer Guide, Flow (FlowElement.name).
  {
    id: 'flow-unique-names',
    check: (flow) => {
      const seen = new Map<string, XmlElement>();
      return namedElements(flow, flowElementKinds().named).flatMap(({ name, element }) => {
        const first = seen.get(name.toLowerCase());
        if (!first) {
          seen.set(name.toLowerCase(), element);
          return [];
        }
        return [
          error(
            flow.file,
            `the name ${name} is used twice (first by <${first.local}> at line ${first.line}): give each element and resource its own name`,
            lineOf(element, 'name')
          )
        ];
      });
    }
  },
  // Why: a record-triggered flow needs the object whose records trigger it and when it runs (create, update,
  // delete).
  // Source: Metadata API Developer Guide, Flow (FlowStart.object, FlowStart.recordTriggerType for record triggers).
  {
    id: 'flow-record-trigger',
    check: (flow) => {
      const { start, triggerType } = triggerOf(flow);
      if (!start || !triggerType || !RECORD_TRIGGERS.has(triggerType)) {
        return [];
      }
      return ['object', 'recordTriggerType']
        .filter((element) => text(start, element) === undefined)
        .map((element) =>
          error(
            flow.file,
            `a ${triggerType} flow needs <start><${element}>: ${element === 'object' ? 'the object whose records trigger it' : 'Create, Update, CreateAndUpdate or Delete'}`,
            lineOf(start, 'triggerType')
          )
        );
    }
  },
  // Why: a before-save flow (fast field updates) only changes the record being saved: it cannot create, update or
  // delete other records, call actions or subflows, or wait; its Update Records may target only $Record.
  // Source: Salesforce Help, "Before-Save Record-Triggered Flows" and "Flow Elements Available in Record-Triggered
  // Flows"; salesforcetime.com "How to update the triggering record in before save record-triggered flow".
  {
    id: 'flow-before-save-elements',
    check: (flow) => {
      if (triggerOf(flow).triggerType !== 'RecordBeforeSave') {
        return [];
      }
      const problems: Problem[] = flow.root.children
        .filter((element) => BEFORE_SAVE_FORBIDDEN.includes(element.local))
        .map((element) =>
          error(
            flow.file,
            `a before-save flow cannot have <${element.local}> (${text(element, 'name') ?? 'unnamed'}): move it to an after-save flow`,
            lineOf(element, 'name')
          )
        );
      for (const update of children(flow.root, 'recordUpdates')) {
        if (text(update, 'inputReference') !== '$Record') {
          problems.push(
            error(
              flow.file,
              `a before-save flow can update only the triggering record: ${text(update, 'name') ?? 'this update'} must use <inputReference>$Record</inputReference> (or an Assignment to $Record)`,
              lineOf(update, 'name')
            )
          );
        }
      }
      return problems;
    }
  },
  // Why: entry conditions are either a formula or filters, and "only when a record is updated to meet the
  // condition requirements" needs a condition to meet.
  // Source: Metadata API Developer Guide, Flow (FlowStart.filterFormula, filters,
  // doesRequireRecordChangedToMeetCriteria); Salesforce Help, "Entry Conditions in Record-Triggered Flows".
  // Not seen as deploy errors, so warnings.
  {
    id: 'flow-entry-conditions',
    check: (flow) => {
      const { start } = triggerOf(flow);
      if (!start) {
        return [];
      }
      const hasFormula = text(start, 'filterFormula') !== undefined;
      const hasFilters = children(start, 'filters').length > 0;
      if (hasFormula && hasFilters) {
        return [
          warning(
            flow.file,
            'the start has both <filterFormula> and <filters>: keep one kind of entry condition',
            lineOf(start, 'filterFormula')
          )
        ];
      }
      return isTrue(start, 'doesRequireRecordChangedToMeetCriteria') && !hasFormula && !hasFilters
        ? [
            warning(
              flow.file,
              'doesRequireRecordChangedToMeetCriteria is true but the start has no entry condition to meet: add <filters> or <filterFormula>',
              lineOf(start, 'doesRequireRecordChangedToMeetCriteria')
            )
          ]
        : [];
    }
  }
];

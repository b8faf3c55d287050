import { crossReferencesCheck } from '../../../scripts/validate/checks/cross-references';
import { Problem } from '../../../scripts/validate/core/types';
import { customObject, D, field, metadata, MiniProject, withRule } from './mini-project';

const ACTION = `public with sharing class ScoreThing {
    @InvocableMethod(label='Score')
    public static List<Result> score(List<Request> requests) {
        return new List<Result>();
    }
    public class Request {
        @InvocableVariable(required=true)
        public Id thingId;
        @InvocableVariable
        public Decimal weight;
    }
    public class Result {
        @InvocableVariable
        public Decimal score;
    }
}
`;

/** A record-triggered flow on Thing__c that uses a variable, a formula, a loop-free chain of elements and an Apex action. */
const FLOW = metadata(
  'Flow',
  `    <actionCalls>
        <name>Score_Thing</name>
        <label>Score Thing</label>
        <locationX>0</locationX>
        <locationY>0</locationY>
        <actionName>ScoreThing</actionName>
        <actionType>apex</actionType>
        <connector>
            <targetReference>Remember_Score</targetReference>
        </connector>
        <inputParameters>
            <name>thingId</name>
            <value>
                <elementReference>$Record.Id</elementReference>
            </value>
        </inputParameters>
        <inputParameters>
            <name>weight</name>
            <value>
                <elementReference>doubleWeight</elementReference>
            </value>
        </inputParameters>
        <outputParameters>
            <assignToReference>lastScore</assignToReference>
            <name>score</name>
        </outputParameters>
    </actionCalls>
    <apiVersion>65.0</apiVersion>
    <assignments>
        <name>Remember_Score</name>
        <label>Remember Score</label>
        <locationX>0</locationX>
        <locationY>0</locationY>
        <assignmentItems>
            <assignToReference>summary</assignToReference>
            <operator>Assign</operator>
            <value>
                <stringValue>{!$Record.Account__r.Name} scored {!lastScore}</stringValue>
            </value>
        </assignmentItems>
    </assignments>
    <formulas>
        <name>doubleWeight</name>
        <dataType>Number</dataType>
        <expression>{!$Record.Weight__c} * 2</expression>
        <scale>2</scale>
    </formulas>
    <label>Thing Score</label>
    <processType>AutoLaunchedFlow</processType>
    <start>
        <locationX>0</locationX>
        <locationY>0</locationY>
        <connector>
            <targetReference>Score_Thing</targetReference>
        </connector>
        <object>Thing__c</object>
        <recordTriggerType>Create</recordTriggerType>
        <triggerType>RecordAfterSave</triggerType>
    </start>
    <status>Active</status>
    <variables>
        <name>lastScore</name>
        <dataType>Number</dataType>
        <isCollection>false</isCollection>
        <isInput>false</isInput>
        <isOutput>false</isOutput>
        <scale>2</scale>
    </variables>
    <variables>
        <name>summary</name>
        <dataType>String</dataType>
        <isCollection>false</isCollection>
        <isInput>false</isInput>
        <isOutput>false</isOutput>
    </variables>`
);

const FLOW_FILE = `${D}/flows/Thing_Score.flow-meta.xml`;

describe('recall: flow names (cross-references)', () => {
  let project: MiniProject | undefined;
  afterEach(() => project?.dispose());

  async function run(from?: string, to?: string, flow = FLOW): Promise<Problem[]> {
    if (from !== undefined) {
      expect(flow).toContain(from);
    }
    project = new MiniProject({
      [`${D}/classes/ScoreThing.cls`]: ACTION,
      [`${D}/objects/Thing__c/Thing__c.object-meta.xml`]: customObject(),
      [`${D}/objects/Thing__c/fields/Weight__c.field-meta.xml`]: field(
        'Weight__c',
        '    <precision>8</precision>\n    <scale>2</scale>\n    <type>Number</type>'
      ),
      [`${D}/objects/Thing__c/fields/Account__c.field-meta.xml`]: field(
        'Account__c',
        '    <referenceTo>Account</referenceTo>\n    <relationshipName>Things</relationshipName>\n    <type>Lookup</type>'
      ),
      [FLOW_FILE]: from === undefined ? flow : flow.replace(from, to ?? '')
    });
    return project.run(crossReferencesCheck);
  }

  it('accepts the correct flow: every name, connector, $Record path and action parameter resolves', async () => {
    expect(await run()).toEqual([]);
  });

  const cases: Array<[rule: string, from: string, to: string, says: RegExp]> = [
    [
      'flow-reference-unknown',
      '<elementReference>doubleWeight<',
      '<elementReference>tripleWeight<',
      /names 'tripleWeight', which this flow declares nowhere/
    ],
    ['flow-reference-unknown', '<assignToReference>summary<', '<assignToReference>sumary<', /names 'sumary'/],
    ['flow-reference-unknown', 'scored {!lastScore}', 'scored {!lastScores}', /names 'lastScores'/],
    [
      'flow-connector-target',
      '<targetReference>Remember_Score<',
      '<targetReference>Remember_Scores<',
      /leads to 'Remember_Scores', which is no element of this flow/
    ],
    [
      'flow-connector-target',
      '<targetReference>Remember_Score<',
      '<targetReference>summary<',
      /'summary', which is a resource/
    ],
    [
      'flow-apex-action-parameter',
      '<name>weight</name>',
      '<name>weigth</name>',
      /'weigth' is no @InvocableVariable of ScoreThing.Request.*variables: thingId, weight/
    ],
    [
      'flow-apex-action-parameter',
      '<name>score</name>',
      '<name>scores</name>',
      /'scores' is no @InvocableVariable of ScoreThing.Result/
    ]
  ];

  it.each(cases)('%s: %s -> %s is caught', async (rule, from, to, says) => {
    const problems = await run(from, to);
    expect(problems).toHaveLength(1);
    expect(withRule(problems, rule)).toEqual([expect.objectContaining({ file: FLOW_FILE, severity: 'error' })]);
    expect(problems[0].message).toMatch(says);
  });

  it('flow-reference-unknown: $Record in a flow without a triggering object is caught', async () => {
    const problems = await run(
      '        <object>Thing__c</object>\n        <recordTriggerType>Create</recordTriggerType>\n        <triggerType>RecordAfterSave</triggerType>\n',
      ''
    );
    const unknown = withRule(problems, 'flow-reference-unknown');
    expect(unknown.length).toBeGreaterThan(0);
    expect(unknown.every((problem) => /no triggering record/.test(problem.message))).toBe(true);
  });

  it('$Record paths through a lookup are checked by the existing field rules (a missing parent field is caught)', async () => {
    const problems = await run('$Record.Account__r.Name', '$Record.Account__r.Nme');
    expect(problems).toEqual([expect.objectContaining({ file: FLOW_FILE, severity: 'error' })]);
    expect(problems[0].message).toMatch(/Account has no field 'Nme'/);
  });
});

describe('recall: subflow variables (cross-references)', () => {
  let project: MiniProject | undefined;
  afterEach(() => project?.dispose());

  const variable = (name: string, input: boolean, output: boolean) => `    <variables>
        <name>${name}</name>
        <dataType>String</dataType>
        <isCollection>false</isCollection>
        <isInput>${input}</isInput>
        <isOutput>${output}</isOutput>
    </variables>`;
  const child = metadata(
    'Flow',
    `    <apiVersion>65.0</apiVersion>\n    <label>Child</label>\n    <processType>AutoLaunchedFlow</processType>\n    <start>\n        <locationX>0</locationX>\n        <locationY>0</locationY>\n    </start>\n    <status>Active</status>\n${variable('greeting', true, false)}\n${variable('reply', false, true)}\n${variable('internal', false, false)}`
  );
  const parent = (input: string, output: string) =>
    metadata(
      'Flow',
      `    <apiVersion>65.0</apiVersion>
    <label>Parent</label>
    <processType>AutoLaunchedFlow</processType>
    <start>
        <locationX>0</locationX>
        <locationY>0</locationY>
        <connector>
            <targetReference>Call_Child</targetReference>
        </connector>
    </start>
    <status>Active</status>
    <subflows>
        <name>Call_Child</name>
        <label>Call Child</label>
        <locationX>0</locationX>
        <locationY>0</locationY>
        <flowName>Child</flowName>
        <inputAssignments>
            <name>${input}</name>
            <value>
                <stringValue>hello</stringValue>
            </value>
        </inputAssignments>
        <outputAssignments>
            <assignToReference>answer</assignToReference>
            <name>${output}</name>
        </outputAssignments>
    </subflows>
${variable('answer', false, false)}`
    );

  async function run(input: string, output: string): Promise<Problem[]> {
    project = new MiniProject({
      [`${D}/flows/Child.flow-meta.xml`]: child,
      [`${D}/flows/Parent.flow-meta.xml`]: parent(input, output)
    });
    return project.run(crossReferencesCheck);
  }

  it("accepts input and output assignments to the subflow's input and output variables", async () => {
    expect(await run('greeting', 'reply')).toEqual([]);
  });

  it.each([
    ['internal', 'reply', /'internal' is no variable of flow Child available for input \(greeting\)/],
    ['greeting', 'greeting', /'greeting' is no variable of flow Child available for output \(reply\)/]
  ])('flow-subflow-variable: input %s, output %s is caught', async (input, output, says) => {
    const problems = await run(input, output);
    expect(withRule(problems, 'flow-subflow-variable')).toEqual([
      expect.objectContaining({ file: `${D}/flows/Parent.flow-meta.xml`, severity: 'error' })
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toMatch(says);
  });
});

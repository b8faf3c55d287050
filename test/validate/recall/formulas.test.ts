import { crossReferencesCheck } from '../../../scripts/validate/checks/cross-references';
import { Problem } from '../../../scripts/validate/core/types';
import { FormulaType, parseFormula } from '../../../scripts/validate/references/formula-parser';
import { customObject, D, field, metadata, MiniProject, withRule } from './mini-project';

describe('recall: formula parser', () => {
  const typeOf = (formula: string, fields: Record<string, FormulaType> = {}): FormulaType =>
    parseFormula(formula).resultType((path) => fields[path] ?? 'Unknown');

  it.each([
    'AND(ISCHANGED(Install_Date__c), Install_Date__c < TODAY(), NOT(ISPICKVAL(Status__c, "Completed")))',
    'IF(ISBLANK(Name), "Order " & OrderNumber, LEFT(Name, 80))',
    'CASE(TEXT(Stage__c), "Won", 1, "Lost", 0, 0.5) * Amount__c',
    'HYPERLINK("/" & Id, Name, "_blank")',
    '/* a comment */ $User.Id <> OwnerId && $Profile.Name != "System Administrator"',
    'VLOOKUP($ObjectType.Zip__c.Fields.City__c, $ObjectType.Zip__c.Fields.Name, LEFT(Zip__c, 5))',
    'REGEX(Phone, "\\\\D*[0-9]{3}\\\\D*")',
    '-1 + 2^3 * .5',
    'Owner:User.Email',
    'BLANKVALUE($Setup.Settings__c.Limit__c, 0)',
    'TODAY() - Date_Listed__c'
  ])('reads %s without an issue', (formula) => {
    expect(parseFormula(formula).issues).toEqual([]);
  });

  it('collects the field names, not globals, functions or literals', () => {
    expect(
      parseFormula('IF(ISPICKVAL(Status__c, "A"), Account__r.Name, $User.Email) & TRUE').fields.map((f) => f.path)
    ).toEqual(['Status__c', 'Account__r.Name']);
  });

  it.each([
    ['AND(A__c, B__c', "Syntax error. Missing ')'"],
    ['AND(A__c, B__c))', "Syntax error. Extra ')'"],
    ['"open', 'Syntax error: a text literal is not closed'],
    ['IF(A__c, 1)', "Incorrect number of parameters for function 'IF()'. Expected 3, received 2"],
    ['LEFT(Name)', "Incorrect number of parameters for function 'LEFT()'. Expected 2, received 1"]
  ])('%s is an error: %s', (formula, message) => {
    expect(parseFormula(formula).issues).toEqual([expect.objectContaining({ severity: 'error', message })]);
  });

  it('an unknown function is only a warning', () => {
    expect(parseFormula('FOO(1)').issues).toEqual([
      expect.objectContaining({ severity: 'warning', rule: 'formula-function' })
    ]);
  });

  it.each<[string, FormulaType]>([
    ['"x" & Name', 'Text'],
    ['A__c > 1', 'Boolean'],
    ['IF(A__c, 1, NULL)', 'Number'],
    ['IF(A__c, 1, "x")', 'Unknown'],
    ['CASE(X__c, "a", "one", "other")', 'Text'],
    ['TODAY() - Date_Listed__c', 'Unknown'],
    ['Amount__c * 1.2', 'Number'],
    ['NOW()', 'DateTime']
  ])('%s is of type %s', (formula, type) => {
    expect(typeOf(formula, { Amount__c: 'Number', Date_Listed__c: 'Date' })).toBe(type);
  });
});

describe('recall: formulas in metadata (cross-references)', () => {
  let project: MiniProject | undefined;
  afterEach(() => project?.dispose());

  const OBJECT = `${D}/objects/Thing__c`;
  const baseFiles = (): Record<string, string> => ({
    [`${OBJECT}/Thing__c.object-meta.xml`]: customObject(),
    [`${OBJECT}/fields/Amount__c.field-meta.xml`]: field(
      'Amount__c',
      '    <precision>16</precision>\n    <scale>2</scale>\n    <type>Currency</type>'
    ),
    [`${OBJECT}/fields/Stage__c.field-meta.xml`]: field(
      'Stage__c',
      '    <type>Picklist</type>\n    <valueSet>\n        <valueSetDefinition>\n            <sorted>false</sorted>\n            <value>\n                <fullName>Open</fullName>\n                <default>true</default>\n                <label>Open</label>\n            </value>\n        </valueSetDefinition>\n    </valueSet>'
    ),
    [`${OBJECT}/fields/Account__c.field-meta.xml`]: field(
      'Account__c',
      '    <referenceTo>Account</referenceTo>\n    <relationshipName>Things</relationshipName>\n    <type>Lookup</type>'
    )
  });
  const formulaField = (name: string, type: string, formula: string) =>
    field(
      name,
      `    <formula>${formula}</formula>\n    <formulaTreatBlanksAs>BlankAsZero</formulaTreatBlanksAs>\n    <type>${type}</type>`
    );

  async function run(extra: Record<string, string>): Promise<Problem[]> {
    project = new MiniProject({ ...baseFiles(), ...extra });
    return project.run(crossReferencesCheck);
  }

  const WITH_TAX = `${OBJECT}/fields/With_Tax__c.field-meta.xml`;
  const RULE = `${OBJECT}/validationRules/Amount_Positive.validationRule-meta.xml`;
  const rule = (formula: string, displayField = 'Amount__c') =>
    metadata(
      'ValidationRule',
      `    <fullName>Amount_Positive</fullName>\n    <active>true</active>\n    <errorConditionFormula>${formula}</errorConditionFormula>\n    <errorDisplayField>${displayField}</errorDisplayField>\n    <errorMessage>Positive, please.</errorMessage>`
    );

  it('accepts correct formula fields and validation rules (fields through lookups, matching result types)', async () => {
    expect(
      await run({
        [WITH_TAX]: formulaField('With_Tax__c', 'Currency', 'Amount__c * 1.2'),
        [`${OBJECT}/fields/Account_Name__c.field-meta.xml`]: formulaField(
          'Account_Name__c',
          'Text',
          'Account__r.Name &amp; &quot; (&quot; &amp; Account__r.Owner.Name &amp; &quot;)&quot;'
        ),
        [`${OBJECT}/fields/Big__c.field-meta.xml`]: formulaField('Big__c', 'Checkbox', 'Amount__c &gt; 1000'),
        [RULE]: rule(
          'AND(NOT(ISBLANK(Account__c)), Amount__c &lt;= 0, ISPICKVAL(Stage__c, &quot;Open&quot;), TEXT(Stage__c) &lt;&gt; &quot;&quot;)'
        )
      })
    ).toEqual([]);
  });

  it.each<[string, string, Record<string, string>, RegExp]>([
    [
      'formula-field-unknown',
      WITH_TAX,
      { [WITH_TAX]: formulaField('With_Tax__c', 'Currency', 'Amont__c * 1.2') },
      /Field Amont__c does not exist on Thing__c/
    ],
    [
      'formula-field-unknown',
      WITH_TAX,
      { [WITH_TAX]: formulaField('With_Tax__c', 'Text', 'Account__r.Nam') },
      /Field Nam does not exist on Account/
    ],
    [
      'formula-syntax',
      WITH_TAX,
      { [WITH_TAX]: formulaField('With_Tax__c', 'Currency', 'ROUND(Amount__c * 1.2, 2') },
      /Missing '\)'/
    ],
    [
      'formula-function',
      WITH_TAX,
      { [WITH_TAX]: formulaField('With_Tax__c', 'Currency', 'ROUND(Amount__c * 1.2)') },
      /Expected 2, received 1/
    ],
    [
      'formula-result-type',
      WITH_TAX,
      { [WITH_TAX]: formulaField('With_Tax__c', 'Checkbox', 'TEXT(Amount__c)') },
      /data type \(Text\), incompatible with expected data type \(Boolean\)/
    ],
    [
      'formula-result-type',
      WITH_TAX,
      { [WITH_TAX]: formulaField('With_Tax__c', 'Number', '&quot;high&quot;') },
      /data type \(Text\), incompatible with expected data type \(Number\)/
    ],
    ['formula-field-unknown', RULE, { [RULE]: rule('Amout__c &lt;= 0') }, /Field Amout__c does not exist/],
    [
      'formula-result-type',
      RULE,
      { [RULE]: rule('Amount__c * 2') },
      /data type \(Number\), incompatible with expected data type \(Boolean\)/
    ],
    [
      'formula-picklist-use',
      RULE,
      { [RULE]: rule('AND(Stage__c = &quot;Open&quot;, Amount__c &lt;= 0)') },
      /uses Stage__c with =: Field Stage__c is a picklist field/
    ],
    [
      'formula-picklist-use',
      WITH_TAX,
      { [WITH_TAX]: formulaField('With_Tax__c', 'Text', 'LEFT(Stage__c, 2)') },
      /uses Stage__c in LEFT\(\)/
    ],
    [
      'field',
      RULE,
      { [RULE]: rule('Amount__c &lt;= 0', 'Amont__c') },
      /errorDisplayField names field 'Thing__c.Amont__c'/
    ]
  ])('%s is caught in %s', async (ruleId, file, extra, says) => {
    const problems = await run(extra);
    expect(problems).toEqual([expect.objectContaining({ file, severity: 'error' })]);
    if (ruleId !== 'field') {
      expect(withRule(problems, ruleId)).toHaveLength(1);
    }
    expect(problems[0].message).toMatch(says);
  });

  it('default values are formulas: syntax and result type are checked; a literal of the right type is accepted', async () => {
    const FLAG = `${OBJECT}/fields/Flag__c.field-meta.xml`;
    const flag = (defaultValue: string, type = 'Checkbox') =>
      field('Flag__c', `    <defaultValue>${defaultValue}</defaultValue>\n    <type>${type}</type>`);
    expect(await run({ [FLAG]: flag('false') })).toEqual([]);
    project?.dispose();
    expect(await run({ [FLAG]: flag('TODAY() + 7', 'Date') })).toEqual([]);
    project?.dispose();
    const wrongType = await run({ [FLAG]: flag('&quot;no&quot;') });
    expect(withRule(wrongType, 'formula-result-type')).toEqual([
      expect.objectContaining({ file: FLAG, severity: 'error' })
    ]);
    project?.dispose();
    expect(withRule(await run({ [FLAG]: flag('ADDMONTHS(TODAY()', 'Date') }), 'formula-syntax')).toHaveLength(1);
  });

  it('flow formulas: syntax and result type against <dataType>; merge fields are left to the flow checks', async () => {
    const flow = (expression: string, dataType: string) =>
      metadata(
        'Flow',
        `    <apiVersion>65.0</apiVersion>\n    <formulas>\n        <name>Doubled</name>\n        <dataType>${dataType}</dataType>\n        <expression>${expression}</expression>\n    </formulas>\n    <label>F</label>\n    <processType>AutoLaunchedFlow</processType>\n    <start>\n        <locationX>0</locationX>\n        <locationY>0</locationY>\n    </start>\n    <status>Active</status>\n    <variables>\n        <name>amount</name>\n        <dataType>Number</dataType>\n        <isCollection>false</isCollection>\n        <isInput>true</isInput>\n        <isOutput>false</isOutput>\n        <scale>2</scale>\n    </variables>`
      );
    const FLOW = `${D}/flows/F.flow-meta.xml`;
    expect(await run({ [FLOW]: flow('{!amount} * 2', 'Number') })).toEqual([]);
    project?.dispose();
    expect(
      withRule(
        await run({ [FLOW]: flow('IF({!amount} &gt; 1, &quot;big&quot;, &quot;small&quot;)', 'Boolean') }),
        'formula-result-type'
      )
    ).toHaveLength(1);
    project?.dispose();
    expect(withRule(await run({ [FLOW]: flow('MOD({!amount})', 'Number') }), 'formula-function')).toHaveLength(1);
  });
  it('record-triggered flow formulas: $Record picklist fields only in picklist functions, ISPICKVAL only on picklists', async () => {
    const FLOW = `${D}/flows/Thing_Changed.flow-meta.xml`;
    const flow = (filter: string) =>
      metadata(
        'Flow',
        `    <apiVersion>65.0</apiVersion>\n    <label>Thing Changed</label>\n    <processType>AutoLaunchedFlow</processType>\n    <start>\n        <locationX>0</locationX>\n        <locationY>0</locationY>\n        <filterFormula>${filter}</filterFormula>\n        <object>Thing__c</object>\n        <recordTriggerType>Update</recordTriggerType>\n        <triggerType>RecordAfterSave</triggerType>\n    </start>\n    <status>Active</status>`
      );
    expect(
      await run({
        [FLOW]: flow(
          'AND(ISCHANGED({!$Record.Stage__c}), ISPICKVAL({!$Record.Stage__c}, &quot;Open&quot;), {!$Record.Amount__c} &gt; {!$Record__Prior.Amount__c})'
        )
      })
    ).toEqual([]);
    project?.dispose();
    expect(await run({ [FLOW]: flow('{!$Record.Stage__c} = &quot;Open&quot;') })).toEqual([
      expect.objectContaining({
        file: FLOW,
        severity: 'error',
        message: expect.stringMatching(/\$Record.Stage__c with =: Field \$Record.Stage__c is a picklist field/)
      })
    ]);
    project?.dispose();
    expect(await run({ [FLOW]: flow('ISPICKVAL({!$Record.Amount__c}, &quot;1&quot;)') })).toEqual([
      expect.objectContaining({
        file: FLOW,
        severity: 'error',
        message: expect.stringMatching(/'ISPICKVAL\(\)'. Expected Picklist, received Currency/)
      })
    ]);
  });

  it('ISPICKVAL on a field that is no picklist fails in a validation rule too', async () => {
    expect(await run({ [RULE]: rule('ISPICKVAL(Amount__c, &quot;1&quot;)') })).toEqual([
      expect.objectContaining({
        file: RULE,
        severity: 'error',
        message: expect.stringMatching(/Expected Picklist, received Currency: .*\[formula-picklist-use\]/)
      })
    ]);
  });
  it('ISCHANGED, ISNEW and PRIORVALUE: accepted in validation rules and record-triggered flows, refused in formula fields and other flows', async () => {
    expect(
      await run({ [RULE]: rule('AND(ISCHANGED(Amount__c), NOT(ISNEW()), PRIORVALUE(Amount__c) &gt; 0)') })
    ).toEqual([]);
    project?.dispose();
    expect(await run({ [WITH_TAX]: formulaField('With_Tax__c', 'Currency', 'PRIORVALUE(Amount__c) * 1.2') })).toEqual([
      expect.objectContaining({
        file: WITH_TAX,
        severity: 'error',
        message: expect.stringMatching(
          /Function PRIORVALUE may not be used in this type of formula: a formula field .*\[formula-function-context\]/
        )
      })
    ]);
    project?.dispose();
    const FLOW = `${D}/flows/F.flow-meta.xml`;
    const flow = (start: string) =>
      metadata(
        'Flow',
        `    <apiVersion>65.0</apiVersion>\n    <formulas>\n        <name>Grew</name>\n        <dataType>Boolean</dataType>\n        <expression>ISCHANGED({!$Record.Amount__c})</expression>\n    </formulas>\n    <label>F</label>\n    <processType>AutoLaunchedFlow</processType>\n    <start>\n        <locationX>0</locationX>\n        <locationY>0</locationY>\n${start}    </start>\n    <status>Active</status>`
      );
    const recordTriggered =
      '        <object>Thing__c</object>\n        <recordTriggerType>Update</recordTriggerType>\n        <triggerType>RecordAfterSave</triggerType>\n';
    expect(await run({ [FLOW]: flow(recordTriggered) })).toEqual([]);
    project?.dispose();
    expect(withRule(await run({ [FLOW]: flow('') }), 'formula-function-context')).toEqual([
      expect.objectContaining({ file: FLOW, message: expect.stringMatching(/Function ISCHANGED .*this flow/) })
    ]);
  });
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SELECTED_RULES } from '../../scripts/validate/apex/pmd-rules';
import { apexPmdCheck } from '../../scripts/validate/checks/apex-pmd';
import { Project } from '../../scripts/validate/core/project';
import { CheckOutcome, Problem } from '../../scripts/validate/core/types';
import { FixtureCopy } from '../support/fixture';

const DEFAULTS = 'force-app/main/default/classes/InvoiceDefaults.cls';
const SERVICE = 'force-app/main/default/classes/InvoiceService.cls';
const SERVICE_TESTS = 'force-app/main/default/classes/InvoiceService_Tests.cls';

/** The problems one rule raised, as `file:line severity` strings that read well in a failed assertion. */
function findings(outcome: CheckOutcome, rule: string): string[] {
  return outcome.problems
    .filter((problem) => problem.message.startsWith(`${rule}:`))
    .map((problem) => `${problem.file}:${problem.line} ${problem.severity}`);
}

function errors(outcome: CheckOutcome): Problem[] {
  return outcome.problems.filter((problem) => problem.severity === 'error');
}

describe('apex-pmd', () => {
  let fixture: FixtureCopy;
  beforeEach(() => {
    fixture = new FixtureCopy('clean-project');
  });
  afterEach(() => fixture.dispose());

  const run = (): Promise<CheckOutcome> => apexPmdCheck.run(new Project(fixture.root));

  test('passes the clean fixture with no problem at all, and leaves JAVA_TOOL_OPTIONS as it was', async () => {
    const javaToolOptions = process.env.JAVA_TOOL_OPTIONS;

    const outcome = await run();

    expect(outcome.problems).toEqual([]);
    expect(outcome.filesSeen).toBe(4);
    expect(process.env.JAVA_TOOL_OPTIONS).toBe(javaToolOptions);
  });

  test('fails a SOQL query and a DML statement inside a loop (OperationWithLimitsInLoop, raised to an error)', async () => {
    fixture.replace(
      SERVICE,
      "      invoice.Status__c = 'Sent';\n",
      [
        '      Account owner = [SELECT Id FROM Account WHERE Id = :invoice.Account__c WITH USER_MODE];',
        "      invoice.Status__c = 'Sent';",
        '      Database.update(invoice, AccessLevel.USER_MODE);',
        ''
      ].join('\n')
    );

    const outcome = await run();

    expect(findings(outcome, 'OperationWithLimitsInLoop')).toEqual([`${SERVICE}:18 error`, `${SERVICE}:20 error`]);
    expect(outcome.problems.find((problem) => problem.line === 20)?.message).toMatch(
      /^OperationWithLimitsInLoop: .*governor limits.*bulkify/
    );
    // Severity 3 rules that the project does not raise stay warnings: the unused `owner`.
    expect(findings(outcome, 'UnusedLocalVariable')).toEqual([`${SERVICE}:18 warning`]);
  });

  test('fails a class that uses SOQL and DML without declaring sharing (ApexSharingViolations)', async () => {
    fixture.replace(SERVICE, 'public with sharing class InvoiceService', 'public class InvoiceService');

    const outcome = await run();

    expect(findings(outcome, 'ApexSharingViolations')).toEqual([`${SERVICE}:4 error`]);
    expect(errors(outcome)).toHaveLength(1);
  });

  test('fails an empty catch block (EmptyCatchBlock)', async () => {
    fixture.replace(
      SERVICE,
      '    Database.update(drafts, AccessLevel.USER_MODE);',
      '    try {\n      Database.update(drafts, AccessLevel.USER_MODE);\n    } catch (DmlException cause) {\n    }'
    );

    const outcome = await run();

    expect(findings(outcome, 'EmptyCatchBlock')).toEqual([`${SERVICE}:22 error`]);
    expect(errors(outcome)).toHaveLength(1);
  });

  test('fails a test class without assertions (ApexUnitTestClassShouldHaveAsserts)', async () => {
    fixture.replace(
      SERVICE_TESTS,
      "Assert.areEqual(1, changed, 'only the draft invoice is sent');",
      'System.debug(changed);'
    );

    const outcome = await run();

    expect(findings(outcome, 'ApexUnitTestClassShouldHaveAsserts')).toEqual([`${SERVICE_TESTS}:4 error`]);
    expect(errors(outcome)).toHaveLength(1);
  });

  test('fails a query that ignores the user’s object and field access (ApexCRUDViolation)', async () => {
    fixture.replace(SERVICE, '      WITH USER_MODE\n', '');

    const outcome = await run();

    expect(findings(outcome, 'ApexCRUDViolation')).toEqual([`${SERVICE}:11 error`]);
    expect(errors(outcome)).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/^ApexCRUDViolation: .*enforce user mode/) })
    ]);
  });

  test('fails a file PMD cannot parse, naming the file and line, instead of passing it unchecked', async () => {
    fixture.replace(DEFAULTS, "invoice.Status__c = 'Draft';", "invoice.Status__c = 'Draft'");

    const outcome = await run();

    expect(outcome.problems).toEqual([
      {
        file: DEFAULTS,
        line: 13,
        severity: 'error',
        message: expect.stringMatching(/^PMD cannot parse this file, so no rule checked it: missing ';' at '}'/)
      }
    ]);
  });

  test('says clearly that Java is missing instead of failing obscurely', async () => {
    const saved = { PATH: process.env.PATH, JAVA_HOME: process.env.JAVA_HOME };
    process.env.PATH = '';
    delete process.env.JAVA_HOME;
    try {
      const outcome = await run();

      expect(outcome.problems).toEqual([
        expect.objectContaining({ file: '.', severity: 'error', message: expect.stringMatching(/Java 17 or newer/) })
      ]);
    } finally {
      process.env.PATH = saved.PATH;
      if (saved.JAVA_HOME !== undefined) {
        process.env.JAVA_HOME = saved.JAVA_HOME;
      }
    }
  });

  test('docs/quality-gate/apex.md explains every selected rule', () => {
    const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'quality-gate', 'apex.md'), 'utf8');

    const undocumented = SELECTED_RULES.filter((rule) => !doc.includes(`\`${rule.name}\``)).map((rule) => rule.name);

    expect(undocumented).toEqual([]);
  });
});

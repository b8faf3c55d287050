import { apexTypesCheck } from '../../scripts/validate/checks/apex-types';
import { Project } from '../../scripts/validate/core/project';
import { CheckOutcome } from '../../scripts/validate/core/types';
import { FixtureCopy } from '../support/fixture';

const DEFAULTS = 'force-app/main/default/classes/InvoiceDefaults.cls';
const SERVICE = 'force-app/main/default/classes/InvoiceService.cls';
const TRIGGER = 'force-app/main/default/triggers/InvoiceTrigger.trigger';

describe('apex-types', () => {
  let fixture: FixtureCopy;
  beforeEach(() => {
    fixture = new FixtureCopy('clean-project');
  });
  afterEach(() => fixture.dispose());

  const run = (): Promise<CheckOutcome> => apexTypesCheck.run(new Project(fixture.root));

  test('passes the clean fixture, whose Apex uses its own custom object and fields and standard SObjects', async () => {
    const outcome = await run();

    expect(outcome.problems).toEqual([]);
    expect(outcome.filesSeen).toBe(4);
  });

  test('reports assigning a String to an Integer', async () => {
    fixture.replace(SERVICE, '    return drafts.size();', "    Integer changed = 'many';\n    return drafts.size();");

    const outcome = await run();

    expect(outcome.problems).toEqual([
      expect.objectContaining({
        file: SERVICE,
        line: 21,
        severity: 'error',
        message: expect.stringContaining("Incompatible types in assignment, from 'System.String' to 'System.Integer'")
      })
    ]);
  });

  test('reports a call of a method the class does not have (in a trigger)', async () => {
    fixture.replace(TRIGGER, 'InvoiceDefaults.apply(Trigger.new);', 'InvoiceDefaults.applyAll(Trigger.new);');

    const outcome = await run();

    expect(outcome.problems).toEqual([
      expect.objectContaining({
        file: TRIGGER,
        line: 2,
        severity: 'error',
        message: expect.stringContaining("No matching method found for 'applyAll' on 'InvoiceDefaults'")
      })
    ]);
  });

  test('reports a field that the custom object Invoice__c does not define', async () => {
    fixture.replace(DEFAULTS, "invoice.Status__c = 'Draft';", "invoice.Nope__c = 'Draft';");

    const outcome = await run();

    expect(outcome.problems).toEqual([
      expect.objectContaining({
        file: DEFAULTS,
        line: 12,
        severity: 'error',
        message: expect.stringContaining("Unknown field 'Nope__c' on SObject 'Schema.Invoice__c'")
      })
    ]);
  });

  test('says clearly that Java is missing instead of failing obscurely', async () => {
    const saved = { PATH: process.env.PATH, JAVA_HOME: process.env.JAVA_HOME };
    process.env.PATH = '';
    delete process.env.JAVA_HOME;
    try {
      const outcome = await run();

      expect(outcome.problems).toEqual([
        expect.objectContaining({
          file: '.',
          severity: 'error',
          message: expect.stringMatching(/Java 17 or newer is needed/)
        })
      ]);
    } finally {
      process.env.PATH = saved.PATH;
      if (saved.JAVA_HOME !== undefined) {
        process.env.JAVA_HOME = saved.JAVA_HOME;
      }
    }
  });

  test('starts no Java for a project without Apex', async () => {
    fixture.remove('force-app/main/default/classes');
    fixture.remove('force-app/main/default/triggers');

    const outcome = await run();

    expect(outcome).toEqual({ filesSeen: 0, problems: [] });
  });
});

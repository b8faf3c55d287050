import { apexFormatCheck } from '../../scripts/validate/checks/apex-format';
import { Project } from '../../scripts/validate/core/project';
import { CheckOutcome } from '../../scripts/validate/core/types';
import { FixtureCopy } from '../support/fixture';

const DEFAULTS = 'force-app/main/default/classes/InvoiceDefaults.cls';
const TRIGGER = 'force-app/main/default/triggers/InvoiceTrigger.trigger';

describe('apex-format', () => {
  let fixture: FixtureCopy;
  beforeEach(() => {
    fixture = new FixtureCopy('clean-project');
  });
  afterEach(() => fixture.dispose());

  const run = (): Promise<CheckOutcome> => apexFormatCheck.run(new Project(fixture.root));

  test('passes the clean fixture: its 3 classes and 1 trigger are formatted', async () => {
    const outcome = await run();

    expect(outcome.problems).toEqual([]);
    expect(outcome.filesSeen).toBe(4);
  });

  test('leaves a file that does not parse to apex-syntax (no second error for one typo)', async () => {
    fixture.replace(DEFAULTS, "invoice.Status__c = 'Draft';", "invoice.Status__c = 'Draft'");

    const outcome = await run();

    expect(outcome.problems).toEqual([]);
  });

  test('reports a Prettier failure shared by every file once, with the number of files', async () => {
    fixture.write('.prettierrc', JSON.stringify({ plugins: ['prettier-plugin-that-is-not-installed'] }));

    const outcome = await run();

    expect(outcome.problems).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: expect.stringMatching(
          /^Prettier could not check this file \(and 3 more Apex files\): .*prettier-plugin-that-is-not-installed/
        )
      })
    ]);
  });

  test('reports an unformatted class at its first differing line and says how to fix it', async () => {
    fixture.replace(
      DEFAULTS,
      'public static void apply(List<Invoice__c> invoices) {',
      'public static void apply( List<Invoice__c> invoices ){'
    );

    const outcome = await run();

    expect(outcome.problems).toEqual([
      expect.objectContaining({
        file: DEFAULTS,
        line: 9,
        severity: 'error',
        message: expect.stringContaining('run npm run prettier')
      })
    ]);
  });

  test('reports an unformatted trigger (indentation)', async () => {
    fixture.replace(TRIGGER, '  InvoiceDefaults.apply(Trigger.new);', '      InvoiceDefaults.apply(Trigger.new);');

    const outcome = await run();

    expect(outcome.problems).toEqual([
      expect.objectContaining({
        file: TRIGGER,
        line: 2,
        severity: 'error',
        message: expect.stringContaining('not formatted')
      })
    ]);
  });

  test('skips files the project tells Prettier to ignore, as prettier --check does', async () => {
    fixture.replace(
      DEFAULTS,
      'public static void apply(List<Invoice__c> invoices) {',
      'public static void apply( List<Invoice__c> invoices ){'
    );
    fixture.write('.prettierignore', `${DEFAULTS}\n`);

    const outcome = await run();

    expect(outcome.problems).toEqual([]);
  });

  test('uses the installed apex plugin even when the project has no Prettier config', async () => {
    fixture.remove('.prettierrc');
    fixture.replace(TRIGGER, '  InvoiceDefaults.apply(Trigger.new);', '      InvoiceDefaults.apply(Trigger.new);');

    const outcome = await run();

    expect(outcome.problems).toEqual([expect.objectContaining({ file: TRIGGER, line: 2, severity: 'error' })]);
  });

  test('sees nothing to check in a project without Apex', async () => {
    fixture.remove('force-app/main/default/classes');
    fixture.remove('force-app/main/default/triggers');

    const outcome = await run();

    expect(outcome).toEqual({ filesSeen: 0, problems: [] });
  });
});

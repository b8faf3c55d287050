import { apexSyntaxCheck } from '../../scripts/validate/checks/apex-syntax';
import { Project } from '../../scripts/validate/core/project';
import { CheckOutcome } from '../../scripts/validate/core/types';
import { FixtureCopy } from '../support/fixture';

const DEFAULTS = 'force-app/main/default/classes/InvoiceDefaults.cls';
const TRIGGER = 'force-app/main/default/triggers/InvoiceTrigger.trigger';

describe('apex-syntax', () => {
  let fixture: FixtureCopy;
  beforeEach(() => {
    fixture = new FixtureCopy('clean-project');
  });
  afterEach(() => fixture.dispose());

  const run = (): Promise<CheckOutcome> => apexSyntaxCheck.run(new Project(fixture.root));

  test('passes the clean fixture: its 3 classes and 1 trigger parse', async () => {
    expect(await run()).toEqual({ filesSeen: 4, problems: [] });
  });

  test('reports a missing semicolon once, at the line of the statement that lacks it', async () => {
    fixture.replace(DEFAULTS, "invoice.Status__c = 'Draft';", "invoice.Status__c = 'Draft'");

    const outcome = await run();

    // The statement ends on line 12; jorje notices at the next token, the `}` on line 13.
    expect(outcome.problems).toEqual([
      expect.objectContaining({
        file: DEFAULTS,
        line: 12,
        severity: 'error',
        message: "Apex syntax error: Missing ';' at '}'"
      })
    ]);
  });

  test('reports a syntax error in a trigger', async () => {
    fixture.replace(TRIGGER, 'InvoiceDefaults.apply(Trigger.new);', 'InvoiceDefaults.apply(Trigger.new;');

    const outcome = await run();

    expect(outcome.problems).toEqual([
      expect.objectContaining({
        file: TRIGGER,
        line: 2,
        severity: 'error',
        message: expect.stringMatching(/syntax error/)
      })
    ]);
  });

  test('parses files that Prettier is told to ignore', async () => {
    fixture.replace(DEFAULTS, "invoice.Status__c = 'Draft';", "invoice.Status__c = 'Draft'");
    fixture.write('.prettierignore', `${DEFAULTS}\n`);

    const outcome = await run();

    expect(outcome.problems).toEqual([expect.objectContaining({ file: DEFAULTS, line: 12, severity: 'error' })]);
  });

  test('is not fooled by a Prettier config that fails: the files still parse', async () => {
    fixture.write('.prettierrc', JSON.stringify({ plugins: ['prettier-plugin-that-is-not-installed'] }));

    expect((await run()).problems).toEqual([]);
  });
});

import { docsReferenceCheck } from '../../scripts/validate/checks/docs-reference';
import { FixtureCopy } from '../support/fixture';
import { errorsOf, problemsOf } from '../support/run-check';

const REFERENCE = 'docs/reference/metadata.md';

describe('docs-reference check', () => {
  let fixture: FixtureCopy;
  beforeEach(() => (fixture = new FixtureCopy('clean-project')));
  afterEach(() => fixture.dispose());

  it('passes when the committed reference matches the metadata', async () => {
    expect(await problemsOf(docsReferenceCheck, fixture)).toEqual([]);
  });

  it('fails when a picklist value changes without regenerating, pointing at the first stale line', async () => {
    fixture.replace(
      'force-app/main/default/objects/Invoice__c/fields/Status__c.field-meta.xml',
      '<fullName>Sent</fullName>',
      '<fullName>Posted</fullName>'
    );
    const errors = await errorsOf(docsReferenceCheck, fixture);
    expect(errors).toEqual([
      expect.objectContaining({ file: REFERENCE, message: expect.stringContaining('run npm run docs') })
    ]);
    expect(fixture.read(REFERENCE).split('\n')[(errors[0].line ?? 0) - 1]).toContain('`Status__c`');
  });

  it('fails when the reference is missing', async () => {
    fixture.remove(REFERENCE);
    expect(await errorsOf(docsReferenceCheck, fixture)).toEqual([
      expect.objectContaining({ file: REFERENCE, message: expect.stringContaining('missing') })
    ]);
  });
});

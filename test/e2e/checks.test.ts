import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_E2E_CHECKS } from '../../scripts/e2e/checks';

/** The README's table of the end-to-end checks: `| \`id\` | heading |` rows. */
function readmeCheckRows(): Map<string, string> {
  const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
  const rows = [...readme.matchAll(/^\| `([a-z0-9-]+)` +\| ([^|]+?) *\|$/gm)];
  return new Map(rows.map((row) => [row[1], row[2].trim()]));
}

/** What a check proves starts with the data flow or contract, in the words of the docs, before the first colon. */
const headingOf = (proves: string) => proves.split(':')[0];

describe('the end-to-end checks', () => {
  it('have unique ids, and each starts with the data flow or contract it proves', () => {
    const ids = ALL_E2E_CHECKS.map((check) => check.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const check of ALL_E2E_CHECKS) {
      expect({ id: check.id, heading: headingOf(check.proves) }).toEqual({
        id: check.id,
        heading: expect.stringMatching(
          /^(Data flow [1-5], |The Order Approval automation|Subscription builder, |REST web service, )/
        )
      });
      // No words that only an issue tracker knows.
      expect(check.proves).not.toMatch(/issue \d|seed 00\d/);
    }
  });

  it('are listed in the README with the same ids and headings, and the README lists no other', () => {
    const rows = readmeCheckRows();
    expect(Object.fromEntries(rows)).toEqual(
      Object.fromEntries(ALL_E2E_CHECKS.map((check) => [check.id, headingOf(check.proves)]))
    );
  });

  it("walk all five portal data flows and the subscription builder's entry points", () => {
    const headings = ALL_E2E_CHECKS.map((check) => headingOf(check.proves)).join('\n');
    for (const flow of [
      'Data flow 1, Customer Registration',
      'Data flow 2, Internet Eligibility Request',
      'Data flow 3, Order Placement',
      'Data flow 4, Order Approval & Provisioning',
      'Data flow 5, Cancellation Request',
      'Master subscriptions',
      'Data mappings',
      'REST web service, Safe retries',
      'REST web service, Dry run'
    ]) {
      expect(headings).toContain(flow);
    }
  });
});

import { ALL_E2E_CHECKS } from '../../scripts/e2e/checks';

describe('the end-to-end checks', () => {
  it('have unique ids and each names the seed or issue requirement it proves', () => {
    const ids = ALL_E2E_CHECKS.map((check) => check.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const check of ALL_E2E_CHECKS) {
      expect({ id: check.id, names: /seed 00[04]|issue 5/.test(check.proves) }).toEqual({ id: check.id, names: true });
    }
  });

  it("walk all five data flows of seed 000 and the subscription builder's entry points of seed 004", () => {
    const proves = ALL_E2E_CHECKS.map((check) => check.proves).join('\n');
    for (const flow of [1, 2, 3, 4, 5]) {
      expect(proves).toContain(`seed 000 data flow ${flow}`);
    }
    for (const topic of [
      'master subscriptions',
      'data mappings',
      'Calling Subscription Build Web Service',
      'safe retries',
      'dry run'
    ]) {
      expect(proves).toContain(topic);
    }
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The CI org job, read as text: it is skipped without Dev Hub secrets, runs the org scripts in the order the issue
 * asks for, and always deletes the org. The npm scripts it calls must exist as files (and, once package.json has
 * them, run those files).
 */
const ROOT = join(__dirname, '..', '..');
const workflow = readFileSync(join(ROOT, '.github', 'workflows', 'org.yml'), 'utf8');

const NPM_SCRIPTS: Record<string, string> = {
  'org:create': 'ts-node --transpile-only scripts/org/create.ts',
  'org:setup': 'ts-node --transpile-only scripts/org/setup.ts',
  'org:seed': 'ts-node --transpile-only scripts/org/seed.ts',
  'test:apex:org': 'ts-node --transpile-only scripts/org/apex-tests.ts',
  'org:test:apex': 'ts-node --transpile-only scripts/org/apex-tests.ts',
  'test:e2e': 'ts-node --transpile-only scripts/e2e/index.ts'
};

describe('.github/workflows/org.yml', () => {
  it('runs the scratch org job only when the first job found the Dev Hub secrets, and says so otherwise', () => {
    expect(workflow).toContain('echo "available=true" >> "$GITHUB_OUTPUT"');
    expect(workflow).toContain('::notice title=Scratch org job skipped::');
    expect(workflow).toContain("if: needs.secrets.outputs.available == 'true'");
    expect(workflow).toMatch(/sf org login jwt --client-id "\$SF_DEVHUB_CLIENT_ID" --jwt-key-file/);
  });

  it('validates with RunLocalTests, deploys, tests Apex with 90% coverage, seeds twice, runs the e2e checks, in that order', () => {
    const order = [
      'npm run org:create -- --alias "$ORG_ALIAS" --target-dev-hub devhub --duration-days 1 --validate --skip-seed --set-default',
      'npm run test:apex:org -- --min-coverage 90 --output-dir "$RUNNER_TEMP/apex-test-results"',
      'uses: actions/upload-artifact@v4',
      'run: npm run org:seed\n',
      'npm run --silent org:seed -- --json > "$RUNNER_TEMP/seed-again.json"',
      'if (r.created + r.updated !== 0)',
      'run: npm run test:e2e\n',
      'sf org delete scratch --target-org "$ORG_ALIAS" --no-prompt'
    ].map((text) => workflow.indexOf(text));
    expect(order.every((position) => position >= 0)).toBe(true);
    expect([...order].sort((left, right) => left - right)).toEqual(order);
  });

  it('uploads the JUnit and coverage files of the Apex run as an artifact, also when the tests failed', () => {
    expect(workflow).toMatch(
      /- name: Upload the Apex test results[^\n]*\n\s+if: always\(\)\n\s+uses: actions\/upload-artifact@v4\n\s+with:\n\s+name: apex-test-results\n\s+path: \$\{\{ runner\.temp \}\}\/apex-test-results\//
    );
  });

  it('names no org after creating it: the steps use the default org, as the README tells a developer', () => {
    const afterCreate = workflow.slice(
      workflow.indexOf('--set-default'),
      workflow.indexOf('- name: Delete the scratch org')
    );
    expect(afterCreate).not.toContain('--target-org');
  });

  it('always deletes the org and the keys', () => {
    expect(workflow).toMatch(/- name: Delete the scratch org\n\s+if: always\(\)/);
    expect(workflow).toMatch(/- name: Remove the keys\n\s+if: always\(\)/);
  });

  it.each(Object.entries(NPM_SCRIPTS))('npm run %s runs an existing script', (name, command) => {
    expect(existsSync(join(ROOT, command.split(' ').pop() ?? ''))).toBe(true);
    const scripts = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts;
    if (scripts[name] !== undefined) {
      expect(scripts[name]).toBe(command);
    }
  });

  it('calls no npm script but those', () => {
    const called = [...workflow.matchAll(/npm run (?:--silent )?([\w:-]+)/g)].map((match) => match[1]);
    expect(called.filter((name) => NPM_SCRIPTS[name] === undefined)).toEqual([]);
  });
});

/**
 * `npm test`: the project's Apex tests in the offline runtime (scripts/apex-runtime), then every jest project.
 * Arguments go to jest. The Apex run writes its results to a JSON file that jest's closing-line reporter adds to
 * the run's last line, so CI's "N passed, N failed" counts the Apex test methods too. Exits non-zero when either
 * part fails (an Apex FAIL or UNSUPPORTED, a jest failure).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const projectRoot = path.resolve(__dirname, '..', '..');
const bin = (name: string): string => path.join(projectRoot, 'node_modules', '.bin', name);

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const result = spawnSync(command, args, { cwd: projectRoot, stdio: 'inherit', env });
  if (result.error) {
    process.stderr.write(`error: could not start ${path.basename(command)}: ${result.error.message}\n`);
    return 1;
  }
  return result.status ?? 1;
}

function main(): number {
  const resultsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'apex-results-'));
  const apexResults = path.join(resultsDir, 'apex.json');
  try {
    process.stdout.write('Apex tests (offline runtime, npm run test:apex):\n');
    const apexStatus = run(bin('ts-node'), [
      '--transpile-only',
      path.join('scripts', 'apex-runtime', 'runner', 'cli.ts'),
      '--json',
      apexResults
    ]);
    const jestStatus = run(bin('jest'), process.argv.slice(2), { ...process.env, APEX_TEST_RESULTS: apexResults });
    return apexStatus !== 0 ? apexStatus : jestStatus;
  } finally {
    fs.rmSync(resultsDir, { recursive: true, force: true });
  }
}

process.exitCode = main();

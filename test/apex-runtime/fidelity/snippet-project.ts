/**
 * Builds a throwaway SFDX project around one Apex test class (plus any extra metadata files) and runs its test
 * methods through the runtime: the fidelity tests' common harness.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadProject } from '../../../scripts/apex-runtime/runner/project';
import { runTests, type TestResult } from '../../../scripts/apex-runtime/runner/run-tests';

/** `files` maps paths under force-app/ to their text (classes, objects, fields, ...). */
export function runSnippet(
  className: string,
  body: string,
  files: Record<string, string> = {}
): Map<string, TestResult> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'apex-snippet-'));
  fs.writeFileSync(
    path.join(root, 'sfdx-project.json'),
    JSON.stringify({ packageDirectories: [{ path: 'force-app', default: true }] })
  );
  const all = { ...files, [`classes/${className}.cls`]: `@IsTest\nprivate class ${className} {\n${body}\n}\n` };
  for (const [relative, text] of Object.entries(all)) {
    const file = path.join(root, 'force-app', relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  }
  const results = runTests(loadProject(root), {}, () => undefined);
  return new Map(results.map((r) => [r.methodName, r]));
}

/** The [name, outcome, message] triple of each method, for one readable expectation over many methods. */
export function outcomes(results: Map<string, TestResult>, names: string[]): [string, string?, string?][] {
  return names.map((name) => [name, results.get(name)?.outcome, results.get(name)?.message]);
}

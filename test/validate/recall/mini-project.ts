import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Project } from '../../../scripts/validate/core/project';
import { Check, Problem } from '../../../scripts/validate/core/types';

export const D = 'force-app/main/default';

/** An XML metadata file with the Metadata API namespace around `body`. */
export function metadata(root: string, body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="http://soap.sforce.com/2006/04/metadata">\n${body}\n</${root}>\n`;
}

/** A custom object with a Text name field and the given extra elements. */
export function customObject(extra = ''): string {
  return metadata(
    'CustomObject',
    `    <deploymentStatus>Deployed</deploymentStatus>
    <label>Thing</label>
    <nameField>
        <label>Name</label>
        <type>Text</type>
    </nameField>
    <pluralLabel>Things</pluralLabel>
    <sharingModel>ReadWrite</sharingModel>
${extra}`
  );
}

export function field(fullName: string, body: string): string {
  return metadata('CustomField', `    <fullName>${fullName}</fullName>\n    <label>${fullName}</label>\n${body}`);
}

/**
 * A throw-away SFDX project made of the given files (paths relative to the root), for recall tests that show one
 * mistake caught and its correct variant accepted.
 */
export class MiniProject {
  readonly root = mkdtempSync(join(tmpdir(), 'gate-recall-'));

  constructor(files: Record<string, string>, projectJson?: object) {
    this.write(
      'sfdx-project.json',
      JSON.stringify(
        projectJson ?? { packageDirectories: [{ path: 'force-app', default: true }], sourceApiVersion: '65.0' },
        null,
        2
      )
    );
    for (const [path, text] of Object.entries(files)) {
      this.write(path, text);
    }
  }

  write(path: string, text: string): void {
    mkdirSync(dirname(join(this.root, path)), { recursive: true });
    writeFileSync(join(this.root, path), text);
  }

  async run(check: Check): Promise<Problem[]> {
    return (await check.run(new Project(this.root))).problems;
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** Runs `check` on a throwaway project holding `files`, then removes the project. */
export async function runOnce(check: Check, files: Record<string, string>): Promise<Problem[]> {
  const project = new MiniProject(files);
  try {
    return await project.run(check);
  } finally {
    project.dispose();
  }
}

/** The problems that carry a rule id (`[rule-id]` in the message). */
export function withRule(problems: Problem[], ruleId: string): Problem[] {
  return problems.filter((problem) => problem.message.includes(`[${ruleId}]`));
}

/** A file's text and the one mistake planted in it: `from` replaced by `to` in the file at `path`. */
export type PlantedChange = [path: string, from: string, to: string];

/** `files` with `change` planted; fails the test when the text to replace is not there. */
export function withPlanted(files: Record<string, string>, change?: PlantedChange): Record<string, string> {
  if (!change) {
    return files;
  }
  const [path, from, to] = change;
  expect(files[path]).toContain(from);
  return { ...files, [path]: files[path].replace(from, to) };
}

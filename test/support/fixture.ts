import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** Absolute path of a folder under `test/fixtures`. */
export function fixturePath(...parts: string[]): string {
  return join(__dirname, '..', 'fixtures', ...parts);
}

/** A throw-away copy of a fixture project that a test may change ("plant a mistake") and validate. */
export class FixtureCopy {
  readonly root: string;

  constructor(fixture: string) {
    this.root = mkdtempSync(join(tmpdir(), 'gate-fixture-'));
    cpSync(fixturePath(fixture), this.root, { recursive: true });
  }

  path(relPath: string): string {
    return join(this.root, relPath);
  }

  read(relPath: string): string {
    return readFileSync(this.path(relPath), 'utf8');
  }

  write(relPath: string, text: string): void {
    mkdirSync(dirname(this.path(relPath)), { recursive: true });
    writeFileSync(this.path(relPath), text);
  }

  /** Replaces one exact occurrence; fails loudly if the fixture no longer contains the text (a test that plants nothing proves nothing). */
  replace(relPath: string, search: string, replacement: string): void {
    const text = this.read(relPath);
    if (!text.includes(search)) {
      throw new Error(`fixture ${relPath} does not contain ${JSON.stringify(search)}`);
    }
    this.write(relPath, text.replace(search, replacement));
  }

  remove(relPath: string): void {
    rmSync(this.path(relPath), { recursive: true, force: true });
  }

  dispose(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

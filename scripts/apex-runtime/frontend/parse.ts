/**
 * Parses Apex sources once per content: the converted syntax tree is cached on disk under
 * node_modules/.cache/apex-runtime by a hash of the file's text and the converter's version, because the ANTLR
 * JavaScript parser needs about 0.2 s a file cold.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ApexErrorListener, ApexParserFactory } from '@apexdevtools/apex-parser';
import type { CompilationUnit } from './ast';
import { Converter } from './convert';

/** Bump when the converter's output changes, so stale cache entries are not read. */
const CONVERTER_VERSION = '5';

const CACHE_DIR = path.resolve(__dirname, '../../../node_modules/.cache/apex-runtime');

export class ApexSyntaxProblem extends Error {}

class CollectingListener extends ApexErrorListener {
  readonly errors: string[] = [];
  apexSyntaxError(line: number, column: number, msg: string): void {
    this.errors.push(`line ${line}:${column} ${msg}`);
  }
}

/** Parses one class or trigger source to the runtime's syntax tree (no cache). */
export function parseSource(source: string, isTrigger: boolean): CompilationUnit {
  const listener = new CollectingListener();
  const { parser } = ApexParserFactory.createLexerAndParser(source, listener);
  const converter = new Converter(source);
  const unit = isTrigger
    ? converter.triggerUnit(parser.triggerUnit())
    : converter.compilationUnit(parser.compilationUnit());
  if (listener.errors.length > 0) throw new ApexSyntaxProblem(listener.errors.slice(0, 3).join('; '));
  return unit;
}

/** Parses with the disk cache; the cache is an optimisation only, so any cache I/O problem falls back to parsing. */
export function parseCached(source: string, isTrigger: boolean, useCache = true): CompilationUnit {
  if (!useCache) return parseSource(source, isTrigger);
  const key = createHash('sha1')
    .update(CONVERTER_VERSION)
    .update(isTrigger ? 'T' : 'C')
    .update(source)
    .digest('hex');
  const file = path.join(CACHE_DIR, `${key}.json`);
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as CompilationUnit;
  } catch {
    // not cached yet
  }
  const unit = parseSource(source, isTrigger);
  try {
    fs.mkdirSync(CACHE_DIR, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(unit));
  } catch {
    // a read-only tree still runs, only slower
  }
  return unit;
}

export interface SourceFile {
  file: string;
  name: string;
  isTrigger: boolean;
  source: string;
}

/** The package directories of an SFDX project (sfdx-project.json), or the root itself. */
export function packageDirectories(root: string): string[] {
  try {
    const project = JSON.parse(fs.readFileSync(path.join(root, 'sfdx-project.json'), 'utf8')) as {
      packageDirectories?: { path: string }[];
    };
    const dirs = (project.packageDirectories ?? [])
      .map((d) => path.resolve(root, d.path))
      .filter((d) => fs.existsSync(d));
    if (dirs.length > 0) return dirs;
  } catch {
    // not an SFDX project: scan the folder
  }
  return [root];
}

export function findApexSources(root: string): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(cls|trigger)$/i.test(entry.name)) {
        out.push({
          file: full,
          name: entry.name.replace(/\.(cls|trigger)$/i, ''),
          isTrigger: /\.trigger$/i.test(entry.name),
          source: fs.readFileSync(full, 'utf8')
        });
      }
    }
  };
  const seen = new Set<string>();
  for (const dir of packageDirectories(root)) {
    if (seen.has(dir)) continue;
    seen.add(dir);
    walk(dir);
  }
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

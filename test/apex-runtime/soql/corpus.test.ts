import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { scanApex } from '../../../scripts/validate/references/apex-source';
import { parseSoql } from '../../../scripts/apex-runtime/soql';

const PROJECT_ROOT = join(__dirname, '../../..');
const APEX_RECIPES = join(PROJECT_ROOT, '../../shared/peers/apex-recipes');

function apexFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      return entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : apexFiles(path);
    }
    return /\.(cls|trigger)$/.test(entry.name) ? [path] : [];
  });
}

/**
 * Every SOQL text of a project's Apex: static queries `[SELECT ...]`, and whole string literals that are a query
 * (`Database.query('SELECT ...')`; literals joined with `+` are fragments and left out).
 */
function soqlOf(root: string): { where: string; text: string }[] {
  const queries: { where: string; text: string }[] = [];
  for (const file of apexFiles(join(root, 'force-app'))) {
    const source = readFileSync(file, 'utf8');
    const where = relative(root, file);
    for (const query of scanApex(source).queries) {
      if (/^\s*SELECT\b/i.test(query.text)) {
        queries.push({ where, text: query.text });
      }
    }
    for (const match of source.matchAll(/(\+\s*)?'((?:[^'\\\n]|\\.)*)'(\s*\+)?/g)) {
      const literal = match[2].replace(/\\(.)/g, '$1');
      if (!match[1] && !match[3] && /^\s*SELECT\b[\s\S]*\bFROM\s+\w+/i.test(literal)) {
        queries.push({ where, text: literal });
      }
    }
  }
  return queries;
}

function failures(queries: { where: string; text: string }[]): string[] {
  return queries.flatMap(({ where, text }) => {
    try {
      parseSoql(text);
      return [];
    } catch (cause) {
      return [`${where}: ${text.replace(/\s+/g, ' ')} -> ${(cause as Error).message}`];
    }
  });
}

describe('SOQL parser on real code', () => {
  it("parses every SOQL of this project's Apex", () => {
    const queries = soqlOf(PROJECT_ROOT);
    expect(queries.length).toBeGreaterThan(50);
    expect(failures(queries)).toEqual([]);
  });

  (existsSync(APEX_RECIPES) ? it : it.skip)('parses every SOQL of ../shared/peers/apex-recipes', () => {
    const queries = soqlOf(APEX_RECIPES);
    expect(queries.length).toBeGreaterThan(100);
    expect(failures(queries)).toEqual([]);
  });
});

/** Line coverage per class: executed statement lines over the statement lines of the class's syntax tree. */
import type { Block, Expr, Stmt, TypeDecl } from '../frontend/ast';
import type { LoadedProject } from './project';

export interface ClassCoverage {
  name: string;
  covered: number;
  total: number;
  percent: number;
  uncoveredLines: number[];
}

export interface CoverageReport {
  classes: ClassCoverage[];
  covered: number;
  total: number;
  percent: number;
}

function stmtLines(s: Stmt | undefined, out: Set<number>): void {
  if (!s) return;
  if (s.k !== 'block') out.add(s.line);
  switch (s.k) {
    case 'block':
      s.s.forEach((x) => stmtLines(x, out));
      break;
    case 'if':
      stmtLines(s.t, out);
      stmtLines(s.f, out);
      break;
    case 'while':
    case 'dowhile':
    case 'for':
    case 'foreach':
      stmtLines(s.body, out);
      break;
    case 'switch':
      s.whens.forEach((w) => stmtLines(w.body, out));
      break;
    case 'try':
      stmtLines(s.body, out);
      s.catches.forEach((c) => stmtLines(c.body, out));
      stmtLines(s.fin, out);
      break;
    case 'runas':
      stmtLines(s.body, out);
      break;
  }
}

function typeLines(t: TypeDecl, out: Set<number>): void {
  const block = (b: Block | undefined): void => stmtLines(b, out);
  for (const m of t.methods) block(m.body);
  for (const c of t.ctors) block(c.body);
  for (const p of t.props) {
    block(p.getter?.body);
    block(p.setter?.body);
  }
  for (const f of t.fields) if (f.init) out.add(f.line);
  for (const i of t.inits) block(i.body);
  for (const inner of t.inner) typeLines(inner, out);
}

function isTestClass(t: TypeDecl): boolean {
  return t.ann.some((a) => a.name === 'istest');
}

export function computeCoverage(project: LoadedProject): CoverageReport {
  const classes: ClassCoverage[] = [];
  let covered = 0;
  let total = 0;
  const add = (name: string, file: string, lines: Set<number>): void => {
    if (lines.size === 0) return;
    const hit = project.interp.covered.get(file) ?? new Set<number>();
    const uncovered = [...lines].filter((l) => !hit.has(l)).sort((a, b) => a - b);
    const c = lines.size - uncovered.length;
    classes.push({ name, covered: c, total: lines.size, percent: (100 * c) / lines.size, uncoveredLines: uncovered });
    covered += c;
    total += lines.size;
  };
  for (const { info, file } of project.classes) {
    if (!info.decl || isTestClass(info.decl)) continue;
    const lines = new Set<number>();
    typeLines(info.decl, lines);
    add(info.name, file, lines);
  }
  for (const { decl, file } of project.triggers) {
    const lines = new Set<number>();
    stmtLines(decl.body, lines);
    add(decl.name, file, lines);
  }
  classes.sort((a, b) => a.percent - b.percent || a.name.localeCompare(b.name));
  return { classes, covered, total, percent: total === 0 ? 100 : (100 * covered) / total };
}

export type { Expr };

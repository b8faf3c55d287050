import { checkFormatting, FormatVerdict } from '../apex/prettier-worker';
import { basename } from 'node:path';
import { allProjectFiles } from '../core/cache';
import { Project } from '../core/project';
import { Check, error, Problem, warning } from '../core/types';

/** What this check formats; Apex is apex-format's, TypeScript and JavaScript are ESLint's and `npm run prettier`'s. */
const FORMATTED = /\.(xml|json|md|ya?ml)$/;

/** Files that decide how Prettier formats or which files it skips, wherever they are in the project. */
const PRETTIER_SETTINGS =
  /^(\.prettierrc.*|prettier\.config\..*|\.prettierignore|\.gitignore|\.editorconfig|package\.json)$/;

/** Prettier's message when no plugin of the project's config reads a file's language (XML without its plugin). */
const NO_PARSER = /No parser could be inferred/;

/**
 * House policy: the project's XML (metadata, `force-app-optional/` included), JSON, Markdown and YAML are formatted
 * as Prettier prints them with the project's own config, as `npm run prettier:verify` checks. The project's config
 * keeps Salesforce's retrieved XML layout (4 spaces, no wrapping, whitespace inside values untouched: see
 * docs/quality-gate/README.md, "format"). `.prettierignore` and `.gitignore` apply.
 * `basis` and `prerequisites` are read by the gate's runner where it knows them: formatting says nothing about a
 * deploy, and a file that does not parse is reported by the check that reads it, not twice.
 */
export const formatCheck: Check & { basis: 'house-policy'; prerequisites: string[] } = {
  id: 'format',
  title: 'XML, JSON, Markdown and YAML are formatted as Prettier prints them with the project config',
  basis: 'house-policy',
  prerequisites: ['config-schema', 'metadata-xml'],
  focusAware: true,
  inputs: (project) => allProjectFiles(project).filter((file) => FORMATTED.test(file) || isPrettierSetting(file)),
  async run(project) {
    const files = filesToCheck(project);
    if (files.length === 0) {
      return { filesSeen: 0, problems: [] };
    }
    const relativeByAbsolute = new Map(files.map((file) => [project.abs(file), file]));
    const verdicts = await checkFormatting(project.root, [...relativeByAbsolute.keys()]);
    const problems = problemsOf(
      verdicts.map((verdict) => ({ ...verdict, file: relativeByAbsolute.get(verdict.file) ?? verdict.file }))
    );
    return { filesSeen: files.length, problems };
  }
};

function isPrettierSetting(file: string): boolean {
  return PRETTIER_SETTINGS.test(basename(file));
}

/**
 * Every formatted file; with `--changed` only those in focus (a file's formatting depends on nothing but the file and
 * Prettier's settings), unless a settings file changed: then every file may print differently.
 */
function filesToCheck(project: Project): string[] {
  const files = project.filesUnder('.').filter((file) => FORMATTED.test(file));
  const focus = project.focus;
  if (!focus || [...focus].some(isPrettierSetting)) {
    return files;
  }
  return files.filter((file) => focus.has(file));
}

function problemsOf(verdicts: FormatVerdict[]): Problem[] {
  const problems: Problem[] = [];
  const unreadable: string[] = [];
  for (const verdict of verdicts) {
    if (verdict.status === 'unformatted') {
      problems.push(
        error(
          verdict.file,
          'not formatted as Prettier prints it (first difference on this line): run npm run prettier',
          verdict.firstDifferentLine
        )
      );
    } else if (verdict.status === 'failed' && NO_PARSER.test(verdict.message)) {
      unreadable.push(verdict.file);
    } else if (verdict.status === 'failed') {
      problems.push(error(verdict.file, `Prettier could not read this file: ${firstLine(verdict.message)}`));
    }
  }
  if (unreadable.length > 0) {
    const others = unreadable.length > 1 ? ` and ${unreadable.length - 1} more files` : '';
    problems.push(
      warning(
        unreadable[0],
        `not checked${others}: the project's Prettier config has no parser for them ` +
          '(XML needs "@prettier/plugin-xml" in its plugins)'
      )
    );
  }
  return problems;
}

function firstLine(message: string): string {
  return message.split('\n')[0];
}

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { Project } from './project';
import { Check, CheckInputs, CheckOutcome, FileView } from './types';

/**
 * Where outcomes are kept: inside the gate's own install (`node_modules/.cache/sfdx-gate`, git-ignored with
 * node_modules), never inside the validated project, so `--root` on another project writes nothing there.
 */
export const CACHE_DIR = join(__dirname, '..', '..', '..', 'node_modules', '.cache', 'sfdx-gate');

/** Bumped when the stored format changes. */
const FORMAT = 1;

/**
 * A content-hash cache of check outcomes. A check's key is the hash of the gate's own code and lock file, the
 * check's id, and the path and content hash of every file the check reads (`inputs`, default: every project file).
 * The same key means the same outcome, so the check is not run again. Outcomes that report the tool itself failing
 * (findings at `.`: no Java, a crash) are not kept: they depend on the machine, not on the files.
 */
export class OutcomeCache {
  private readonly dir: string;
  private readonly hashes = new Map<string, string>();
  private readonly views = new Map<string, ViewMemo>();

  constructor(
    private readonly project: Project,
    cacheDir: string = CACHE_DIR
  ) {
    this.dir = projectCacheDir(project.root, cacheDir);
  }

  /** The stored outcome of `check` for the current content of its inputs, if any. */
  lookup(check: Check): { key: string; outcome: CheckOutcome | undefined } {
    const key = this.keyOf(check);
    const path = this.pathOf(check);
    if (!existsSync(path)) {
      return { key, outcome: undefined };
    }
    try {
      const stored = JSON.parse(readFileSync(path, 'utf8')) as { key: string; outcome: CheckOutcome };
      return { key, outcome: stored.key === key ? stored.outcome : undefined };
    } catch {
      return { key, outcome: undefined };
    }
  }

  store(check: Check, key: string, outcome: CheckOutcome): void {
    if (outcome.problems.some((problem) => problem.file === '.')) {
      return;
    }
    mkdirSync(this.dir, { recursive: true });
    // Write then rename: a run that stops half-way never leaves a torn file behind.
    const path = this.pathOf(check);
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ key, outcome }));
    renameSync(temporary, path);
  }

  private pathOf(check: Check): string {
    return join(this.dir, `${check.id}.json`);
  }

  private keyOf(check: Check): string {
    const declared = (check.inputs ?? allProjectFiles)(this.project);
    const inputs = Array.isArray(declared) ? { contents: declared, names: [] } : declared;
    const hash = createHash('sha256');
    hash.update(`${FORMAT}\0${gateFingerprint()}\0${check.id}\0`);
    for (const file of [...new Set(inputs.contents)].sort()) {
      hash.update(`${file}\0${this.fileHash(file)}\0`);
    }
    hash.update('\0names\0');
    for (const file of [...new Set(inputs.names)].sort()) {
      hash.update(`${file}\0`);
    }
    if (inputs.viewed) {
      hash.update(`\0view ${inputs.viewed.view.id}\0`);
      for (const file of [...new Set(inputs.viewed.files)].sort()) {
        hash.update(`${file}\0${this.viewHash(file, inputs.viewed.view)}\0`);
      }
      this.saveViews(inputs.viewed.view);
    }
    hash.update(
      `\0environment\0${this.project.memo('replacement-environment', () => replacementEnvironment(this.project))}`
    );
    return hash.digest('hex');
  }

  /**
   * The hash of a file's view, taken from the memo while the file's content is the one it was computed from: reading
   * the views of every class again would cost more than the checks they spare.
   */
  private viewHash(file: string, view: FileView): string {
    const memo = this.viewMemo(view);
    const contentHash = this.fileHash(file);
    const known = memo.entries[file];
    if (known?.[0] === contentHash) {
      return known[1];
    }
    let viewed: string;
    try {
      viewed = sha256(JSON.stringify(view.read(readFileSync(this.project.abs(file), 'utf8'))) ?? 'undefined');
    } catch {
      // Unreadable, or a content the view cannot read: key on the bytes, as without a view.
      viewed = `content ${contentHash}`;
    }
    memo.entries[file] = [contentHash, viewed];
    memo.dirty = true;
    return viewed;
  }

  private viewMemo(view: FileView): ViewMemo {
    let memo = this.views.get(view.id);
    if (!memo) {
      memo = { entries: {}, dirty: false };
      try {
        const stored = JSON.parse(readFileSync(this.viewMemoPath(view), 'utf8')) as {
          gate?: string;
          entries?: ViewMemo['entries'];
        };
        // Views computed by other gate code may differ: start again.
        if (stored.gate === gateFingerprint() && stored.entries) {
          memo.entries = stored.entries;
        }
      } catch {
        // Not stored yet, or unreadable: every view is computed again.
      }
      this.views.set(view.id, memo);
    }
    return memo;
  }

  private saveViews(view: FileView): void {
    const memo = this.views.get(view.id);
    if (!memo?.dirty) {
      return;
    }
    const path = this.viewMemoPath(view);
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ gate: gateFingerprint(), entries: memo.entries }));
    renameSync(temporary, path);
    memo.dirty = false;
  }

  private viewMemoPath(view: FileView): string {
    return join(this.dir, 'views', `${view.id}.json`);
  }

  private fileHash(file: string): string {
    let hash = this.hashes.get(file);
    if (hash === undefined) {
      try {
        hash = sha256(readFileSync(this.project.abs(file)));
      } catch {
        hash = 'missing';
      }
      this.hashes.set(file, hash);
    }
    return hash;
  }
}

/** Computed views of one FileView: per file, the content hash it was read from and the view's hash. */
interface ViewMemo {
  entries: Record<string, [contentHash: string, viewHash: string]>;
  dirty: boolean;
}

/**
 * Every project file, with the files that `counts` picks taken through `view`: for a check that reads those files
 * only through the view (e.g. an Apex class's annotations), so an edit that leaves the view alone does not run it.
 */
export function allProjectFilesViewing(
  counts: (file: string) => boolean,
  view: FileView
): (project: Project) => CheckInputs {
  return (project) => {
    const files = allProjectFiles(project);
    return {
      contents: files.filter((file) => !counts(file)),
      names: [],
      viewed: { files: files.filter(counts), view }
    };
  };
}

/** The folder that holds one project's stored outcomes. */
export function projectCacheDir(root: string, cacheDir: string = CACHE_DIR): string {
  return join(cacheDir, sha256(root).slice(0, 16));
}

/** Every file of the project (installed packages, VCS data and CLI state left out). */
export function allProjectFiles(project: Project): string[] {
  return project.memo('all-project-files', () => project.filesUnder('.'));
}

/** Project files at the root whose names start with one of the prefixes (e.g. `.prettierrc`, `sfdx-project.json`). */
export function rootFiles(project: Project, ...prefixes: string[]): string[] {
  return readdirSync(project.root).filter(
    (name) => prefixes.some((prefix) => name.startsWith(prefix)) && statSync(join(project.root, name)).isFile()
  );
}

/** Project files whose path matches `pattern`, plus the project's own configuration files. */
export function inputsMatching(project: Project, pattern: RegExp, ...configPrefixes: string[]): string[] {
  return [
    ...allProjectFiles(project).filter((file) => pattern.test(file)),
    ...rootFiles(project, 'sfdx-project.json', '.forceignore', ...configPrefixes)
  ];
}

/** An Apex class or trigger body (`.cls`, `.trigger`; not their `-meta.xml`). */
export function isApexBody(file: string): boolean {
  return /\.(cls|trigger)$/.test(file);
}

/**
 * What source conversion reads: every package file's name, and the content of all but Apex bodies (SDR copies a
 * class or trigger body without reading it), plus the project's configuration.
 */
export function conversionInputs(project: Project): CheckInputs {
  const files = project.packageFiles();
  return {
    contents: [
      ...files.filter((file) => !isApexBody(file)),
      ...rootFiles(project, 'sfdx-project.json', '.forceignore')
    ],
    names: files.filter(isApexBody)
  };
}

/** The package directories' files and the project's configuration: what the CLI and apex-ls read. */
export function packageInputs(project: Project): string[] {
  return [...project.packageFiles(), ...rootFiles(project, 'sfdx-project.json', '.forceignore')];
}

/**
 * The environment variables that sfdx-project.json's `replacements` name (`replaceWithEnv`, `replaceWhenEnv`), with
 * their values: whether a deploy stops on an unset variable (config-schema) and what source conversion writes
 * (packaging) depend on them, so every stored outcome is keyed on them too. Other variables change no outcome.
 */
export function replacementEnvironment(project: Project, environment: NodeJS.ProcessEnv = process.env): string {
  let replacements: unknown;
  try {
    replacements = (JSON.parse(project.read('sfdx-project.json')) as { replacements?: unknown }).replacements;
  } catch {
    return '';
  }
  if (!Array.isArray(replacements)) {
    return '';
  }
  const names = new Set<string>();
  for (const replacement of replacements as Array<{ replaceWithEnv?: unknown; replaceWhenEnv?: unknown }>) {
    if (typeof replacement?.replaceWithEnv === 'string') {
      names.add(replacement.replaceWithEnv);
    }
    for (const condition of Array.isArray(replacement?.replaceWhenEnv) ? replacement.replaceWhenEnv : []) {
      if (typeof (condition as { env?: unknown })?.env === 'string') {
        names.add((condition as { env: string }).env);
      }
    }
  }
  return [...names]
    .sort()
    .map((name) => JSON.stringify([name, environment[name] ?? null]))
    .join('\n');
}

let fingerprint: string | undefined;

/** The gate's own code and dependency versions: a change to either invalidates every stored outcome. */
function gateFingerprint(): string {
  if (!fingerprint) {
    const repo = join(__dirname, '..', '..', '..');
    const hash = createHash('sha256');
    const sources = ['validate', 'lib', 'docs']
      .map((dir) => join(repo, 'scripts', dir))
      .flatMap(listTree)
      .sort();
    const configs = ['package-lock.json', 'eslint.config.js', 'tsconfig.json'].map((name) => join(repo, name));
    for (const file of [...sources, ...configs]) {
      hash.update(relative(repo, file).split(sep).join('/'));
      hash.update(existsSync(file) ? readFileSync(file) : 'missing');
    }
    fingerprint = hash.digest('hex');
  }
  return fingerprint;
}

function listTree(dir: string): string[] {
  if (!existsSync(dir)) {
    return [];
  }
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listTree(join(dir, entry.name)) : [join(dir, entry.name)]
  );
}

function sha256(content: string | Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * The whole run's report, kept under a key of every project file's content, the gate's code and the run's options:
 * when nothing at all changed, `npm run validate` prints it without loading a single check (loading the checks'
 * libraries alone takes a few seconds). Any change falls through to the per-check cache.
 */
export class RunCache<Report> {
  private readonly path: string;
  private readonly key: string;

  constructor(project: Project, variant: string, cacheDir: string = CACHE_DIR) {
    const dir = projectCacheDir(project.root, cacheDir);
    this.path = join(dir, `run-${sha256(variant).slice(0, 16)}.json`);
    const hash = createHash('sha256');
    hash.update(`${FORMAT}\0${gateFingerprint()}\0${variant}\0`);
    for (const file of allProjectFiles(project).sort()) {
      let content: Buffer | string;
      try {
        content = readFileSync(project.abs(file));
      } catch {
        content = 'missing';
      }
      hash.update(`${file}\0${sha256(content)}\0`);
    }
    hash.update(`\0environment\0${replacementEnvironment(project)}`);
    this.key = hash.digest('hex');
  }

  lookup(): Report | undefined {
    try {
      const stored = JSON.parse(readFileSync(this.path, 'utf8')) as { key: string; report: Report };
      return stored.key === this.key ? stored.report : undefined;
    } catch {
      return undefined;
    }
  }

  store(report: Report): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ key: this.key, report }));
    renameSync(temporary, this.path);
  }
}

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import ignore, { Ignore } from 'ignore';

/** The folders every listing skips: installed packages, VCS data and CLI state. */
const SKIPPED_DIRS = new Set(['node_modules', '.git', '.sf', '.sfdx', 'coverage', '.localdevserver']);

/**
 * A read-only view of an SFDX project on disk, shared by every check.
 * Loading never throws for a broken `sfdx-project.json`: the config check reports it, and the other checks
 * then see no package directories.
 */
export class Project {
  readonly root: string;
  readonly packageDirs: string[];
  readonly sourceApiVersion: string | undefined;
  /** Why sfdx-project.json does not give package directories (missing, not JSON, none listed); undefined when it does. */
  readonly loadError: string | undefined;
  private readonly forceIgnore: Ignore;
  private readonly contents = new Map<string, string>();
  private packageFileList: string[] | undefined;
  private readonly memos = new Map<string, unknown>();

  /**
   * `--changed`: the changed files and the files that depend on them. Checks that support it look only at these;
   * undefined means the whole project.
   */
  readonly focus: ReadonlySet<string> | undefined;

  /**
   * A folder where tools with a cache of their own (apex-ls) may keep it between runs; undefined with `--no-cache`
   * or outside the gate's runner, and then no tool writes a cache.
   */
  readonly toolCacheDir: string | undefined;

  constructor(root: string, focus?: ReadonlySet<string>, toolCacheDir?: string) {
    this.root = resolve(root);
    this.focus = focus;
    this.toolCacheDir = toolCacheDir;
    const config = readProjectConfig(root);
    this.packageDirs = config.packageDirs;
    this.sourceApiVersion = config.sourceApiVersion;
    this.loadError = config.loadError;
    const forceIgnorePath = join(root, '.forceignore');
    this.forceIgnore = ignore().add(existsSync(forceIgnorePath) ? readFileSync(forceIgnorePath, 'utf8') : '');
  }

  /** Absolute path of a project-relative path. */
  abs(relPath: string): string {
    return join(this.root, relPath);
  }

  /** Every file under the package directories that the sf CLI would deploy (`.forceignore` applied). */
  packageFiles(): string[] {
    if (!this.packageFileList) {
      this.packageFileList = this.packageDirs
        .flatMap((dir) => listFiles(this.root, dir))
        .filter((file) => !this.forceIgnore.ignores(file));
    }
    return this.packageFileList;
  }

  /** Package files whose path ends with one of the suffixes (e.g. `.cls`, `-meta.xml`). */
  packageFilesEndingWith(...suffixes: string[]): string[] {
    return this.packageFiles().filter((file) => suffixes.some((suffix) => file.endsWith(suffix)));
  }

  /**
   * Metadata kept outside the package directories for deploys of its own (`sf project deploy start --source-dir`):
   * every file under a top-level folder named `force-app*` that is not itself a package directory. These files never
   * deploy with the package, so they must be checked on their own.
   */
  separatelyDeployedFiles(): string[] {
    const topLevel = readdirSync(this.root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name.startsWith('force-app'))
      .map((entry) => entry.name);
    return topLevel
      .flatMap((dir) => listFiles(this.root, dir))
      .filter((file) => !this.packageDirs.some((packageDir) => file.startsWith(`${packageDir}/`)));
  }

  /** Every file under a project folder, e.g. `scripts` or `config` (missing folder: none). */
  filesUnder(dir: string): string[] {
    return listFiles(this.root, dir);
  }

  /** A value computed once per run and shared by the checks that need it (e.g. the Apex parse results). */
  memo<T>(key: string, make: () => T): T {
    if (!this.memos.has(key)) {
      this.memos.set(key, make());
    }
    return this.memos.get(key) as T;
  }

  /** A project file's text, read once. */
  read(relPath: string): string {
    let text = this.contents.get(relPath);
    if (text === undefined) {
      text = readFileSync(this.abs(relPath), 'utf8');
      this.contents.set(relPath, text);
    }
    return text;
  }
}

interface ProjectConfig {
  packageDirs: string[];
  sourceApiVersion: string | undefined;
  loadError?: string;
}

function readProjectConfig(root: string): ProjectConfig {
  const path = join(root, 'sfdx-project.json');
  if (!existsSync(path)) {
    return { packageDirs: [], sourceApiVersion: undefined, loadError: 'there is no sfdx-project.json' };
  }
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as {
      packageDirectories?: Array<{ path?: unknown }>;
      sourceApiVersion?: unknown;
    };
    const listed = Array.isArray(parsed.packageDirectories) ? parsed.packageDirectories : [];
    const packageDirs = listed
      .map((dir) => (typeof dir === 'object' && dir !== null ? dir.path : undefined))
      .filter((path): path is string => typeof path === 'string')
      .map((path) => path.replace(/\\/g, '/').replace(/\/+$/, ''));
    const version = typeof parsed.sourceApiVersion === 'string' ? parsed.sourceApiVersion : undefined;
    const loadError = packageDirs.length === 0 ? 'sfdx-project.json lists no package directory' : undefined;
    return { packageDirs, sourceApiVersion: version, loadError };
  } catch {
    return { packageDirs: [], sourceApiVersion: undefined, loadError: 'sfdx-project.json is not valid JSON' };
  }
}

/** Files under `dir` (relative to `root`), as sorted project-relative paths with forward slashes. */
function listFiles(root: string, dir: string): string[] {
  const start = join(root, dir);
  if (!existsSync(start) || !statSync(start).isDirectory()) {
    return [];
  }
  const found: string[] = [];
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) {
          walk(join(current, entry.name));
        }
      } else if (entry.isFile()) {
        found.push(relative(root, join(current, entry.name)).split(sep).join('/'));
      }
    }
  };
  walk(start);
  return found.sort();
}

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { allProjectFilesViewing, isApexBody, RunCache } from '../../scripts/validate/core/cache';
import { changedFocus } from '../../scripts/validate/core/changed';
import { Project } from '../../scripts/validate/core/project';
import { Check } from '../../scripts/validate/core/types';
import { runGate } from '../../scripts/validate/gate';
import { FixtureCopy } from '../support/fixture';

const CLASSES = 'force-app/main/default/classes';

describe('the outcome cache', () => {
  let copy: FixtureCopy;
  let cacheDir: string;
  beforeEach(() => {
    copy = new FixtureCopy('clean-project');
    cacheDir = mkdtempSync(join(tmpdir(), 'gate-cache-'));
  });
  afterEach(() => {
    copy.dispose();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  /** A check that counts its runs and reads the Apex classes only. */
  const counting = (problems: Array<{ file: string; message: string }> = []): Check & { runs: number } => {
    const check: Check & { runs: number } = {
      id: 'counting',
      title: 'counts its runs',
      runs: 0,
      inputs: (project) => project.packageFilesEndingWith('.cls'),
      run: async () => {
        check.runs++;
        return { filesSeen: 1, problems: problems.map((problem) => ({ ...problem, severity: 'error' as const })) };
      }
    };
    return check;
  };

  it('reuses an outcome while the files the check reads are unchanged, and runs again when one changes', async () => {
    const check = counting([{ file: `${CLASSES}/InvoiceDefaults.cls`, message: 'finding' }]);
    const options = { cache: true, cacheDir };
    const first = await runGate(copy.root, [check], options);
    const second = await runGate(copy.root, [check], options);
    expect(check.runs).toBe(1);
    expect(first.checks[0].cached).toBeUndefined();
    expect(second.checks[0]).toMatchObject({ cached: true, problems: first.checks[0].problems });

    copy.write('README-notes.md', 'not an input of the check\n');
    await runGate(copy.root, [check], options);
    expect(check.runs).toBe(1);

    copy.replace(`${CLASSES}/InvoiceDefaults.cls`, "'Draft'", "'New'");
    const third = await runGate(copy.root, [check], options);
    expect(check.runs).toBe(2);
    expect(third.checks[0].cached).toBeUndefined();
  });

  it('keys a check that reads classes through a view on the view, and on the bytes where the view cannot read them', async () => {
    const viewing = (id: string, read: (source: string) => unknown): Check & { runs: number } =>
      Object.assign(counting(), { inputs: allProjectFilesViewing(isApexBody, { id, read }) });
    const options = { cache: true, cacheDir };
    const check = viewing('draft-status', (source) => source.includes("'Draft'"));
    await runGate(copy.root, [check], options);

    copy.replace(`${CLASSES}/InvoiceDefaults.cls`, 'public', 'public ');
    await runGate(copy.root, [check], options);
    expect(check.runs).toBe(1);

    copy.replace(`${CLASSES}/InvoiceDefaults.cls`, "'Draft'", "'New'");
    await runGate(copy.root, [check], options);
    expect(check.runs).toBe(2);

    const unreadable = viewing('unreadable', () => {
      throw new Error('cannot read this class');
    });
    await runGate(copy.root, [unreadable], options);
    copy.replace(`${CLASSES}/InvoiceDefaults.cls`, 'public ', 'public');
    await runGate(copy.root, [unreadable], options);
    expect(unreadable.runs).toBe(2);
  });

  it('does not keep an outcome that says the tool could not run', async () => {
    const check = counting([{ file: '.', message: 'Java 17 or newer is needed' }]);
    await runGate(copy.root, [check], { cache: true, cacheDir });
    await runGate(copy.root, [check], { cache: true, cacheDir });
    expect(check.runs).toBe(2);
  });

  it('is off unless asked for', async () => {
    const check = counting();
    await runGate(copy.root, [check]);
    await runGate(copy.root, [check]);
    expect(check.runs).toBe(2);
  });

  it('keeps the whole report of a run until any project file changes', () => {
    const cache = (): RunCache<{ verdict: string }> => new RunCache(new Project(copy.root), 'options', cacheDir);
    expect(cache().lookup()).toBeUndefined();
    cache().store({ verdict: 'passed' });
    expect(cache().lookup()).toEqual({ verdict: 'passed' });
    expect(new RunCache(new Project(copy.root), 'other options', cacheDir).lookup()).toBeUndefined();
    copy.write('docs/new.md', 'any file counts\n');
    expect(cache().lookup()).toBeUndefined();
  });
});

describe('--changed', () => {
  let copy: FixtureCopy;
  beforeEach(() => {
    copy = new FixtureCopy('clean-project');
    const git = (...args: string[]): void => {
      execFileSync('git', ['-c', 'user.email=gate@example.com', '-c', 'user.name=gate', ...args], {
        cwd: copy.root,
        stdio: 'ignore'
      });
    };
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'fixture');
  });
  afterEach(() => copy.dispose());

  it('is empty when nothing changed', async () => {
    expect([...(await changedFocus(copy.root))]).toEqual([]);
  });

  it('holds the changed and new files only: a class that uses a changed one is judged by itself as before', async () => {
    copy.replace(`${CLASSES}/InvoiceDefaults.cls`, "'Draft'", "'New'");
    copy.write(`${CLASSES}/Fresh.cls`, 'public class Fresh {}\n');
    const focus = await changedFocus(copy.root);
    expect([...focus].sort()).toEqual([`${CLASSES}/Fresh.cls`, `${CLASSES}/InvoiceDefaults.cls`]);
  });

  it('makes focus-aware checks look only at the focus', async () => {
    const seen: string[][] = [];
    const focused: Check = {
      id: 'focused',
      title: 'records the Apex it looks at',
      focusAware: true,
      run: async (project) => {
        seen.push(project.packageFilesEndingWith('.cls').filter((file) => !project.focus || project.focus.has(file)));
        return { filesSeen: 0, problems: [] };
      }
    };
    copy.write(`${CLASSES}/Fresh.cls`, 'public class Fresh {}\n');
    await runGate(copy.root, [focused], { focus: await changedFocus(copy.root) });
    expect(seen).toEqual([[`${CLASSES}/Fresh.cls`]]);
  });

  it('says in one line that it needs a git repository', async () => {
    const plain = new FixtureCopy('clean-project');
    try {
      await expect(changedFocus(plain.root)).rejects.toThrow('--changed needs a git repository with a commit');
    } finally {
      plain.dispose();
    }
  });
});

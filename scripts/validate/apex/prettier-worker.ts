import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

/** What Prettier said about one file. */
export type FormatVerdict =
  | { file: string; status: 'formatted' | 'ignored' }
  /** `firstDifferentLine`: the first line (1-based) where the file differs from Prettier's output. */
  | { file: string; status: 'unformatted'; firstDifferentLine: number }
  /** Prettier threw: an Apex syntax error, a broken Prettier config, or a parser that could not start. */
  | { file: string; status: 'failed'; message: string };

interface WorkerInput {
  prettierPath: string;
  apexPluginPath: string;
  ignorePaths: string[];
  files: string[];
  lanes: number;
}

/**
 * Prettier 3 and prettier-plugin-apex are ES modules, loaded with `import()`. The gate (ts-node) could import them
 * directly, but jest's module sandbox cannot without a Node flag; a worker thread is plain Node in both, starts in
 * ~50 ms and keeps the gate's main thread free. The code is plain JavaScript because a worker does not share ts-node
 * (registering it there costs ~300 ms); it only calls Prettier's API, everything else stays in TypeScript.
 * Per file: skip what the project's .prettierignore/.gitignore ignore (as `prettier --check` does), resolve the
 * project's config (with .editorconfig, as the CLI does), use this install's apex plugin (a config's plugin name
 * would otherwise resolve from the current directory), and compare the file with Prettier's output.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { readFile } = require('node:fs/promises');
const { pathToFileURL } = require('node:url');

async function verdict(prettier, file) {
  try {
    const { ignored } = await prettier.getFileInfo(file, { ignorePath: workerData.ignorePaths });
    if (ignored) {
      return { file, status: 'ignored' };
    }
    const config = (await prettier.resolveConfig(file, { editorconfig: true })) || {};
    const plugins = (config.plugins || []).filter((plugin) => plugin !== 'prettier-plugin-apex');
    const text = await readFile(file, 'utf8');
    const output = await prettier.format(text, { ...config, filepath: file, plugins: [...plugins, workerData.apexPluginPath] });
    if (output === text) {
      return { file, status: 'formatted' };
    }
    const before = text.split('\\n');
    const after = output.split('\\n');
    let index = 0;
    while (index < before.length && before[index] === after[index]) {
      index++;
    }
    return { file, status: 'unformatted', firstDifferentLine: index + 1 };
  } catch (error) {
    return { file, status: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

(async () => {
  const prettier = await import(pathToFileURL(workerData.prettierPath).href);
  const queue = [...workerData.files];
  const verdicts = [];
  const lane = async () => {
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      verdicts.push(await verdict(prettier, file));
    }
  };
  await Promise.all(Array.from({ length: workerData.lanes }, lane));
  parentPort.postMessage(verdicts);
})();
`;

/**
 * Files parsed at once. The apex plugin spawns its native parser once per file, so a few files in flight keep both
 * cores busy while each waits for its parser process.
 */
const PARALLEL_FILES = 4;

/** Runs Prettier with the apex plugin over the given absolute paths of one project and returns a verdict per file. */
export function checkFormatting(root: string, files: string[]): Promise<FormatVerdict[]> {
  const input: WorkerInput = {
    prettierPath: require.resolve('prettier/index.mjs'),
    apexPluginPath: apexPluginPath(),
    ignorePaths: [join(root, '.gitignore'), join(root, '.prettierignore')],
    files,
    lanes: PARALLEL_FILES
  };
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: input });
    worker.once('message', (verdicts: FormatVerdict[]) => {
      resolve(verdicts);
      void worker.terminate();
    });
    worker.once('error', reject);
    // After a message this rejection is a no-op; without one, the worker died before it could answer.
    worker.once('exit', (code) =>
      reject(new Error(`the Prettier worker stopped (exit code ${code}) before it answered`))
    );
  });
}

/** The installed prettier-plugin-apex entry point (its package exports a single path). */
export function apexPluginPath(): string {
  return require.resolve('prettier-plugin-apex');
}

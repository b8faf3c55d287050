import { createHash } from 'node:crypto';
import { accessSync, constants, existsSync, readdirSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';

/** The one error both Java-based checks report when there is no Java to run them on. */
export const JAVA_MISSING_MESSAGE =
  'Java 17 or newer is needed (apex-ls and PMD run on it) but no `java` was found in JAVA_HOME/bin or on PATH: ' +
  'install a JRE (Debian: apt-get install openjdk-17-jre-headless) or set JAVA_HOME';

/**
 * JVM flags for the short batch runs of apex-ls and PMD: the C1 compiler only, the serial collector, no perf-data
 * file in /tmp. Measured on the clean fixture: apex-ls 2.6 s -> 1.4 s of CPU, the PMD check 2.7-4.0 s -> 1.8 s of
 * wall time, which matters on a 2-core machine where both run at once. Bytecode verification of the tools' own jars
 * is skipped (`-XX:-BytecodeVerificationRemote`): they come from the exactly pinned Code Analyzer package that runs
 * them anyway, and PMD spends most of a short run loading ~5,000 classes (measured on apex-recipes, 3 classes: PMD
 * 1.51 -> 1.33 s of CPU, the same report byte for byte). A JVM that no longer knows a flag ignores it
 * (`IgnoreUnrecognizedVMOptions`) instead of refusing to start.
 */
export const SHORT_RUN_JVM_FLAGS = [
  '-XX:+IgnoreUnrecognizedVMOptions',
  '-XX:TieredStopAtLevel=1',
  '-XX:+UseSerialGC',
  '-XX:-UsePerfData',
  '-XX:+UnlockDiagnosticVMOptions',
  '-XX:-BytecodeVerificationRemote'
];

/**
 * Runs `action` with SHORT_RUN_JVM_FLAGS in JAVA_TOOL_OPTIONS, for Java that a library starts without a way to pass
 * JVM flags (Code Analyzer's PMD engine). Flags the user already set there come last, so they win. The JVM notes
 * "Picked up JAVA_TOOL_OPTIONS" on stderr, which the engine reads only when Java fails.
 */
export async function withShortRunJvmFlags<T>(action: () => Promise<T>): Promise<T> {
  const previous = process.env.JAVA_TOOL_OPTIONS;
  process.env.JAVA_TOOL_OPTIONS = [...SHORT_RUN_JVM_FLAGS, previous].filter(Boolean).join(' ');
  try {
    return await action();
  } finally {
    if (previous === undefined) {
      delete process.env.JAVA_TOOL_OPTIONS;
    } else {
      process.env.JAVA_TOOL_OPTIONS = previous;
    }
  }
}

/** The `java` executable the Apex checks run: `$JAVA_HOME/bin/java` when set, else the first one on PATH. */
export function findJava(): string | undefined {
  const name = process.platform === 'win32' ? 'java.exe' : 'java';
  const candidates = [
    ...(process.env.JAVA_HOME ? [join(process.env.JAVA_HOME, 'bin', name)] : []),
    ...(process.env.PATH ?? '')
      .split(delimiter)
      .filter(Boolean)
      .map((dir) => join(dir, name))
  ];
  return candidates.find(isExecutableFile);
}

/**
 * The classpath of the apex-ls and PMD jars that `@salesforce/code-analyzer-pmd-engine` ships. `dist/java-lib` is
 * internal to that package, which is why package.json pins its version exactly.
 */
export function javaLibClasspath(): string {
  return join(dirname(require.resolve('@salesforce/code-analyzer-pmd-engine')), 'java-lib', '*');
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * A class-data-sharing archive (AppCDS) of the classes a Java tool loads, kept in `cacheDir`: the JVM maps them
 * instead of loading and verifying them from the jars again, which halves apex-ls's start (measured: 1.6 s -> 0.85 s
 * on this project with apex-ls's own cache warm). The first run writes the archive when the JVM exits
 * (`-XX:ArchiveClassesAtExit`, to a temporary name that `done(true)` moves into place after a clean run, so a run that
 * stops half-way or a concurrent one never leaves a torn archive). The archive's name holds the java executable and
 * the jar names, and the JVM itself refuses an archive made by another JVM or for other jars (then it loads the
 * classes as usual). Its warnings go to stderr, never into a tool's report on stdout. Class data sharing changes how
 * classes are loaded, not what the tool computes. Not used for PMD: Java 17.0.15 crashes (SIGSEGV in
 * SystemDictionaryShared::adjust_lambda_proxy_class_dictionary) while writing an archive of PMD's classes, dynamic or
 * static; a static one without the lambda proxies works but saved only 0.3 s of PMD's 1.7 s of CPU (measured).
 */
export function classDataSharing(
  java: string,
  cacheDir: string,
  tool: string
): { flags: string[]; done: (clean: boolean) => void } {
  const archive = join(cacheDir, `${tool}-${jvmAndJarsFingerprint(java)}.jsa`);
  const quiet = ['-Xlog:disable', '-Xlog:all=warning:stderr'];
  if (existsSync(archive)) {
    return { flags: [`-XX:SharedArchiveFile=${archive}`, ...quiet], done: () => undefined };
  }
  const temporary = `${archive}.${process.pid}.tmp`;
  return {
    flags: [`-XX:ArchiveClassesAtExit=${temporary}`, ...quiet],
    done: (clean) => {
      if (clean && existsSync(temporary)) {
        renameSync(temporary, archive);
      } else {
        rmSync(temporary, { force: true });
      }
    }
  };
}

/** The java executable (resolved, with its time stamp) and the names and sizes of the engine's jars. */
export function jvmAndJarsFingerprint(java: string): string {
  const hash = createHash('sha256');
  const real = realpathSync(java);
  hash.update(`${real}\0${statSync(real).mtimeMs}\0`);
  const libDir = dirname(javaLibClasspath());
  for (const jar of readdirSync(libDir).sort()) {
    hash.update(`${jar}\0${statSync(join(libDir, jar)).size}\0`);
  }
  return hash.digest('hex').slice(0, 16);
}

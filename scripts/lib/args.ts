import { UsageError } from './cli';

/** How a command-line flag takes its value: a switch, a text, a whole number, or a comma-separated list. */
export type FlagKind = 'boolean' | 'string' | 'number' | 'list';

export interface FlagDefinition {
  readonly kind: FlagKind;
  /** The one-letter form (`o` for `-o`), the same letter the sf CLI gives the flag of the same name. */
  readonly char?: string;
  /** Shown in the usage text after the flag, e.g. ALIAS. */
  readonly valueName?: string;
  readonly description: string;
  /** The smallest and largest value a number flag accepts. */
  readonly min?: number;
  readonly max?: number;
}

export type FlagDefinitions = Readonly<Record<string, FlagDefinition>>;

type ValueOf<K extends FlagKind> = K extends 'boolean'
  ? boolean
  : K extends 'list'
    ? string[]
    : K extends 'number'
      ? number | undefined
      : string | undefined;

/** The parsed flags, typed from their definitions: `flags['target-org']` is `string | undefined`. */
export type ParsedFlags<D extends FlagDefinitions> = { [Name in keyof D]: ValueOf<D[Name]['kind']> };

/** The usage text of a command: what it does, then one line per flag. */
export function formatUsage(command: string, summary: string, definitions: FlagDefinitions): string {
  const anyChar = Object.values(definitions).some((definition) => definition.char !== undefined);
  const rows = Object.entries(definitions).map(([name, definition]) => {
    const long = definition.kind === 'boolean' ? `--${name}` : `--${name} ${definition.valueName ?? 'VALUE'}`;
    const short = definition.char !== undefined ? `-${definition.char}, ` : anyChar ? '    ' : '';
    return { left: `${short}${long}`, description: definition.description };
  });
  const width = Math.max(...rows.map((row) => row.left.length));
  const lines = rows.map((row) => `  ${row.left.padEnd(width)}  ${row.description}`);
  return `Usage: ${command}\n\n${summary}\n\nOptions:\n${lines.join('\n')}`;
}

/** The flag a `-x` letter names: its own `char`, or `-h` for help. */
function nameOfChar(letter: string, definitions: FlagDefinitions): string | undefined {
  const named = Object.entries(definitions).find(([, definition]) => definition.char === letter)?.[0];
  return named ?? (letter === 'h' && definitions.help !== undefined ? 'help' : undefined);
}

/**
 * Parses `--name value`, `--name=value`, `--switch` and the sf CLI's one-letter forms (`-o value`, `-o=value`).
 * Anything else, a missing value or a number that is not one (or out of range) is a UsageError that ends with the
 * usage text, so the user sees what the command accepts.
 */
export function parseFlags<D extends FlagDefinitions>(argv: string[], definitions: D, usage: string): ParsedFlags<D> {
  const values: Record<string, boolean | string | number | string[] | undefined> = {};
  for (const [name, definition] of Object.entries(definitions)) {
    values[name] = definition.kind === 'boolean' ? false : definition.kind === 'list' ? [] : undefined;
  }
  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    const short = /^-([a-zA-Z])(?:=(.*))?$/.exec(argument);
    const match = short
      ? ([argument, nameOfChar(short[1], definitions) ?? '', short[2]] as const)
      : /^--([a-z][a-z0-9-]*)(?:=(.*))?$/.exec(argument);
    const name = match?.[1] || undefined;
    const definition = name === undefined ? undefined : definitions[name];
    if (match === null || name === undefined || definition === undefined) {
      throw new UsageError(`unknown argument "${argument}"\n\n${usage}`);
    }
    if (definition.kind === 'boolean') {
      if (match[2] !== undefined) {
        throw new UsageError(`--${name} takes no value\n\n${usage}`);
      }
      values[name] = true;
      continue;
    }
    let text = match[2];
    if (text === undefined) {
      const next = argv[index + 1];
      if (next === undefined || /^--?[a-zA-Z]/.test(next)) {
        throw new UsageError(`--${name} needs a value (${definition.valueName ?? 'VALUE'})\n\n${usage}`);
      }
      text = next;
      index++;
    }
    values[name] = convert(name, definition, text, values[name], usage);
  }
  return values as ParsedFlags<D>;
}

function convert(
  name: string,
  definition: FlagDefinition,
  text: string,
  previous: boolean | string | number | string[] | undefined,
  usage: string
): string | number | string[] {
  if (definition.kind === 'number') {
    const number = Number(text);
    if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(number)) {
      throw new UsageError(`--${name} needs a whole number, not "${text}"\n\n${usage}`);
    }
    const { min = 0, max = Number.MAX_SAFE_INTEGER } = definition;
    if (number < min || number > max) {
      const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `between ${min} and ${max}`;
      throw new UsageError(`--${name} must be ${range}, not ${number}\n\n${usage}`);
    }
    return number;
  }
  if (definition.kind === 'list') {
    const items = text
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean);
    return [...(Array.isArray(previous) ? previous : []), ...items];
  }
  return text;
}

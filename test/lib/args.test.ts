import { formatUsage, parseFlags } from '../../scripts/lib/args';
import { UsageError } from '../../scripts/lib/cli';

const FLAGS = {
  'target-org': { kind: 'string', valueName: 'ALIAS', description: 'the org' },
  only: { kind: 'list', valueName: 'ID,ID', description: 'some checks' },
  timeout: { kind: 'number', valueName: 'SECONDS', description: 'time limit' },
  'dry-run': { kind: 'boolean', description: 'write nothing' },
  help: { kind: 'boolean', description: 'print this text' }
} as const;
const USAGE = formatUsage('tool [options]', 'Does things.', FLAGS);

describe('parseFlags', () => {
  it('reads values, switches, numbers and lists, with defaults for what is not given', () => {
    expect(
      parseFlags(['--target-org', 'dev', '--only=a,b', '--only', 'c', '--timeout', '30', '--dry-run'], FLAGS, USAGE)
    ).toEqual({
      'target-org': 'dev',
      only: ['a', 'b', 'c'],
      timeout: 30,
      'dry-run': true,
      help: false
    });
    expect(parseFlags([], FLAGS, USAGE)).toEqual({
      'target-org': undefined,
      only: [],
      timeout: undefined,
      'dry-run': false,
      help: false
    });
  });

  it('accepts -h for help', () => {
    expect(parseFlags(['-h'], FLAGS, USAGE).help).toBe(true);
  });

  it.each([
    [['--target-orgg', 'dev'], 'unknown argument "--target-orgg"'],
    [['dev'], 'unknown argument "dev"'],
    [['--target-org'], '--target-org needs a value (ALIAS)'],
    [['--target-org', '--dry-run'], '--target-org needs a value (ALIAS)'],
    [['--timeout', 'soon'], '--timeout needs a whole number, not "soon"'],
    [['--dry-run=yes'], '--dry-run takes no value']
  ])('refuses %j with a usage error that names the problem and shows the usage', (argv, message) => {
    const parse = () => parseFlags(argv, FLAGS, USAGE);
    expect(parse).toThrow(UsageError);
    expect(parse).toThrow(message);
    expect(parse).toThrow('Usage: tool [options]');
  });
});

describe('formatUsage', () => {
  it('lists every flag with its value name, aligned', () => {
    expect(USAGE).toBe(
      [
        'Usage: tool [options]',
        '',
        'Does things.',
        '',
        'Options:',
        '  --target-org ALIAS  the org',
        '  --only ID,ID        some checks',
        '  --timeout SECONDS   time limit',
        '  --dry-run           write nothing',
        '  --help              print this text'
      ].join('\n')
    );
  });
});

describe("the sf CLI's one-letter flags and number ranges", () => {
  const SHORT = {
    'target-org': { kind: 'string', char: 'o', valueName: 'ALIAS', description: 'the org' },
    wait: { kind: 'number', char: 'w', valueName: 'MINUTES', description: 'time limit', min: 1, max: 60 },
    json: { kind: 'boolean', description: 'JSON' },
    help: { kind: 'boolean', char: 'h', description: 'print this text' }
  } as const;
  const SHORT_USAGE = formatUsage('tool [options]', 'Does things.', SHORT);

  it('reads -o value, -o=value and -h', () => {
    expect(parseFlags(['-o', 'dev', '-w=5', '--json'], SHORT, SHORT_USAGE)).toEqual({
      'target-org': 'dev',
      wait: 5,
      json: true,
      help: false
    });
    expect(parseFlags(['-h'], SHORT, SHORT_USAGE).help).toBe(true);
  });

  it('refuses an unknown letter, a letter as a missing value, and numbers out of range', () => {
    expect(() => parseFlags(['-x'], SHORT, SHORT_USAGE)).toThrow('unknown argument "-x"');
    expect(() => parseFlags(['-o', '-w', '5'], SHORT, SHORT_USAGE)).toThrow('--target-org needs a value (ALIAS)');
    expect(() => parseFlags(['-w', '0'], SHORT, SHORT_USAGE)).toThrow('--wait must be between 1 and 60, not 0');
    expect(() => parseFlags(['--wait', '61'], SHORT, SHORT_USAGE)).toThrow('--wait must be between 1 and 60, not 61');
  });

  it('shows the letters in the usage, aligned with the flags that have none', () => {
    expect(SHORT_USAGE).toContain('  -o, --target-org ALIAS');
    expect(SHORT_USAGE).toContain('      --json ');
    expect(SHORT_USAGE).toContain('  -h, --help ');
  });
});

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

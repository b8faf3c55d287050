import { eslintCheck } from '../../scripts/validate/checks/eslint';
import { parseTscOutput, typescriptCheck } from '../../scripts/validate/checks/typescript';
import { FixtureCopy } from '../support/fixture';
import { errorsOf, problemsOf } from '../support/run-check';

const COMPONENT = 'force-app/main/default/lwc/invoiceSummary/invoiceSummary.js';

describe('eslint check', () => {
  let fixture: FixtureCopy;
  beforeEach(() => (fixture = new FixtureCopy('clean-project')));
  afterEach(() => fixture.dispose());

  it('passes the clean fixture', async () => {
    expect(await problemsOf(eslintCheck, fixture)).toEqual([]);
  });

  it('fails an LWC rule violation with its line', async () => {
    fixture.replace(
      COMPONENT,
      '    @api recordId;\n',
      "    @api recordId;\n\n    connectedCallback() {\n        this.recordId = 'x';\n    }\n"
    );
    expect(await errorsOf(eslintCheck, fixture)).toEqual([
      expect.objectContaining({
        file: COMPONENT,
        line: 7,
        message: expect.stringContaining('@lwc/lwc/no-api-reassignments')
      })
    ]);
  });

  it('fails a script with a lint error', async () => {
    fixture.write('scripts/loose.ts', 'export function loose(value: any): number {\n  return value;\n}\n');
    expect(await errorsOf(eslintCheck, fixture)).toEqual([
      expect.objectContaining({
        file: 'scripts/loose.ts',
        line: 1,
        message: expect.stringContaining('no-explicit-any')
      })
    ]);
  });
});

describe('typescript check', () => {
  let fixture: FixtureCopy;
  beforeEach(() => (fixture = new FixtureCopy('clean-project')));
  afterEach(() => fixture.dispose());

  it('passes the clean fixture', async () => {
    expect(await problemsOf(typescriptCheck, fixture)).toEqual([]);
  });

  it('fails a type error and names file and line', async () => {
    fixture.write(
      'scripts/broken.ts',
      "import { total } from './total';\n\nexport const sum: string = total([1, 2]);\n"
    );
    expect(await errorsOf(typescriptCheck, fixture)).toEqual([
      expect.objectContaining({ file: 'scripts/broken.ts', line: 3, message: expect.stringContaining('TS2322') })
    ]);
  });

  it('fails scripts without a tsconfig.json', async () => {
    fixture.remove('tsconfig.json');
    expect(await errorsOf(typescriptCheck, fixture)).toEqual([expect.objectContaining({ file: 'tsconfig.json' })]);
  });

  it('turns a failure without diagnostics into one error rather than a pass', () => {
    expect(parseTscOutput('Segmentation fault', 139)).toEqual([
      expect.objectContaining({ severity: 'error', message: expect.stringContaining('Segmentation fault') })
    ]);
  });
});

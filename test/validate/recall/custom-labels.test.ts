import { metadataRulesCheck } from '../../../scripts/validate/checks/metadata-rules';
import { Problem } from '../../../scripts/validate/core/types';
import { D, metadata, PlantedChange, runOnce, withPlanted, withRule } from './mini-project';

const LABELS = `${D}/labels/CustomLabels.labels-meta.xml`;

const label = (name: string, value: string) =>
  `    <labels>\n        <fullName>${name}</fullName>\n        <language>en_US</language>\n        <protected>false</protected>\n        <shortDescription>${name}</shortDescription>\n        <value>${value}</value>\n    </labels>`;

/** Two labels, one of them exactly 1,000 characters long (the most a label holds), written with entities. */
function correctFiles(): Record<string, string> {
  return {
    [LABELS]: metadata(
      'CustomLabels',
      [label('Greeting_Text', 'Hello &amp; welcome'), label('Terms_2', `${'&lt;'.repeat(10)}${'x'.repeat(990)}`)].join(
        '\n'
      )
    )
  };
}

async function run(change?: PlantedChange): Promise<Problem[]> {
  return runOnce(metadataRulesCheck, withPlanted(correctFiles(), change));
}

describe('recall: custom labels (metadata-rules)', () => {
  it('accepts API names and values of up to 1,000 characters', async () => {
    expect(await run()).toEqual([]);
  });

  it('reports a value over 1,000 characters [custom-label-value-length]', async () => {
    const problems = await run([LABELS, `${'x'.repeat(990)}</value>`, `${'x'.repeat(991)}</value>`]);
    expect(problems).toEqual([
      expect.objectContaining({
        file: LABELS,
        line: 15,
        severity: 'error',
        message: expect.stringContaining('1001 characters')
      })
    ]);
    expect(withRule(problems, 'custom-label-value-length')).toHaveLength(1);
  });

  it.each<[string, string]>([
    ['a double underscore', 'Greeting__Text'],
    ['a leading digit', '2_Greeting'],
    ['a space', 'Greeting Text']
  ])('reports a name with %s [custom-label-name]', async (_what, name) => {
    const problems = withRule(
      await run([LABELS, '<fullName>Greeting_Text</fullName>', `<fullName>${name}</fullName>`]),
      'custom-label-name'
    );
    expect(problems).toEqual([expect.objectContaining({ file: LABELS, line: 4, severity: 'error' })]);
  });
});

import { crossReferencesCheck } from '../../scripts/validate/checks/cross-references';
import { Project } from '../../scripts/validate/core/project';
import { parseSoql } from '../../scripts/validate/references/soql';
import { FixtureCopy } from '../support/fixture';

const CLASS = 'force-app/main/default/classes/ActivityQueries.cls';

describe('SOQL TYPEOF', () => {
  it('parses the fields of each WHEN type, apart from the fields of the query', () => {
    const query = parseSoql(
      'SELECT Id, TYPEOF What WHEN Account THEN Phone, Owner.Name WHEN Opportunity THEN Amount ELSE Name END, Subject ' +
        'FROM Event'
    );

    expect(query.fields.map((field) => field.path)).toEqual(['Id', 'Subject']);
    expect(query.typeOfs.map((typeOf) => typeOf.relationship.path)).toEqual(['What']);
    expect(
      query.typeOfs[0].branches.map((branch) => [branch.object, branch.fields.map((field) => field.path)])
    ).toEqual([
      ['Account', ['Phone', 'Owner.Name']],
      ['Opportunity', ['Amount']]
    ]);
  });

  it('refuses a TYPEOF without WHEN or without END', () => {
    expect(() => parseSoql('SELECT TYPEOF What ELSE Name END FROM Event')).toThrow("'WHEN' expected");
    expect(() => parseSoql('SELECT TYPEOF What WHEN Account THEN Phone FROM Event')).toThrow("'END' expected");
  });

  describe('in the cross-references check', () => {
    let copy: FixtureCopy;
    afterEach(() => copy.dispose());

    async function problemsFor(query: string): Promise<Array<[number | undefined, string]>> {
      copy = new FixtureCopy('cross-references/rich-project');
      copy.write(
        CLASS,
        [
          'public with sharing class ActivityQueries {',
          '  public static List<Event> events() {',
          `    return [${query}];`,
          '  }',
          '}'
        ].join('\n')
      );
      const problems = (await crossReferencesCheck.run(new Project(copy.root))).problems;
      return problems.filter((problem) => problem.file === CLASS).map((problem) => [problem.line, problem.message]);
    }

    it('passes the standard polymorphic relationship with fields of each type', async () => {
      expect(
        await problemsFor(
          'SELECT Id, TYPEOF What WHEN Account THEN Phone, Name WHEN Opportunity THEN Amount ELSE Name END FROM Event'
        )
      ).toEqual([]);
    });

    it('reports a field the WHEN type does not have, a WHEN type that does not exist, and a wrong relationship', async () => {
      const problems = await problemsFor(
        'SELECT TYPEOF What WHEN Account THEN Phon WHEN Acount THEN Name END, TYPEOF Wat WHEN Account THEN Name END FROM Event'
      );

      expect(problems).toEqual([
        [3, expect.stringMatching(/static SOQL TYPEOF.*'Account\.Phon'/)],
        [3, expect.stringMatching(/static SOQL TYPEOF WHEN.*object 'Acount'/)],
        [3, expect.stringMatching(/static SOQL TYPEOF.*'Event\.Wat'/)]
      ]);
    });
  });
});

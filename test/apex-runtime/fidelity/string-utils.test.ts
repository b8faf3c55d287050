/**
 * The String methods Apex takes from Apache Commons Lang, checked with the examples of the Apex Reference's "String
 * Class" (the examples the reference gives, and Commons Lang's own for the split variants). Before, 24 of them were
 * UNSUPPORTED and splitByCharacterType split like its camel-case sibling.
 */
import { outcomes, runSnippet } from './snippet-project';

describe('apex runtime fidelity: Commons Lang String methods', () => {
  const r = runSnippet(
    'StringUtils_Tests',
    String.raw`
    @IsTest static void caseAndSplitting() {
      Assert.areEqual('fORCE.COM', 'Force.com'.swapCase());
      Assert.areEqual(new List<String>{ 'F', 'orce', '.', 'com', ' ', 'platform' }, 'Force.com platform'.splitByCharacterType());
      Assert.areEqual(new List<String>{ 'Force', '.', 'com' }, 'Force.com'.splitByCharacterTypeCamelCase());
      Assert.areEqual(new List<String>{ 'ASF', 'Rules' }, 'ASFRules'.splitByCharacterTypeCamelCase());
      Assert.areEqual(new List<String>{ 'foo', '200', 'B', 'ar' }, 'foo200Bar'.splitByCharacterType());
    }
    @IsTest static void searches() {
      Assert.areEqual(0, 'abcd'.indexOfAnyBut('xc'));
      Assert.areEqual(2, 'abcd'.indexOfDifference('abxc'));
      Assert.areEqual(-1, 'abcd'.indexOfDifference('abcd'));
      Assert.areEqual(3, 'abcdaacd'.lastIndexOfIgnoreCase('DAAC'));
      Assert.areEqual(0, '\u03A9 is \u03A9 (Omega)'.indexOfChar(937));
      Assert.areEqual(5, '\u03A9 is \u03A9 (Omega)'.lastIndexOfChar(937));
      Assert.areEqual(3, 'Hello Joe'.getLevenshteinDistance('Hello Max'));
      Assert.areEqual(-1, 'Hello Jane'.getLevenshteinDistance('Hello Max', 2));
    }
    @IsTest static void escapes() {
      Assert.areEqual('"Max1, ""Max2"""', 'Max1, "Max2"'.escapeCsv());
      Assert.areEqual('Max1, "Max2"', '"Max1, ""Max2"""'.unescapeCsv());
      Assert.areEqual('\\"grade\\": 3.9\\/4.0', '"grade": 3.9/4.0'.escapeEcmaScript());
      Assert.areEqual('"3.8","3.9"', '\\"3.8\\",\\"3.9\\"'.unescapeEcmaScript());
      Assert.areEqual('Company: \\"Salesforce.com\\"', 'Company: "Salesforce.com"'.escapeJava());
      Assert.areEqual('Company: "Salesforce.com"', 'Company: \\"Salesforce.com\\"'.unescapeJava());
      Assert.areEqual('De onde voc\\u00EA \\u00E9?', 'De onde voc\u00EA \u00E9?'.escapeUnicode());
      Assert.areEqual('De onde voc\u00EA \u00E9?', 'De onde voc\\u00EA \\u00E9?'.unescapeUnicode());
      Assert.areEqual('&quot;&lt;Black&amp;White&gt;&quot;', '"<Black&White>"'.escapeXml());
      Assert.areEqual('"<Black&White>"', '&quot;&lt;Black&amp;White&gt;&quot;'.unescapeXml());
      Assert.areEqual('&quot;&lt;Black&amp;White&gt;&quot;', '"<Black&White>"'.escapeHtml4());
      Assert.areEqual('"<Black&White>"', '&quot;&lt;Black&amp;White&gt;&quot;'.unescapeHtml4());
    }
    @IsTest static void anHtmlEntityOutsideTheBasicOnesIsNotGuessed() {
      String s = 'caf&eacute;'.unescapeHtml4();
    }
  `
  );

  it.each(['caseAndSplitting', 'searches', 'escapes'])('%s follows the reference examples', (name) => {
    expect(outcomes(r, [name])).toEqual([[name, 'PASS', undefined]]);
  });

  it('reports an HTML entity it has no table for as UNSUPPORTED, not as a guess', () => {
    expect(r.get('anHtmlEntityOutsideTheBasicOnesIsNotGuessed')?.outcome).toBe('UNSUPPORTED');
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { conventionsCheck } from '../../scripts/validate/checks/conventions';
import { crossReferencesCheck } from '../../scripts/validate/checks/cross-references';
import { docsReferenceCheck } from '../../scripts/validate/checks/docs-reference';
import { lwcReferencesCheck } from '../../scripts/validate/checks/lwc-references';
import { metadataRulesCheck } from '../../scripts/validate/checks/metadata-rules';
import { openapiCheck } from '../../scripts/validate/checks/openapi';
import { Problem } from '../../scripts/validate/core/types';
import { GateReport, runGate } from '../../scripts/validate/gate';
import { FixtureCopy } from '../support/fixture';

const SERVICE = 'force-app/main/default/classes/InvoiceService.cls';
const COMPONENT = 'force-app/main/default/lwc/invoiceSummary/invoiceSummary.js';

/** The checks that read Apex classes only through a view (annotations, static SOQL, REST mappings, secrets). */
const VIEWING_CHECKS = [
  crossReferencesCheck,
  lwcReferencesCheck,
  metadataRulesCheck,
  conventionsCheck,
  docsReferenceCheck,
  openapiCheck
];

/** Every finding of those checks, as `check file:line message`, sorted. */
function findingsOf(report: GateReport): string[] {
  return report.checks
    .filter((check) => VIEWING_CHECKS.some((viewing) => viewing.id === check.id))
    .flatMap((check) =>
      check.problems.map((problem: Problem) => `${check.id} ${problem.file}:${problem.line ?? ''} ${problem.message}`)
    )
    .sort();
}

function cachedChecks(report: GateReport): string[] {
  return report.checks.filter((check) => check.cached).map((check) => check.id);
}

/**
 * A check whose cache key holds a view of each Apex class (what it reads from the class) instead of the class's
 * bytes is kept after an edit that leaves its view alone, and must otherwise report exactly what a run without any
 * cache reports.
 */
describe('checks keyed on what they read from Apex', () => {
  let copy: FixtureCopy;
  let cacheDir: string;
  const cachedRun = (): Promise<GateReport> => runGate(copy.root, VIEWING_CHECKS, { cache: true, cacheDir });
  const runWithoutCache = (): Promise<GateReport> => runGate(copy.root, VIEWING_CHECKS);

  beforeEach(async () => {
    copy = new FixtureCopy('clean-project');
    cacheDir = mkdtempSync(join(tmpdir(), 'gate-views-'));
    // A component that calls the service, so that the service's annotations matter to lwc-references.
    copy.replace(SERVICE, '  public static Integer sendDrafts(', '  @AuraEnabled\n  public static Integer sendDrafts(');
    copy.replace(
      COMPONENT,
      "import { LightningElement, api } from 'lwc';",
      "import { LightningElement, api } from 'lwc';\nimport sendDrafts from '@salesforce/apex/InvoiceService.sendDrafts';"
    );
    const baseline = await cachedRun();
    expect(findingsOf(baseline)).toEqual([]);
  });
  afterEach(() => {
    copy.dispose();
    rmSync(cacheDir, { recursive: true, force: true });
  });

  it('keeps every outcome after an edit that changes none of their views (a private method added)', async () => {
    copy.replace(
      SERVICE,
      '    return drafts.size();\n  }\n',
      '    return drafts.size();\n  }\n\n  private static Integer one() {\n    return 1;\n  }\n'
    );

    const after = await cachedRun();

    expect(cachedChecks(after).sort()).toEqual(VIEWING_CHECKS.map((check) => check.id).sort());
    expect(findingsOf(after)).toEqual(findingsOf(await runWithoutCache()));
  });

  it('runs cross-references again for a query naming a missing field, and for lines moved above it', async () => {
    copy.replace(SERVICE, "AND Status__c = 'Draft'", "AND Statuss__c = 'Draft'");
    const planted = await cachedRun();
    expect(cachedChecks(planted)).not.toContain('cross-references');
    expect(findingsOf(planted)).toEqual([
      expect.stringMatching(/^cross-references force-app\/main\/default\/classes\/InvoiceService\.cls:15 .*Statuss__c/)
    ]);

    // Inside the method: the class and its annotated members stay on their lines, only the query moves.
    copy.replace(
      SERVICE,
      '    List<Invoice__c> drafts = [',
      '    // moved\n    // down\n    List<Invoice__c> drafts = ['
    );
    const moved = await cachedRun();

    expect(findingsOf(moved)).toEqual(findingsOf(await runWithoutCache()));
    expect(findingsOf(moved)).toEqual([expect.stringMatching(/^cross-references \S+InvoiceService\.cls:17 /)]);
  });

  it('runs lwc-references again when a method that a component imports loses @AuraEnabled', async () => {
    copy.replace(SERVICE, '  @AuraEnabled\n', '');

    const after = await cachedRun();

    expect(findingsOf(after)).toEqual(findingsOf(await runWithoutCache()));
    expect(findingsOf(after)).toEqual([expect.stringMatching(/^lwc-references \S+invoiceSummary\.js:2 .*AuraEnabled/)]);
  });

  it('runs metadata-rules again for a second @InvocableMethod', async () => {
    const invocable = (name: string): string =>
      `  @InvocableMethod(label='${name}')\n  public static List<Integer> ${name}(List<Id> ids) {\n    return new List<Integer>();\n  }\n`;
    copy.replace(SERVICE, '  @AuraEnabled\n', `${invocable('first')}${invocable('second')}  @AuraEnabled\n`);

    const after = await cachedRun();

    expect(findingsOf(after)).toEqual(findingsOf(await runWithoutCache()));
    expect(findingsOf(after)).toContainEqual(
      expect.stringMatching(/^metadata-rules \S+InvoiceService\.cls:\d+ .*second @InvocableMethod/)
    );
  });

  it('runs openapi again for a new @RestResource mapping', async () => {
    copy.replace(
      SERVICE,
      'public with sharing class',
      "@RestResource(urlMapping='/invoices/*')\npublic with sharing class"
    );

    const after = await cachedRun();

    expect(findingsOf(after)).toEqual(findingsOf(await runWithoutCache()));
    expect(findingsOf(after)).toEqual([expect.stringMatching(/^openapi \S+InvoiceService\.cls:4 .*'\/invoices\/\*'/)]);
  });

  it('runs conventions again for a private key pasted into a comment', async () => {
    copy.replace(SERVICE, ' * @description Marks', ' * -----BEGIN RSA PRIVATE KEY-----\n * @description Marks');

    const after = await cachedRun();

    expect(findingsOf(after)).toEqual(findingsOf(await runWithoutCache()));
    expect(findingsOf(after)).toEqual([
      expect.stringMatching(/^conventions \S+InvoiceService\.cls:2 contains a private key/)
    ]);
  });
});

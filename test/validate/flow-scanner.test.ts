import { flowScannerCheck } from '../../scripts/validate/checks/flow-scanner';
import { FixtureCopy } from '../support/fixture';
import { errorsOf, problemsOf } from '../support/run-check';

const FLOW = 'force-app/main/default/flows/Invoice_Stamp_Sent_At.flow-meta.xml';

describe('flow-scanner check', () => {
  let fixture: FixtureCopy;
  beforeEach(() => (fixture = new FixtureCopy('clean-project')));
  afterEach(() => fixture.dispose());

  it('passes the clean fixture', async () => {
    expect(await problemsOf(flowScannerCheck, fixture)).toEqual([]);
  });

  it('fails a record update without a fault path and points at the element', async () => {
    fixture.replace(
      FLOW,
      '<faultConnector>\n            <targetReference>Report_Stamp_Failure</targetReference>\n        </faultConnector>\n',
      ''
    );
    const errors = await errorsOf(flowScannerCheck, fixture);
    const missingFault = errors.find((problem) => problem.message.startsWith('MissingFaultPath'));
    expect(missingFault).toEqual(
      expect.objectContaining({ file: FLOW, message: expect.stringContaining('"Stamp_Account"') })
    );
    expect(fixture.read(FLOW).split('\n')[(missingFault?.line ?? 0) - 1]).toContain('<name>Stamp_Account</name>');
  });

  it('fails a flow without a description', async () => {
    fixture.replace(FLOW, '<description>Stamps the account when one of its invoices becomes Sent.</description>\n', '');
    expect((await errorsOf(flowScannerCheck, fixture)).map((problem) => problem.message)).toEqual([
      expect.stringMatching(/^FlowDescription/)
    ]);
  });

  it('fails a flow that is not active', async () => {
    fixture.replace(FLOW, '<status>Active</status>', '<status>Draft</status>');
    expect((await errorsOf(flowScannerCheck, fixture)).map((problem) => problem.message)).toEqual([
      expect.stringMatching(/^InactiveFlow/)
    ]);
  });

  it('fails a hard-coded record Id', async () => {
    fixture.replace(
      FLOW,
      '<elementReference>$Record.Account__c</elementReference>',
      '<stringValue>001000000000001AAA</stringValue>'
    );
    expect((await errorsOf(flowScannerCheck, fixture)).map((problem) => problem.message)).toEqual([
      expect.stringMatching(/^HardcodedId/)
    ]);
  });

  it('fails an after-save flow that updates its own record', async () => {
    fixture.replace(
      FLOW,
      '<filterLogic>and</filterLogic>\n        <filters>\n            <field>Id</field>\n            <operator>EqualTo</operator>\n            <value>\n                <elementReference>$Record.Account__c</elementReference>\n            </value>\n        </filters>\n',
      ''
    );
    fixture.replace(
      FLOW,
      '<object>Account</object>\n    </recordUpdates>',
      '<inputReference>$Record</inputReference>\n    </recordUpdates>'
    );
    expect((await errorsOf(flowScannerCheck, fixture)).map((problem) => problem.message)).toContainEqual(
      expect.stringMatching(/^RecursiveAfterUpdate/)
    );
  });
});

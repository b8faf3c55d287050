import { join } from 'node:path';
import {
  projectValueSets,
  readOrgSettings,
  readinessFindings,
  valuesInUseThatWouldBeDropped
} from '../../scripts/org/org-readiness';
import { ScriptedOrgApi } from '../support/fake-org';

const ROOT = join(__dirname, '..', '..');

describe("the project's standard value sets", () => {
  it('are read from the package directories with their value API names', () => {
    const sets = projectValueSets(ROOT);
    expect(sets.map((set) => set.name).sort()).toEqual(['CaseType', 'OpportunityStage', 'OrderStatus']);
    expect(sets.find((set) => set.name === 'OrderStatus')?.values).toEqual(
      expect.arrayContaining(['Draft', 'Pending Review', 'Approved', 'Activated'])
    );
  });
});

describe('valuesInUseThatWouldBeDropped', () => {
  it('reports a value set it cannot map to a field, and a field it could not count, instead of passing them', async () => {
    const api = new ScriptedOrgApi();
    api.query = async (soql: string) => {
      throw new Error(`INVALID_TYPE: ${soql.split(' FROM ')[1].split(' ')[0]} is not supported`);
    };
    const report = await valuesInUseThatWouldBeDropped(api, [
      { name: 'SomeFutureSet', values: ['A'], file: 'x' },
      { name: 'OrderStatus', values: ['Draft'], file: 'y' }
    ]);
    expect(report.dropped).toEqual([]);
    expect(report.checkedFields).toEqual([]);
    expect(report.unchecked).toEqual([
      "SomeFutureSet (no known field: compare it with the org's list by hand)",
      'Order.Status (INVALID_TYPE: Order is not supported)'
    ]);
    expect(readinessFindings({ ordersEnabled: true, flowsDeployActive: true }, 'sandbox', report, 'uat')).toEqual([
      expect.objectContaining({
        fixedByOrgSettings: false,
        action: expect.stringContaining('--allow-value-set-changes')
      })
    ]);
  });

  it('counts every field a set fills (LeadSource: three objects) and ignores blank values', async () => {
    const api = new ScriptedOrgApi([
      [
        /FROM Lead GROUP BY LeadSource/,
        [
          { Id: '', LeadSource: 'Fax', n: 3 },
          { Id: '', LeadSource: null, n: 5 }
        ]
      ]
    ]);
    const report = await valuesInUseThatWouldBeDropped(api, [{ name: 'LeadSource', values: ['Web'], file: 'z' }]);
    expect(api.queries).toEqual([
      'SELECT AccountSource, COUNT(Id) n FROM Account GROUP BY AccountSource',
      'SELECT LeadSource, COUNT(Id) n FROM Lead GROUP BY LeadSource',
      'SELECT LeadSource, COUNT(Id) n FROM Opportunity GROUP BY LeadSource'
    ]);
    expect(report.dropped).toEqual([{ valueSet: 'LeadSource', field: 'Lead.LeadSource', value: 'Fax', records: 3 }]);
  });
});

describe('readOrgSettings', () => {
  it('reads the booleans the Metadata API answers as text, and leaves what it cannot read undefined', async () => {
    await expect(
      readOrgSettings(async (type) =>
        type === 'OrderSettings' ? { enableOrders: 'true' } : { enableFlowDeployAsActiveEnabled: 'false' }
      )
    ).resolves.toEqual({ ordersEnabled: true, flowsDeployActive: false });
    await expect(
      readOrgSettings(async () => {
        throw new Error('INSUFFICIENT_ACCESS');
      })
    ).resolves.toEqual({ ordersEnabled: undefined, flowsDeployActive: undefined });
  });
});

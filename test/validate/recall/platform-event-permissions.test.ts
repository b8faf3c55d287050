import { metadataRulesCheck } from '../../../scripts/validate/checks/metadata-rules';
import { Problem } from '../../../scripts/validate/core/types';
import { D, metadata, PlantedChange, runOnce, withPlanted } from './mini-project';

const PERMISSION_SET = `${D}/permissionsets/Event_Publisher.permissionset-meta.xml`;

/** A permission set that publishes and subscribes to a platform event: Read and Create, the two it takes. */
function correctFiles(): Record<string, string> {
  return {
    [PERMISSION_SET]: metadata(
      'PermissionSet',
      [
        '    <label>Event Publisher</label>',
        '    <objectPermissions>',
        '        <allowCreate>true</allowCreate>',
        '        <allowDelete>false</allowDelete>',
        '        <allowEdit>false</allowEdit>',
        '        <allowRead>true</allowRead>',
        '        <modifyAllRecords>false</modifyAllRecords>',
        '        <object>Order_Ready__e</object>',
        '        <viewAllRecords>false</viewAllRecords>',
        '    </objectPermissions>'
      ].join('\n')
    )
  };
}

async function run(change?: PlantedChange): Promise<Problem[]> {
  return runOnce(metadataRulesCheck, withPlanted(correctFiles(), change));
}

describe('recall: platform event permissions (metadata-rules)', () => {
  it('accepts Read and Create on a platform event', async () => {
    expect(await run()).toEqual([]);
  });

  it('warns on Edit granted on a platform event [permission-platform-event-access]', async () => {
    const problems = await run([PERMISSION_SET, '<allowEdit>false</allowEdit>', '<allowEdit>true</allowEdit>']);
    expect(problems).toEqual([
      expect.objectContaining({
        file: PERMISSION_SET,
        severity: 'warning',
        message: expect.stringContaining(
          'Order_Ready__e is a platform event: it takes only Read and Create, not <allowEdit>'
        )
      })
    ]);
  });
});

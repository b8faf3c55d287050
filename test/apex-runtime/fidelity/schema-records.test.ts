/**
 * Records the platform builds from metadata and the values it derives, probed with a small object model (a custom
 * object with a restricted picklist, a number with precision and scale, a formula and a record type; a hierarchy
 * custom setting). Each case names its source.
 */
import { outcomes, runSnippet } from './snippet-project';

const XML = '<?xml version="1.0" encoding="UTF-8"?>';
const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';
const files: Record<string, string> = {
  'objects/Widget__c/Widget__c.object-meta.xml': `${XML}<CustomObject ${NS}><label>Widget</label><pluralLabel>Widgets</pluralLabel><nameField><label>Widget Name</label><type>Text</type></nameField><deploymentStatus>Deployed</deploymentStatus><sharingModel>ReadWrite</sharingModel></CustomObject>`,
  'objects/Widget__c/fields/Size__c.field-meta.xml': `${XML}<CustomField ${NS}><fullName>Size__c</fullName><label>Size</label><type>Number</type><precision>5</precision><scale>2</scale></CustomField>`,
  'objects/Widget__c/fields/Doubled__c.field-meta.xml': `${XML}<CustomField ${NS}><fullName>Doubled__c</fullName><label>Doubled</label><type>Number</type><precision>6</precision><scale>2</scale><formula>Size__c * 2</formula></CustomField>`,
  'objects/Widget__c/recordTypes/Big.recordType-meta.xml': `${XML}<RecordType ${NS}><fullName>Big</fullName><active>true</active><label>Big One</label></RecordType>`,
  'objects/Conf__c/Conf__c.object-meta.xml': `${XML}<CustomObject ${NS}><customSettingsType>Hierarchy</customSettingsType><label>Conf</label><visibility>Public</visibility></CustomObject>`,
  'objects/Conf__c/fields/Limit__c.field-meta.xml': `${XML}<CustomField ${NS}><fullName>Limit__c</fullName><label>Limit</label><type>Number</type><precision>5</precision><scale>0</scale></CustomField>`,
  'objects/Conf__c/fields/Mode__c.field-meta.xml': `${XML}<CustomField ${NS}><fullName>Mode__c</fullName><label>Mode</label><type>Text</type><length>20</length></CustomField>`
};

describe('apex runtime fidelity: records from metadata', () => {
  const r = runSnippet(
    'SchemaRecords_Tests',
    `
    // Apex Reference, "Hierarchy Custom Setting Methods": getInstance() returns the running user's record, its empty
    // fields merged from the levels above (profile, then organization); without a user record, a new object (Id
    // null) with the merged fields. getOrgDefaults() and getValues(id) return one level only.
    @IsTest static void hierarchySettingsMergeFromTheLowestLevel() {
      Assert.isNull(Conf__c.getInstance().Limit__c);
      Assert.isNull(Conf__c.getOrgDefaults().Id);
      insert new Conf__c(SetupOwnerId = UserInfo.getOrganizationId(), Limit__c = 5, Mode__c = 'org');
      Assert.areEqual(5, Conf__c.getInstance().Limit__c);
      Assert.isNull(Conf__c.getInstance().Id);
      Conf__c mine = new Conf__c(SetupOwnerId = UserInfo.getUserId(), Limit__c = 9);
      insert mine;
      Assert.areEqual(9, Conf__c.getInstance().Limit__c);
      Assert.areEqual('org', Conf__c.getInstance().Mode__c);
      Assert.areEqual(mine.Id, Conf__c.getInstance().Id);
      Assert.areEqual(9, Conf__c.getInstance(UserInfo.getUserId()).Limit__c);
      Assert.areEqual(5, Conf__c.getOrgDefaults().Limit__c);
      Assert.isNull(Conf__c.getValues(UserInfo.getUserId()).Mode__c);
      Assert.isNull(Conf__c.getValues(UserInfo.getProfileId()));
      insert new Conf__c(SetupOwnerId = UserInfo.getProfileId(), Mode__c = 'profile');
      Assert.areEqual('profile', Conf__c.getInstance().Mode__c);
      Assert.areEqual('profile', Conf__c.getInstance(UserInfo.getProfileId()).Mode__c);
      Assert.areEqual(5, Conf__c.getInstance(UserInfo.getProfileId()).Limit__c);
    }
    // Object Reference, "RecordType": every record type of the org is a RecordType row, queryable by SobjectType and
    // DeveloperName, with the Id the describe gives (Schema.RecordTypeInfo.getRecordTypeId)
    @IsTest static void recordTypesAreQueryable() {
      Id fromDescribe = Widget__c.SObjectType.getDescribe().getRecordTypeInfosByDeveloperName().get('Big').getRecordTypeId();
      RecordType rt = [SELECT Id, Name, DeveloperName, SobjectType, IsActive FROM RecordType WHERE SobjectType = 'Widget__c' AND DeveloperName = 'Big'];
      Assert.areEqual(fromDescribe, rt.Id);
      Assert.areEqual('Big One', rt.Name);
      Assert.isTrue(rt.IsActive);
      Widget__c w = new Widget__c(Name = 'w', RecordTypeId = rt.Id);
      insert w;
      Assert.areEqual('Big', [SELECT RecordType.DeveloperName FROM Widget__c WHERE Id = :w.Id].RecordType.DeveloperName);
    }
    // SOAP API, "Core Data Types": a number field holds precision - scale digits before the point; a larger value is
    // refused with NUMBER_OUTSIDE_VALID_RANGE ("value outside of valid range on numeric field")
    @IsTest static void numberPrecisionIsEnforced() {
      insert new Widget__c(Name = 'fits', Size__c = 999.99);
      try {
        insert new Widget__c(Name = 'w', Size__c = 12345.67);
        Assert.fail('expected a DmlException');
      } catch (DmlException e) {
        Assert.areEqual(StatusCode.NUMBER_OUTSIDE_VALID_RANGE, e.getDmlType(0));
      }
    }
    // Apex Reference, "Formula Class": recalculateFormulas(sobjects) updates the formula fields of records in memory
    @IsTest static void formulasRecalculateInMemory() {
      Widget__c w = new Widget__c(Name = 'w', Size__c = 4);
      List<FormulaRecalcResult> results = Formula.recalculateFormulas(new List<Widget__c>{ w });
      Assert.isTrue(results[0].isSuccess());
      Assert.areEqual(8, w.Doubled__c);
    }
  `,
    files
  );

  it.each([
    'hierarchySettingsMergeFromTheLowestLevel',
    'recordTypesAreQueryable',
    'numberPrecisionIsEnforced',
    'formulasRecalculateInMemory'
  ])('%s', (name) => {
    expect(outcomes(r, [name])).toEqual([[name, 'PASS', undefined]]);
  });
});

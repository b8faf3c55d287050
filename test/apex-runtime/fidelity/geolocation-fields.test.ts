/**
 * A custom geolocation field `Place__c` is written and queried through its parts `Place__Latitude__s` and
 * `Place__Longitude__s` (SOAP API Developer Guide, "Compound Fields": geolocation compound fields; Apex Developer
 * Guide, "Location Class"). dreamhouse-lwc selects `Location__Latitude__s` in PropertyController.
 */
import { outcomes, runSnippet } from './snippet-project';

const OBJECT = `<?xml version="1.0" encoding="UTF-8"?>
<CustomObject xmlns="http://soap.sforce.com/2006/04/metadata">
    <label>Site</label>
    <pluralLabel>Sites</pluralLabel>
    <nameField><label>Site Name</label><type>Text</type></nameField>
    <deploymentStatus>Deployed</deploymentStatus>
    <sharingModel>ReadWrite</sharingModel>
</CustomObject>
`;
const LOCATION = `<?xml version="1.0" encoding="UTF-8"?>
<CustomField xmlns="http://soap.sforce.com/2006/04/metadata">
    <fullName>Place__c</fullName>
    <displayLocationInDecimal>true</displayLocationInDecimal>
    <label>Place</label>
    <scale>7</scale>
    <type>Location</type>
</CustomField>
`;

describe('custom geolocation fields', () => {
  const r = runSnippet(
    'Geo_Tests',
    `
    @IsTest static void partsAreWrittenAndQueried() {
      insert new Site__c(Name = 'HQ', Place__Latitude__s = 42.3601, Place__Longitude__s = -71.0589);
      Site__c s = [SELECT Place__Latitude__s, Place__Longitude__s FROM Site__c WHERE Place__Latitude__s > 40];
      Assert.areEqual(42.3601, s.Place__Latitude__s);
      Assert.areEqual(-71.0589, s.Place__Longitude__s);
      Assert.isTrue(Schema.SObjectType.Site__c.fields.getMap().containsKey('place__longitude__s'));
    }
  `,
    {
      'objects/Site__c/Site__c.object-meta.xml': OBJECT,
      'objects/Site__c/fields/Place__c.field-meta.xml': LOCATION
    }
  );

  it('has the Latitude and Longitude parts of the field', () => {
    expect(outcomes(r, ['partsAreWrittenAndQueried'])).toEqual([['partsAreWrittenAndQueried', 'PASS', undefined]]);
  });
});

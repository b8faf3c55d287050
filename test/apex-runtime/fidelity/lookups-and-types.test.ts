/**
 * DML and type outcomes found by a probe of dynamic Apex and lookups, each with its source: `upsert records
 * Object.Field` (Apex Developer Guide, "Upserting Records": the external Id field given as a token) was UNSUPPORTED;
 * deleting a record left custom lookups to it set (Metadata API, CustomField.deleteConstraint: "SetNull", the
 * default, clears them); `Type.forName('Account').newInstance()` was UNSUPPORTED (Apex Reference, "Type Class").
 */
import { outcomes, runSnippet } from './snippet-project';

const XML = '<?xml version="1.0" encoding="UTF-8"?>';
const NS = 'xmlns="http://soap.sforce.com/2006/04/metadata"';

describe('apex runtime fidelity: lookups and dynamic types', () => {
  const r = runSnippet(
    'Lookups_Tests',
    `
    @IsTest static void upsertNamesTheExternalIdAsAToken() {
      insert new Item__c(Name = 'a', Ext__c = 'K1');
      Item__c again = new Item__c(Name = 'b', Ext__c = 'K1');
      upsert again Item__c.Ext__c;
      Assert.areEqual(1, [SELECT COUNT() FROM Item__c]);
      Assert.areEqual('b', [SELECT Name FROM Item__c].Name);
    }
    @IsTest static void deletingTheParentClearsACustomLookup() {
      Account parent = new Account(Name = 'p');
      insert parent;
      Item__c child = new Item__c(Name = 'c', Account__c = parent.Id);
      insert child;
      delete parent;
      Assert.isNull([SELECT Account__c FROM Item__c WHERE Id = :child.Id].Account__c);
    }
    // Salesforce Help, "Delete Accounts": contacts, opportunities and activities go to the Recycle Bin with the
    // account; Apex Developer Guide, "Deleting Records": a case's CaseComment records go with the case
    @IsTest static void standardChildrenAreDeletedWithTheirParent() {
      Account parent = new Account(Name = 'p');
      insert parent;
      insert new Contact(LastName = 'c', AccountId = parent.Id);
      insert new Opportunity(Name = 'o', AccountId = parent.Id, StageName = 'Prospecting', CloseDate = Date.today());
      insert new Task(Subject = 't', WhatId = parent.Id);
      Case support = new Case(Subject = 's');
      insert support;
      insert new CaseComment(ParentId = support.Id, CommentBody = 'b');
      delete parent;
      delete support;
      Assert.areEqual(0, [SELECT COUNT() FROM Contact]);
      Assert.areEqual(0, [SELECT COUNT() FROM Opportunity]);
      Assert.areEqual(0, [SELECT COUNT() FROM Task]);
      Assert.areEqual(0, [SELECT COUNT() FROM CaseComment]);
      Assert.areEqual(1, [SELECT COUNT() FROM Contact WHERE IsDeleted = true ALL ROWS]);
    }
    @IsTest static void typeForNameOfAnSObjectMakesARecord() {
      Type t = Type.forName('Account');
      SObject record = (SObject) t.newInstance();
      Assert.areEqual(Account.SObjectType, record.getSObjectType());
      Assert.areEqual('Account', t.getName());
    }
  `,
    {
      'objects/Item__c/Item__c.object-meta.xml': `${XML}<CustomObject ${NS}><label>Item</label><pluralLabel>Items</pluralLabel><nameField><label>Item Name</label><type>Text</type></nameField><deploymentStatus>Deployed</deploymentStatus><sharingModel>ReadWrite</sharingModel></CustomObject>`,
      'objects/Item__c/fields/Ext__c.field-meta.xml': `${XML}<CustomField ${NS}><fullName>Ext__c</fullName><label>Ext</label><type>Text</type><length>20</length><unique>true</unique><externalId>true</externalId></CustomField>`,
      'objects/Item__c/fields/Account__c.field-meta.xml': `${XML}<CustomField ${NS}><fullName>Account__c</fullName><label>Account</label><type>Lookup</type><referenceTo>Account</referenceTo><relationshipName>Items</relationshipName><deleteConstraint>SetNull</deleteConstraint></CustomField>`
    }
  );

  it.each([
    'upsertNamesTheExternalIdAsAToken',
    'deletingTheParentClearsACustomLookup',
    'standardChildrenAreDeletedWithTheirParent',
    'typeForNameOfAnSObjectMakesARecord'
  ])('%s', (name) => {
    expect(outcomes(r, [name])).toEqual([[name, 'PASS', undefined]]);
  });
});

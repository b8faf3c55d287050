import { join } from 'node:path';
import { loadSchema, SchemaModel } from '../../../scripts/apex-runtime/schema';
import { evaluateSosl, parseSosl, SoqlQueryError, SoqlUnsupportedError } from '../../../scripts/apex-runtime/soql';
import { MemoryHost } from './memory-host';

const FIXTURE = join(__dirname, '../../fixtures/apex-runtime/project');
let schema: SchemaModel;
beforeAll(() => {
  schema = loadSchema({ root: FIXTURE });
});

// SOQL and SOSL Reference, "SOSL Syntax"; Apex Developer Guide, "Adding SOSL Queries to Unit Tests".
describe('SOSL', () => {
  it('parses the search term, scope, RETURNING objects with their clauses, and LIMIT', () => {
    const search = parseSosl(
      "FIND 'Acme*' IN NAME FIELDS RETURNING Account(Name, Phone WHERE Type = 'Prospect' ORDER BY Name LIMIT 5), Contact LIMIT 20"
    );
    expect(search).toMatchObject({ term: { kind: 'string', value: 'Acme*' }, scope: 'NAME', limit: 20 });
    expect(search.returning.map((query) => [query.from, query.select.length, query.limit])).toEqual([
      ['Account', 2, 5],
      ['Contact', 0, undefined]
    ]);
    expect(parseSosl('FIND :keyword RETURNING account(name), contact(lastname, account.Name)').term).toMatchObject({
      kind: 'bind',
      expression: 'keyword'
    });
    expect(parseSosl('FIND {Acme} RETURNING Account').term).toMatchObject({ kind: 'string', value: 'Acme' });
    expect(() => parseSosl('FIND RETURNING Account')).toThrow(SoqlQueryError);
  });

  function searchHost(): { host: MemoryHost; acme: string; contact: string } {
    const host = new MemoryHost(schema);
    const acme = host.insert('Account', { Name: 'Acme', Type: 'Prospect' });
    host.insert('Account', { Name: 'Other' });
    const contact = host.insert('Contact', { LastName: 'Smith', AccountId: acme });
    return { host, acme, contact };
  }

  it('returns nothing in a test without fixed search results', () => {
    const { host } = searchHost();
    expect(evaluateSosl(parseSosl("FIND 'Acme' RETURNING Account(Name), Contact"), host, undefined)).toEqual([[], []]);
  });

  it('returns the fixed results per RETURNING object, with their WHERE and the selected fields', () => {
    const { host, acme, contact } = searchHost();
    const search = parseSosl(
      "FIND 'x' RETURNING Account(Name WHERE Type = 'Prospect'), Contact(LastName, Account.Name)"
    );
    const [accounts, contacts] = evaluateSosl(search, host, [acme, contact]);
    expect(accounts.map((record) => record.fields.get('Name'))).toEqual(['Acme']);
    expect(contacts.map((record) => record.fields.get('LastName'))).toEqual(['Smith']);
    expect(contacts[0].parents.get('Account')?.fields.get('Name')).toBe('Acme');
    const filtered = evaluateSosl(parseSosl("FIND 'x' RETURNING Account(Name WHERE Type = 'Customer')"), host, [acme]);
    expect(filtered).toEqual([[]]);
  });

  it('caps the total with the overall LIMIT, in RETURNING order', () => {
    const { host, acme, contact } = searchHost();
    const lists = evaluateSosl(parseSosl("FIND 'x' RETURNING Account, Contact LIMIT 1"), host, [acme, contact]);
    expect(lists.map((list) => list.length)).toEqual([1, 0]);
  });

  it('refuses WITH clauses it does not emulate', () => {
    const { host } = searchHost();
    expect(() => evaluateSosl(parseSosl("FIND 'x' RETURNING Account WITH SNIPPET"), host, [])).toThrow(
      SoqlUnsupportedError
    );
  });
});

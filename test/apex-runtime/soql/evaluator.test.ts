import { join } from 'node:path';
import { loadSchema, SchemaModel } from '../../../scripts/apex-runtime/schema';
import {
  evaluateSoql,
  parseSoql,
  QueryResult,
  SoqlQueryError,
  SoqlRecord,
  SoqlUnsupportedError
} from '../../../scripts/apex-runtime/soql';
import { MemoryHost, restrictedAccess } from './memory-host';

const FIXTURE = join(__dirname, '../../fixtures/apex-runtime/project');
let schema: SchemaModel;

beforeAll(() => {
  schema = loadSchema({ root: FIXTURE });
});

function run(host: MemoryHost, text: string, accessLevel?: 'USER_MODE' | 'SYSTEM_MODE'): QueryResult {
  return evaluateSoql(parseSoql(text), host, accessLevel ? { accessLevel } : {});
}

function records(host: MemoryHost, text: string): SoqlRecord[] {
  const result = run(host, text);
  if (result.kind !== 'records') {
    throw new Error(`expected records, got ${result.kind}`);
  }
  return result.records;
}

function names(host: MemoryHost, text: string, field = 'Name'): unknown[] {
  return records(host, text).map((record) => record.fields.get(field));
}

function world(): { host: MemoryHost; acme: string; globex: string; initech: string } {
  const host = new MemoryHost(schema);
  const acme = host.insert('Account', { Name: 'Acme', Type: 'Customer - Direct', AnnualRevenue: 500, Tier__c: 'Gold' });
  const globex = host.insert('Account', { Name: 'globex', Type: 'Prospect', AnnualRevenue: 100 });
  const initech = host.insert('Account', { Name: 'Initech', AnnualRevenue: null, ParentId: acme });
  host.insert('Contact', { LastName: 'Smith', FirstName: 'Ann', AccountId: acme, Email: 'ann@acme.test' });
  host.insert('Contact', { LastName: 'Jones', AccountId: acme });
  host.insert('Contact', { LastName: 'Brown', AccountId: globex });
  host.insert('Contact', { LastName: 'Orphan' });
  return { host, acme, globex, initech };
}

describe('SOQL evaluator: filtering (SOQL and SOSL Reference, "Comparison Operators")', () => {
  it('compares text case-insensitively and keeps insertion order without ORDER BY', () => {
    const { host } = world();
    expect(names(host, "SELECT Name FROM Account WHERE Name = 'ACME'")).toEqual(['Acme']);
    expect(names(host, "select name from ACCOUNT where name != 'acme'")).toEqual(['globex', 'Initech']);
  });

  it('treats null: = null, != null, and != keeps null values; ordering operators never match null', () => {
    const { host } = world();
    expect(names(host, 'SELECT Name FROM Account WHERE AnnualRevenue = null')).toEqual(['Initech']);
    expect(names(host, 'SELECT Name FROM Account WHERE AnnualRevenue != null')).toEqual(['Acme', 'globex']);
    expect(names(host, 'SELECT Name FROM Account WHERE AnnualRevenue != 100')).toEqual(['Acme', 'Initech']);
    expect(names(host, 'SELECT Name FROM Account WHERE AnnualRevenue < 1000')).toEqual(['Acme', 'globex']);
    expect(names(host, 'SELECT Name FROM Account WHERE AnnualRevenue >= 500')).toEqual(['Acme']);
  });

  it('matches LIKE with % and _ case-insensitively, and escaped wildcards literally', () => {
    const { host } = world();
    host.insert('Account', { Name: 'a_b' });
    host.insert('Account', { Name: 'axb' });
    expect(names(host, "SELECT Name FROM Account WHERE Name LIKE 'a%'")).toEqual(['Acme', 'a_b', 'axb']);
    expect(names(host, "SELECT Name FROM Account WHERE Name LIKE '%TECH'")).toEqual(['Initech']);
    expect(names(host, "SELECT Name FROM Account WHERE Name LIKE 'a_b'")).toEqual(['a_b', 'axb']);
    expect(names(host, "SELECT Name FROM Account WHERE Name LIKE 'a\\_b'")).toEqual(['a_b']);
  });

  it('combines AND, OR, NOT with parentheses', () => {
    const { host } = world();
    expect(names(host, "SELECT Name FROM Account WHERE NOT (Name = 'Acme' OR Name = 'globex')")).toEqual(['Initech']);
    expect(
      names(host, "SELECT Name FROM Account WHERE Type = 'Prospect' OR (AnnualRevenue > 200 AND Tier__c = 'gold')")
    ).toEqual(['Acme', 'globex']);
  });

  it('filters IN / NOT IN by literal lists and binds (List and Set)', () => {
    const { host, acme, initech } = world();
    expect(names(host, "SELECT Name FROM Account WHERE Name IN ('acme', 'Initech')")).toEqual(['Acme', 'Initech']);
    host.binds = { ids: [acme, initech], nameSet: new Set(['globex']) };
    expect(names(host, 'SELECT Name FROM Account WHERE Id IN :ids')).toEqual(['Acme', 'Initech']);
    expect(names(host, 'SELECT Name FROM Account WHERE Id NOT IN :ids')).toEqual(['globex']);
    expect(names(host, 'SELECT Name FROM Account WHERE Name IN :nameSet')).toEqual(['globex']);
  });

  it('compares Ids by their 15-character form', () => {
    const { host, acme } = world();
    host.binds = { shortId: acme.slice(0, 15) };
    expect(names(host, 'SELECT Name FROM Account WHERE Id = :shortId')).toEqual(['Acme']);
  });

  it('filters by semi-join and anti-join sub-selects', () => {
    const { host } = world();
    expect(names(host, 'SELECT Name FROM Account WHERE Id IN (SELECT AccountId FROM Contact)')).toEqual([
      'Acme',
      'globex'
    ]);
    expect(
      names(host, "SELECT Name FROM Account WHERE Id NOT IN (SELECT AccountId FROM Contact WHERE LastName = 'Brown')")
    ).toEqual(['Acme', 'Initech']);
  });

  it('filters through parent paths and null parents', () => {
    const { host } = world();
    expect(names(host, "SELECT LastName FROM Contact WHERE Account.Name = 'Acme'", 'LastName')).toEqual([
      'Smith',
      'Jones'
    ]);
    expect(names(host, 'SELECT LastName FROM Contact WHERE Account.Name = null', 'LastName')).toEqual(['Orphan']);
    expect(names(host, "SELECT Name FROM Account WHERE Parent.Tier__c = 'Gold'")).toEqual(['Initech']);
  });

  it('matches INCLUDES and EXCLUDES on multi-select picklists (";" means all of)', () => {
    const host = new MemoryHost(schema);
    host.insert('Invoice__c', { Amount__c: 1, Reference__c: 'A', Tags__c: 'Urgent;Export' });
    host.insert('Invoice__c', { Amount__c: 2, Reference__c: 'B', Tags__c: 'Manual' });
    host.insert('Invoice__c', { Amount__c: 3, Reference__c: 'C' });
    const refs = (where: string): unknown[] =>
      names(host, `SELECT Reference__c FROM Invoice__c WHERE ${where}`, 'Reference__c');
    expect(refs("Tags__c INCLUDES ('urgent')")).toEqual(['A']);
    expect(refs("Tags__c INCLUDES ('Urgent;Manual', 'Manual')")).toEqual(['B']);
    expect(refs("Tags__c INCLUDES ('Export;Urgent')")).toEqual(['A']);
    expect(refs("Tags__c EXCLUDES ('Urgent')")).toEqual(['B', 'C']);
    expect(() => refs("Reference__c INCLUDES ('A')")).toThrow(SoqlQueryError);
  });

  it('excludes deleted rows unless ALL ROWS', () => {
    const host = new MemoryHost(schema);
    host.insert('Account', { Name: 'Live' });
    host.insert('Account', { Name: 'Gone' }, true);
    expect(names(host, 'SELECT Name FROM Account')).toEqual(['Live']);
    expect(names(host, 'SELECT Name FROM Account ALL ROWS')).toEqual(['Live', 'Gone']);
  });
});

describe('SOQL evaluator: date literals relative to the host clock (SOQL and SOSL Reference, "Date Formats and Date Literals")', () => {
  // The clock: Wednesday 2026-03-18 15:30 GMT.
  function dated(): MemoryHost {
    const host = new MemoryHost(schema);
    for (const [name, date] of [
      ['yesterday', '2026-03-17'],
      ['today', '2026-03-18'],
      ['tomorrow', '2026-03-19'],
      ['sunday', '2026-03-15'],
      ['lastMonth', '2026-02-28'],
      ['tenDaysAgo', '2026-03-08'],
      ['nextYear', '2027-01-01']
    ]) {
      host.insert('Opportunity', { Name: name, CloseDate: date, StageName: 'Prospecting' });
    }
    return host;
  }

  it.each([
    ['TODAY', ['today']],
    ['YESTERDAY', ['yesterday']],
    ['TOMORROW', ['tomorrow']],
    ['THIS_WEEK', ['yesterday', 'today', 'tomorrow', 'sunday']],
    ['LAST_MONTH', ['lastMonth']],
    ['THIS_MONTH', ['yesterday', 'today', 'tomorrow', 'sunday', 'tenDaysAgo']],
    ['LAST_N_DAYS:3', ['yesterday', 'today', 'sunday']],
    ['NEXT_N_DAYS:1', ['tomorrow']],
    ['N_DAYS_AGO:10', ['tenDaysAgo']],
    ['NEXT_YEAR', ['nextYear']],
    ['THIS_QUARTER', ['yesterday', 'today', 'tomorrow', 'sunday', 'lastMonth', 'tenDaysAgo']]
  ])('CloseDate = %s', (literal, expected) => {
    expect(names(dated(), `SELECT Name FROM Opportunity WHERE CloseDate = ${literal}`)).toEqual(expected);
  });

  it('orders against a literal range: < before its start, > after its end', () => {
    expect(names(dated(), 'SELECT Name FROM Opportunity WHERE CloseDate < THIS_WEEK')).toEqual([
      'lastMonth',
      'tenDaysAgo'
    ]);
    expect(names(dated(), 'SELECT Name FROM Opportunity WHERE CloseDate > THIS_MONTH')).toEqual(['nextYear']);
    expect(names(dated(), 'SELECT Name FROM Opportunity WHERE CloseDate <= TODAY AND CloseDate >= YESTERDAY')).toEqual([
      'yesterday',
      'today'
    ]);
  });

  it("applies a datetime field's range in the user's time zone", () => {
    const host = new MemoryHost(schema);
    host.now = new Date('2026-03-18T02:00:00Z');
    host.timeZone = 'America/Los_Angeles'; // still 2026-03-17 there (UTC-7 in March)
    host.insert('Account', { Name: 'early', CreatedDate: '2026-03-17T08:00:00.000Z' });
    host.insert('Account', { Name: 'late', CreatedDate: '2026-03-18T06:59:00.000Z' });
    host.insert('Account', { Name: 'next day', CreatedDate: '2026-03-18T07:00:00.000Z' });
    expect(names(host, 'SELECT Name FROM Account WHERE CreatedDate = TODAY')).toEqual(['early', 'late']);
  });

  it('compares date and datetime literals', () => {
    expect(names(dated(), 'SELECT Name FROM Opportunity WHERE CloseDate > 2026-03-18')).toEqual([
      'tomorrow',
      'nextYear'
    ]);
    const host = new MemoryHost(schema);
    host.insert('Account', { Name: 'x', CreatedDate: '2026-03-18T10:00:00.000Z' });
    expect(names(host, 'SELECT Name FROM Account WHERE CreatedDate > 2026-03-18T11:00:00+02:00')).toEqual(['x']);
  });

  it('rejects an unknown date literal and a date literal on a non-date field', () => {
    expect(() => run(dated(), 'SELECT Name FROM Opportunity WHERE CloseDate = SOMEDAY')).toThrow(
      "unexpected token: 'SOMEDAY'"
    );
    expect(() => run(dated(), 'SELECT Name FROM Opportunity WHERE Name = TODAY')).toThrow(SoqlQueryError);
  });
});

describe('SOQL evaluator: ORDER BY, LIMIT, OFFSET (SOQL and SOSL Reference, "ORDER BY")', () => {
  it('sorts case-insensitively, nulls first ascending and last descending unless NULLS says otherwise', () => {
    const { host } = world();
    expect(names(host, 'SELECT Name FROM Account ORDER BY Name')).toEqual(['Acme', 'globex', 'Initech']);
    expect(names(host, 'SELECT Name FROM Account ORDER BY AnnualRevenue')).toEqual(['Initech', 'globex', 'Acme']);
    expect(names(host, 'SELECT Name FROM Account ORDER BY AnnualRevenue DESC')).toEqual(['Acme', 'globex', 'Initech']);
    expect(names(host, 'SELECT Name FROM Account ORDER BY AnnualRevenue NULLS LAST')).toEqual([
      'globex',
      'Acme',
      'Initech'
    ]);
    expect(names(host, 'SELECT Name FROM Account ORDER BY AnnualRevenue DESC NULLS FIRST')).toEqual([
      'Initech',
      'Acme',
      'globex'
    ]);
  });

  it('sorts by several keys and by parent paths', () => {
    const { host } = world();
    expect(
      names(host, 'SELECT LastName FROM Contact ORDER BY Account.Name DESC NULLS LAST, LastName', 'LastName')
    ).toEqual(['Brown', 'Jones', 'Smith', 'Orphan']);
  });

  it('applies OFFSET then LIMIT, also from binds', () => {
    const { host } = world();
    expect(names(host, 'SELECT Name FROM Account ORDER BY Name LIMIT 2')).toEqual(['Acme', 'globex']);
    expect(names(host, 'SELECT Name FROM Account ORDER BY Name LIMIT 1 OFFSET 1')).toEqual(['globex']);
    host.binds = { size: 1 };
    expect(names(host, 'SELECT Name FROM Account ORDER BY Name LIMIT :size')).toEqual(['Acme']);
  });
});

describe('SOQL evaluator: selection', () => {
  it('returns only the selected fields plus Id, under canonical names', () => {
    const { host, acme } = world();
    const [record] = records(host, "SELECT name, TYPE FROM Account WHERE Name = 'Acme'");
    expect([...record.fields.keys()]).toEqual(['Id', 'Name', 'Type']);
    expect(record.fields.get('Id')).toBe(acme);
    expect(record.object).toBe('Account');
  });

  it('returns parent records for parent paths, null when the reference is unset', () => {
    const { host } = world();
    const result = records(host, 'SELECT LastName, Account.Name, Account.Parent.Name FROM Contact ORDER BY LastName');
    const byName = new Map(result.map((record) => [record.fields.get('LastName'), record]));
    const smith = byName.get('Smith') as SoqlRecord;
    const account = smith.parents.get('Account') as SoqlRecord;
    // each level on a path carries the foreign key of the next step (Account.Parent.Name brings Account.ParentId)
    expect([...account.fields.entries()]).toEqual([
      ['Id', expect.any(String)],
      ['Name', 'Acme'],
      ['ParentId', null]
    ]);
    expect(account.parents.get('Parent')).toBeNull();
    expect(byName.get('Orphan')?.parents.get('Account')).toBeNull();
    expect(smith.fields.get('AccountId')).toBe(account.fields.get('Id'));
    expect(byName.get('Orphan')?.fields.get('AccountId')).toBeNull();
  });

  it('returns sub-query children with their own filter, order and limit, and counts their rows', () => {
    const { host } = world();
    const result = run(
      host,
      "SELECT Name, (SELECT LastName FROM Contacts WHERE LastName != 'Brown' ORDER BY LastName LIMIT 5) FROM Account ORDER BY Name"
    );
    expect(result.kind).toBe('records');
    if (result.kind !== 'records') {
      return;
    }
    expect(
      result.records.map((record) => [
        record.fields.get('Name'),
        record.children.get('Contacts')?.map((child) => child.fields.get('LastName'))
      ])
    ).toEqual([
      ['Acme', ['Jones', 'Smith']],
      ['globex', []],
      ['Initech', []]
    ]);
    expect(result.rowCount).toBe(5);
    const [prefixed] = records(
      host,
      "SELECT Name, (SELECT LastName FROM Account.Contacts) FROM Account WHERE Name = 'Acme'"
    );
    expect(prefixed.children.get('Contacts')).toHaveLength(2);
    const [aliased] = records(
      host,
      "SELECT Name, (SELECT LastName FROM a.Contacts) FROM Account a WHERE a.Name = 'Acme'"
    );
    expect(aliased.children.get('Contacts')).toHaveLength(2);
  });

  it("reads the project's child relationships (__r) and parent paths", () => {
    const host = new MemoryHost(schema);
    const account = host.insert('Account', { Name: 'Acme' });
    const invoice = host.insert('Invoice__c', { Amount__c: 10, Account__c: account, Reference__c: 'I-1' });
    host.insert('InvoiceLine__c', { Name: 'L1', Invoice__c: invoice });
    const [record] = records(host, 'SELECT Reference__c, Account__r.Name, (SELECT Name FROM Lines__r) FROM Invoice__c');
    expect((record.parents.get('Account__r') as SoqlRecord).fields.get('Name')).toBe('Acme');
    expect(record.children.get('Lines__r')?.map((line) => line.fields.get('Name'))).toEqual(['L1']);
    const [withInvoices] = records(host, 'SELECT Name, (SELECT Reference__c FROM Invoices__r) FROM Account');
    expect(withInvoices.children.get('Invoices__r')).toHaveLength(1);
  });

  it('follows polymorphic parents by the actual parent object, with TYPEOF', () => {
    const { host, acme } = world();
    const user = host.insert('User', { LastName: 'Owner', Username: 'o@x.test' });
    host.insert('Task', { Subject: 'Call', WhatId: acme, OwnerId: user });
    const [task] = records(
      host,
      'SELECT Subject, What.Name, Owner.Name, TYPEOF What WHEN Account THEN Type ELSE Name END FROM Task'
    );
    expect((task.parents.get('Owner') as SoqlRecord).object).toBe('User');
    const what = task.parents.get('What') as SoqlRecord;
    expect(what.object).toBe('Account');
    expect(what.fields.get('Type')).toBe('Customer - Direct');
    // On a polymorphic path, Type is the parent's object (the `Name` object's Type).
    const [typed] = records(host, 'SELECT What.Type, What.Name FROM Task');
    expect(Object.fromEntries((typed.parents.get('What') as SoqlRecord).fields)).toMatchObject({
      Type: 'Account',
      Name: 'Acme'
    });
    expect(names(host, "SELECT Subject FROM Task WHERE What.Type = 'Account'", 'Subject')).toEqual(['Call']);
  });

  it('expands FIELDS(STANDARD), refuses the unbounded FIELDS(ALL) and FIELDS(CUSTOM), maps toLabel to labels', () => {
    const host = new MemoryHost(schema);
    host.insert('Invoice__c', { Amount__c: 5, Status__c: 'Sent', Reference__c: 'X' });
    const [record] = records(host, 'SELECT FIELDS(STANDARD) FROM Invoice__c');
    expect(record.fields.has('CreatedDate')).toBe(true);
    expect(record.fields.has('Amount__c')).toBe(false);
    // Apex runs SOQL through an API without unbounded field sets: the platform answers "The SOQL FIELDS function is
    // not supported with an unbounded set of fields in this API." (also with LIMIT 200; the REST API allows that)
    for (const which of ['ALL', 'CUSTOM'])
      expect(() => run(host, `SELECT FIELDS(${which}) FROM Invoice__c LIMIT 200`)).toThrow(
        'The SOQL FIELDS function is not supported with an unbounded set of fields in this API.'
      );
    const [labelled] = records(host, 'SELECT toLabel(Status__c) FROM Invoice__c');
    expect(labelled.fields.get('Status__c')).toBe('Sent to customer');
  });

  it('marks FOR UPDATE results', () => {
    const { host } = world();
    const result = run(host, 'SELECT Id FROM Account LIMIT 1 FOR UPDATE');
    expect(result.kind === 'records' && result.forUpdate).toBe(true);
  });
});

describe('SOQL evaluator: aggregates (SOQL and SOSL Reference, "Aggregate Functions", "GROUP BY")', () => {
  it('returns COUNT() as a number, capped by LIMIT', () => {
    const { host } = world();
    expect(run(host, 'SELECT COUNT() FROM Contact')).toEqual({ kind: 'count', count: 4, rowCount: 4 });
    expect(run(host, "SELECT COUNT() FROM Contact WHERE Account.Name = 'Acme'")).toMatchObject({ count: 2 });
    expect(run(host, 'SELECT COUNT() FROM Contact LIMIT 1')).toMatchObject({ count: 1 });
  });

  it('aggregates without GROUP BY into one row with expr0... names', () => {
    const { host } = world();
    const result = run(
      host,
      'SELECT COUNT(Id), COUNT(AnnualRevenue), SUM(AnnualRevenue), AVG(AnnualRevenue) average, MIN(Name), MAX(AnnualRevenue) FROM Account'
    );
    expect(result.kind).toBe('aggregate');
    if (result.kind !== 'aggregate') {
      return;
    }
    expect(Object.fromEntries(result.rows[0].values)).toEqual({
      expr0: 3,
      expr1: 2,
      expr2: 600,
      average: 300,
      expr3: 'Acme',
      expr4: 500
    });
    expect(result.rowCount).toBe(3);
  });

  it('returns one row with COUNT 0 and SUM null over no rows', () => {
    const host = new MemoryHost(schema);
    const result = run(host, 'SELECT COUNT(Id), SUM(AnnualRevenue) FROM Account');
    expect(result.kind === 'aggregate' && Object.fromEntries(result.rows[0].values)).toEqual({ expr0: 0, expr1: null });
  });

  it('groups, filters groups with HAVING and sorts by aggregates', () => {
    const { host } = world();
    const result = run(
      host,
      'SELECT AccountId, COUNT(Id) total FROM Contact GROUP BY AccountId HAVING COUNT(Id) > 0 ORDER BY COUNT(Id) DESC, AccountId'
    );
    expect(result.kind).toBe('aggregate');
    if (result.kind !== 'aggregate') {
      return;
    }
    expect(result.rows.map((row) => row.values.get('total'))).toEqual([2, 1, 1]);
    expect(result.rowCount).toBe(3);
    const having = run(host, 'SELECT AccountId, COUNT(Id) FROM Contact GROUP BY AccountId HAVING COUNT(Id) > 1');
    expect(having.kind === 'aggregate' && having.rows).toHaveLength(1);
  });

  it('groups by date functions', () => {
    const host = new MemoryHost(schema);
    host.insert('Opportunity', { Name: 'a', CloseDate: '2025-05-01', StageName: 'x', Amount: 10 });
    host.insert('Opportunity', { Name: 'b', CloseDate: '2026-01-02', StageName: 'x', Amount: 5 });
    host.insert('Opportunity', { Name: 'c', CloseDate: '2026-07-03', StageName: 'x', Amount: 1 });
    const result = run(
      host,
      'SELECT CALENDAR_YEAR(CloseDate) year, SUM(Amount) FROM Opportunity GROUP BY CALENDAR_YEAR(CloseDate) ORDER BY CALENDAR_YEAR(CloseDate)'
    );
    expect(result.kind === 'aggregate' && result.rows.map((row) => Object.fromEntries(row.values))).toEqual([
      { year: 2025, expr0: 10 },
      { year: 2026, expr0: 6 }
    ]);
    expect(names(host, 'SELECT Name FROM Opportunity WHERE CALENDAR_MONTH(CloseDate) = 1')).toEqual(['b']);
  });

  it("applies date functions to datetimes in the user's time zone, from ISO or Apex text", () => {
    const host = new MemoryHost(schema);
    host.timeZone = 'Europe/Berlin';
    host.insert('Account', { Name: 'late', CreatedDate: '2026-03-18T23:30:00.000Z' });
    host.insert('Account', { Name: 'noon', CreatedDate: '2026-03-18T11:00:00.000Z' });
    expect(names(host, 'SELECT Name FROM Account WHERE HOUR_IN_DAY(CreatedDate) = 0')).toEqual(['late']);
    expect(names(host, 'SELECT Name FROM Account WHERE DAY_IN_MONTH(CreatedDate) = 19')).toEqual(['late']);
    host.text = (value: unknown): string =>
      String(value)
        .replace('T', ' ')
        .replace(/\.\d+Z$/, '');
    const result = run(
      host,
      'SELECT DAY_ONLY(CreatedDate) day, COUNT(Id) FROM Account GROUP BY DAY_ONLY(CreatedDate) ORDER BY DAY_ONLY(CreatedDate)'
    );
    expect(result.kind === 'aggregate' && result.rows.map((row) => Object.fromEntries(row.values))).toEqual([
      { day: '2026-03-18', expr0: 1 },
      { day: '2026-03-19', expr0: 1 }
    ]);
  });

  it('refuses SUM on text and unsupported grouping forms', () => {
    const { host } = world();
    expect(() => run(host, 'SELECT SUM(Name) FROM Account')).toThrow(SoqlQueryError);
    expect(() => run(host, 'SELECT Type, COUNT(Id) FROM Account GROUP BY ROLLUP(Type)')).toThrow(
      new SoqlUnsupportedError('GROUP BY ROLLUP')
    );
  });
});

describe('SOQL evaluator: schema errors in the platform wording', () => {
  const host = (): MemoryHost => world().host;

  it('rejects an unknown object', () => {
    expect(() => run(host(), 'SELECT Id FROM Nope__c')).toThrow(
      "sObject type 'Nope__c' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names."
    );
  });

  it('rejects an unknown column even when the table is empty', () => {
    const empty = new MemoryHost(schema);
    expect(() => run(empty, 'SELECT Nope__c FROM Account')).toThrow(
      "No such column 'Nope__c' on entity 'Account'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names."
    );
    expect(() => run(empty, "SELECT Id FROM Account WHERE Nope = 'x'")).toThrow(
      "No such column 'Nope' on entity 'Account'"
    );
  });

  it('rejects an unknown relationship in a path and in a sub-query', () => {
    expect(() => run(host(), 'SELECT Nope__r.Name FROM Contact')).toThrow(
      "Didn't understand relationship 'Nope__r' in field path. If you are attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names."
    );
    expect(() => run(host(), 'SELECT Id, (SELECT Id FROM Nopes) FROM Account')).toThrow(
      "Didn't understand relationship 'Nopes' in FROM part of query call."
    );
  });

  it('refuses what it does not evaluate with a clear unsupported error', () => {
    expect(() => run(host(), 'SELECT Id FROM Account USING SCOPE Mine')).toThrow(
      'unsupported SOQL construct USING SCOPE Mine'
    );
    expect(() => run(host(), 'SELECT FORMAT(AnnualRevenue) FROM Account')).toThrow(SoqlUnsupportedError);
  });
});

describe('SOQL evaluator: user mode and SECURITY_ENFORCED (Apex Developer Guide, "Enforce User Mode for Database Operations")', () => {
  function limited(): MemoryHost {
    const { host } = world();
    host.access = restrictedAccess(
      (object) => ({
        read: object !== 'Opportunity',
        create: false,
        edit: false,
        delete: false,
        viewAll: false,
        modifyAll: false
      }),
      (object, field) => ({ read: !(object === 'Account' && field === 'AnnualRevenue'), edit: false })
    );
    return host;
  }

  it('ignores access in system mode', () => {
    expect(names(limited(), 'SELECT Name, AnnualRevenue FROM Account ORDER BY Name')).toEqual([
      'Acme',
      'globex',
      'Initech'
    ]);
    expect(names(limited(), 'SELECT Name FROM Opportunity')).toEqual([]);
  });

  it('fails on an unreadable field with WITH USER_MODE or AccessLevel.USER_MODE, naming the fields', () => {
    for (const [text, level] of [
      ['SELECT Name, AnnualRevenue FROM Account WITH USER_MODE', undefined],
      ['SELECT Name FROM Account WHERE AnnualRevenue > 1', 'USER_MODE']
    ] as const) {
      let error: unknown;
      try {
        run(limited(), text, level);
      } catch (cause) {
        error = cause;
      }
      expect(error).toBeInstanceOf(SoqlQueryError);
      expect((error as SoqlQueryError).inaccessibleFields).toEqual(new Map([['Account', new Set(['AnnualRevenue'])]]));
    }
    expect(names(limited(), 'SELECT Name FROM Account WITH USER_MODE ORDER BY Name')).toEqual([
      'Acme',
      'globex',
      'Initech'
    ]);
  });

  it('fails on an unreadable object in user mode', () => {
    expect(() => run(limited(), 'SELECT Name FROM Opportunity WITH USER_MODE')).toThrow(
      "sObject type 'Opportunity' is not supported."
    );
    expect(() => run(limited(), 'SELECT Name, (SELECT Name FROM Opportunities) FROM Account', 'USER_MODE')).toThrow(
      SoqlQueryError
    );
  });

  it('fails with the SECURITY_ENFORCED message', () => {
    expect(() => run(limited(), 'SELECT AnnualRevenue FROM Account WITH SECURITY_ENFORCED')).toThrow(
      'Insufficient permissions: secure query included inaccessible field'
    );
  });

  it('does not check fields without field-level security (Id, Name, required fields)', () => {
    const host = limited();
    host.access = restrictedAccess(
      () => ({ read: true, create: false, edit: false, delete: false, viewAll: false, modifyAll: false }),
      () => ({ read: false, edit: false })
    );
    expect(names(host, "SELECT Id, Name FROM Account WHERE Name = 'Acme' WITH USER_MODE")).toEqual(['Acme']);
  });
});

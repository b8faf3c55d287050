import { parseSoql, SoqlQueryError } from '../../../scripts/apex-runtime/soql';

// Grammar: Salesforce SOQL and SOSL Reference, "SOQL SELECT Syntax"; binds: Apex Developer Guide, "Using Apex
// Variables in SOQL and SOSL Queries".
describe('SOQL parser', () => {
  it('reads fields, paths, object, alias and is case-insensitive for keywords', () => {
    const query = parseSoql('select Id, Account.Owner.Name, c.Email from Contact c where c.LastName != null');
    expect(query.from).toBe('Contact');
    expect(query.alias).toBe('c');
    expect(query.select).toEqual([
      { kind: 'field', field: { kind: 'field', path: ['Id'], offset: 7 } },
      { kind: 'field', field: { kind: 'field', path: ['Account', 'Owner', 'Name'], offset: 11 } },
      { kind: 'field', field: { kind: 'field', path: ['c', 'Email'], offset: 31 } }
    ]);
    expect(query.where).toMatchObject({ kind: 'compare', operator: '!=', right: { kind: 'null' } });
  });

  it('reads binds with member access, calls, indexes and collection literals, in text order', () => {
    const query = parseSoql(
      "SELECT Id FROM Account WHERE Id IN :ids AND Name = :acc.Name AND OwnerId = :owners.get('x').Id " +
        'AND Type IN :new Set<String>{ a, b } LIMIT :pageSize OFFSET :start'
    );
    expect(query.binds.map((bind) => bind.expression)).toEqual([
      'ids',
      'acc.Name',
      "owners.get('x').Id",
      'new Set<String>{ a, b }',
      'pageSize',
      'start'
    ]);
    expect(query.limit).toMatchObject({ kind: 'bind', expression: 'pageSize' });
  });

  it('reads a bind followed directly by a closing parenthesis or comma', () => {
    const query = parseSoql('SELECT Id FROM Account WHERE (Name = :name) AND Id IN (:first,:second)');
    expect(query.binds.map((bind) => bind.expression)).toEqual(['name', 'first', 'second']);
  });

  it('reads literals: strings with escapes, numbers, booleans, dates, datetimes, date literals', () => {
    const query = parseSoql(
      "SELECT Id FROM Opportunity WHERE Name = 'O\\'Brien\\n' AND Amount > -1.5 AND IsWon = TRUE AND " +
        'CloseDate >= 2024-01-31 AND CreatedDate < 2024-02-01T10:00:00.000+02:00 AND CloseDate = LAST_N_DAYS:30 ' +
        'AND LastModifiedDate = today'
    );
    const values = (query.where as { operands: { right: unknown }[] }).operands.map((operand) => operand.right);
    expect(values).toEqual([
      { kind: 'string', value: "O'Brien\n", offset: expect.any(Number) },
      { kind: 'number', text: '-1.5', offset: expect.any(Number) },
      { kind: 'boolean', value: true, offset: expect.any(Number) },
      { kind: 'date', text: '2024-01-31', offset: expect.any(Number) },
      { kind: 'datetime', text: '2024-02-01T10:00:00.000+02:00', offset: expect.any(Number) },
      { kind: 'dateLiteral', name: 'LAST_N_DAYS', n: 30, offset: expect.any(Number) },
      { kind: 'dateLiteral', name: 'TODAY', offset: expect.any(Number) }
    ]);
  });

  it('keeps LIKE escapes for the evaluator', () => {
    const query = parseSoql("SELECT Id FROM Account WHERE Name LIKE 'a\\_b%'");
    expect(query.where).toMatchObject({ operator: 'LIKE', right: { value: 'a\\_b%' } });
  });

  it('reads AND/OR/NOT with parentheses', () => {
    const query = parseSoql("SELECT Id FROM Account WHERE NOT (Name = 'a' OR Name = 'b') AND Type = 'c'");
    expect(query.where).toMatchObject({
      kind: 'and',
      operands: [{ kind: 'not', operand: { kind: 'or' } }, { kind: 'compare' }]
    });
  });

  it('reads IN lists, NOT IN semi-joins, INCLUDES and EXCLUDES', () => {
    const query = parseSoql(
      "SELECT Id FROM Account WHERE Type IN ('a', 'b') AND Id NOT IN (SELECT AccountId FROM Contact WHERE Email = null) " +
        "AND Tags__c INCLUDES ('x;y', 'z') AND Tags__c EXCLUDES ('w')"
    );
    expect(query.where).toMatchObject({
      operands: [
        { kind: 'in', negated: false, right: [{ value: 'a' }, { value: 'b' }] },
        { kind: 'in', negated: true, right: { kind: 'query', from: 'Contact' } },
        { kind: 'includes', excludes: false },
        { kind: 'includes', excludes: true }
      ]
    });
  });

  it('reads sub-queries, TYPEOF, FIELDS() and functions with aliases', () => {
    const query = parseSoql(
      'SELECT Name, (SELECT LastName FROM Contacts ORDER BY LastName LIMIT 5), TYPEOF What WHEN Account THEN Phone ' +
        'ELSE Name END, FIELDS(STANDARD), toLabel(Type) typeLabel, COUNT(Id) total FROM Account'
    );
    expect(query.select.map((item) => item.kind)).toEqual([
      'field',
      'subquery',
      'typeof',
      'fields',
      'function',
      'function'
    ]);
    expect(query.select[1]).toMatchObject({ query: { from: 'Contacts', limit: 5, orderBy: [{ descending: false }] } });
    expect(query.select[4]).toMatchObject({ alias: 'typeLabel', call: { name: 'TOLABEL' } });
    expect(query.select[5]).toMatchObject({ alias: 'total', call: { name: 'COUNT', argument: { path: ['Id'] } } });
  });

  it('reads GROUP BY, HAVING, ORDER BY with NULLS, LIMIT, OFFSET and trailing clauses', () => {
    const query = parseSoql(
      'SELECT StageName, SUM(Amount) FROM Opportunity WITH USER_MODE GROUP BY StageName HAVING SUM(Amount) > 100 ' +
        'ORDER BY StageName DESC NULLS LAST, SUM(Amount) LIMIT 10 OFFSET 5 FOR UPDATE'
    );
    expect(query).toMatchObject({
      securityMode: 'USER_MODE',
      groupBy: [{ path: ['StageName'] }],
      having: { kind: 'compare', left: { name: 'SUM' } },
      orderBy: [{ descending: true, nulls: 'LAST' }, { descending: false }],
      limit: 10,
      offsetRows: 5,
      forClauses: ['UPDATE']
    });
    expect(parseSoql('SELECT Id FROM Account ALL ROWS').allRows).toBe(true);
    expect(parseSoql('SELECT Id FROM Account FOR VIEW, REFERENCE').forClauses).toEqual(['VIEW', 'REFERENCE']);
    expect(parseSoql('SELECT Id FROM Account UPDATE TRACKING').updateClause).toBe('TRACKING');
  });

  it('keeps unsupported WITH and GROUP BY forms for the evaluator to refuse', () => {
    expect(parseSoql('SELECT Id FROM Article WITH DATA CATEGORY Geography__c AT usa__c').withOther).toBe(
      'DATA CATEGORY Geography__c AT usa__c'
    );
    expect(parseSoql('SELECT Type, COUNT(Id) FROM Account GROUP BY ROLLUP(Type)').groupByKind).toBe('ROLLUP');
  });

  it.each([
    ['SELECT FROM Account', "unexpected token: 'FROM'"],
    ['SELECT Id Account', "unexpected token: '<EOF>'"],
    ['SELECT Id FROM Account WHERE', "unexpected token: '<EOF>'"],
    ['SELECT Id FROM Account WHERE Name', "unexpected token: '<EOF>'"],
    ['SELECT Id FROM Account LIMIT x', "unexpected token: 'x'"],
    ["SELECT Id FROM Account WHERE Name = 'open", "line 1:36 mismatched character '<EOF>' expecting '''"]
  ])('rejects %s with the platform wording', (text, message) => {
    expect(() => parseSoql(text)).toThrow(new SoqlQueryError(message));
  });
});

/**
 * Test data helpers of the Test class (Apex Reference, "Test Class"): loadData inserts the records of a CSV static
 * resource, setCreatedDate back-dates a record created in the test.
 */
import { to18 } from '../interpreter/semantics';
import {
  ApexBlob,
  ApexDate,
  ApexDatetime,
  ApexDecimal,
  ApexList,
  SObjectValue,
  type Value
} from '../interpreter/values';
import type { FieldDescribe } from '../schema';
import type { NativeObject } from './native';
import type { Platform } from './platform';

/** RFC 4180 rows: quoted values may hold commas, doubled quotes and line breaks; CRLF or LF ends a row. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let value = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        value += '"';
        i++;
      } else if (c === '"') quoted = false;
      else value += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(value);
      value = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(value);
      rows.push(row);
      row = [];
      value = '';
    } else value += c;
  }
  if (value !== '' || row.length > 0) {
    row.push(value);
    rows.push(row);
  }
  return rows.filter((r) => r.some((v) => v !== ''));
}

/** A CSV value as the field's Apex type; undefined when the runtime cannot read it as that type. */
function fieldValue(field: FieldDescribe, text: string): Value | undefined {
  switch (field.apexType) {
    case 'Boolean':
      return /^(true|1)$/i.test(text) ? true : /^(false|0)$/i.test(text) ? false : undefined;
    case 'Integer':
    case 'Long':
      return /^-?\d+$/.test(text) ? Number(text) : undefined;
    case 'Decimal':
    case 'Double':
      return /^-?\d+(\.\d+)?$/.test(text) ? ApexDecimal.parse(text) : undefined;
    case 'Date': {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      return m ? new ApexDate(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
    }
    case 'Datetime': {
      const ms = Date.parse(/[zZ]|[+-]\d{2}:?\d{2}$/.test(text) ? text : `${text}Z`);
      return Number.isNaN(ms) ? undefined : new ApexDatetime(ms);
    }
    case 'Id':
    case 'String':
      return text;
  }
  return undefined;
}

/**
 * Test.loadData(sObjectType, resourceName): the first CSV row names the fields, each other row is a record; an Id
 * column names each row so that a later file's reference fields can point at it (the platform maps those Ids to the
 * inserted records). The records are inserted in one DML statement and returned.
 */
export function loadData(platform: Platform, typeToken: Value, resourceName: Value, line: number): Value {
  const object = platform.schema.object(String((typeToken as NativeObject | null)?.data?.name ?? ''));
  if (!object) throw platform.interp.unsupported('Test.loadData of an unknown object', line);
  const resource = platform.db
    .rows('StaticResource')
    .find((r) => String(r.fields.get('name') ?? '').toLowerCase() === String(resourceName).toLowerCase());
  const body = resource?.fields.get('body');
  if (!(body instanceof ApexBlob))
    throw platform.interp.unsupported(`Test.loadData of a static resource the project lacks (${resourceName})`, line);
  const [header, ...rows] = parseCsv(body.bytes.toString('utf8'));
  const csvIds: (string | null)[] = [];
  const records = rows.map((values) => {
    const record = new SObjectValue(object.describe.name);
    header.forEach((column, i) => {
      const text = values[i] ?? '';
      if (column.trim().toLowerCase() === 'id') {
        csvIds.push(text ? to18(text) : null);
        return;
      }
      if (text === '') return;
      const field = platform.schema.field(object.describe.name, column.trim());
      if (!field) throw platform.interp.unsupported(`Test.loadData column ${column} of ${object.describe.name}`, line);
      const mapped = field.type === 'REFERENCE' ? platform.loadedDataIds.get(to18(text)) : undefined;
      const value = mapped ?? fieldValue(field, text);
      if (value === undefined)
        throw platform.interp.unsupported(`Test.loadData value '${text}' of ${field.name} (${field.type})`, line);
      platform.putField(record, field.name, value, line);
    });
    return record;
  });
  platform.dml('insert', new ApexList({ n: object.describe.name }, records), true, line);
  records.forEach((record, i) => {
    const csvId = csvIds[i];
    if (csvId) platform.loadedDataIds.set(csvId, record.get('Id') as string);
  });
  return new ApexList({ n: object.describe.name }, records);
}

/** Test.setCreatedDate(recordId, createdDatetime): the record's CreatedDate becomes the given instant. */
export function setCreatedDate(platform: Platform, recordId: Value, when: Value, line: number): null {
  const row = typeof recordId === 'string' ? platform.db.byId(recordId) : undefined;
  if (!row || row.deleted)
    throw platform.interp.unsupported('Test.setCreatedDate of a record this test did not create', line);
  platform.db.touch(row);
  row.fields.set('createddate', when);
  return null;
}

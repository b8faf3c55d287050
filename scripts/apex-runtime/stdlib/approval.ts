/**
 * Approval record locks (Apex Reference, "Approval Class"): lock, unlock and isLocked by Id, SObject or a list of
 * either. "Record locks and unlocks are treated as DML": each call is one DML statement with one row per record, and a
 * lock is rolled back with the transaction, so the lock state lives on the database row (snapshots and the statement
 * journal copy it). Approval processes themselves (`Approval.process`) are not emulated.
 */
import { ApexList, ApexMap, SObjectValue, type Value } from '../interpreter/values';
import type { Platform } from './platform';
import { NativeObject } from './native';

function idOf(platform: Platform, target: Value, line: number): string {
  const id = target instanceof SObjectValue ? target.get('Id') : target;
  if (typeof id !== 'string') throw platform.interp.unsupported('Approval lock of a record without an Id', line);
  return id;
}

function targets(platform: Platform, arg: Value, line: number): { ids: string[]; single: boolean } {
  if (arg instanceof ApexList) return { ids: arg.items.map((x) => idOf(platform, x, line)), single: false };
  return { ids: [idOf(platform, arg, line)], single: true };
}

function setLocks(platform: Platform, method: 'lock' | 'unlock', args: Value[], line: number): Value {
  const { ids, single } = targets(platform, args[0], line);
  platform.countDml(ids.length, line);
  const rows = ids.map((id) => {
    const row = platform.db.byId(id);
    // the platform's error for a record that does not exist is not documented: report it instead of guessing
    if (!row || row.deleted)
      throw platform.interp.unsupported(`Approval.${method} of a record that does not exist (${id})`, line);
    return row;
  });
  for (const row of rows) {
    platform.db.touch(row);
    row.locked = method === 'lock';
  }
  const kind = method === 'lock' ? 'lockresult' : 'unlockresult';
  const results = rows.map((row) => new NativeObject(kind, { id: row.id, success: true, errors: [] }));
  return single
    ? results[0]
    : new ApexList({ n: `Approval.${method === 'lock' ? 'LockResult' : 'UnlockResult'}` }, results);
}

function isLocked(platform: Platform, args: Value[], line: number): Value {
  const { ids, single } = targets(platform, args[0], line);
  const locked = ids.map((id) => platform.db.byId(id)?.locked === true);
  if (single) return locked[0];
  const map = new ApexMap({ n: 'Id' }, { n: 'Boolean' });
  ids.forEach((id, i) => platform.interp.mapPut(map, id, locked[i]));
  return map;
}

/** `Approval.<method>(...)`, or undefined when the method is not one of the record-lock methods. */
export function approvalStatic(platform: Platform, method: string, args: Value[], line: number): Value | undefined {
  switch (method) {
    case 'lock':
    case 'unlock':
      return setLocks(platform, method, args, line);
    case 'islocked':
      return isLocked(platform, args, line);
  }
  return undefined;
}

/**
 * "Salesforce admins can edit locked records. Depending on your approval process configuration settings, an assigned
 * approver can also edit locked records" (Apex Reference, "Approval Class"): an administrator's edit goes ahead; who
 * else may edit depends on approval processes the runtime does not have, so another user's edit is UNSUPPORTED.
 */
export function checkLockedRecordEdits(platform: Platform, op: string, records: Value[], line: number): void {
  if (!platform.security || platform.userAccess().hasUserPermission('ModifyAllData')) return;
  for (const record of records) {
    const id = record instanceof SObjectValue ? record.get('Id') : null;
    if (typeof id === 'string' && platform.db.byId(id)?.locked)
      throw platform.interp.unsupported(`${op} of a locked record by a user who is not an administrator`, line);
  }
}

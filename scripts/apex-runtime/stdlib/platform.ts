/**
 * Platform services behind the standard library: SObject fields, DML with triggers, SOQL through the schema helper's
 * engine, governor limits, Test.* and async work, runAs with the security model, Schema describe, JSON, Database.*.
 */
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
  randomUUID,
  sign as cryptoSign,
  verify as cryptoVerify
} from 'node:crypto';
import type { Block, TriggerDecl } from '../frontend/ast';
import { ApexThrown } from '../interpreter/errors';
import { Interpreter, NOT_FOUND } from '../interpreter/interpreter';
import { ApexObject, ClassInfo } from '../interpreter/objects';
import { apexToString, hashKey, ID_PATTERN, numberOf, to18 } from '../interpreter/semantics';
import {
  ApexBlob,
  ApexDate,
  ApexDatetime,
  ApexDecimal,
  ApexList,
  ApexMap,
  ApexSet,
  ApexTime,
  EnumValue,
  SObjectValue,
  TypeValue,
  type Value
} from '../interpreter/values';
import type { FieldDescribe, SchemaModel, SObjectSchema } from '../schema';
import {
  groupOfPermissionSets,
  profileUserType,
  type PermissionGrants,
  type SecurityModel,
  type UserAccess
} from '../security';
import {
  evaluateSoql,
  evaluateSosl,
  parseSoql,
  parseSosl,
  SoqlQueryError,
  SoqlUnsupportedError,
  type SoqlQuery
} from '../soql';
import { Database, storeValue, type DbSnapshot, type DmlError, type Row } from '../db/database';
import { evaluateFormula, FormulaUnsupported } from '../db/formula';
import { nextFireTime } from '../db/cron';
import { FlowRunner } from '../db/flow-runner';
import type { RecordFlow } from '../db/flows';
import { makeSoqlHost } from '../db/soql-host';
import type { ApexHost } from './host';
import { JsonGenerator, jsonDeserialize, jsonSerialize, jsonDeserializeUntyped, parseTypeName } from './json';
import { NativeObject } from './native';
import { approvalStatic, checkLockedRecordEdits } from './approval';
import { flowInterviewStatic, invocableMethod, invocableStatic } from './invocable';
import { businessHoursStatic, defaultBusinessHours } from './business-hours';
import { roundDecimal } from './numbers';
import { loadData, setCreatedDate } from './test-data';
import { deriveStatusFields } from '../db/status-fields';
import { constructOutbound, isResourceMock, outboundMethod, resourceMockResponse, sendEmail } from './outbound';

export interface Limits {
  queries: number;
  queryRows: number;
  dmlStatements: number;
  dmlRows: number;
  futureCalls: number;
  queueableJobs: number;
  callouts: number;
  emailInvocations: number;
  /** DML, async work or email done in this transaction: a callout is refused until it commits */
  pendingWork: boolean;
}

function freshLimits(): Limits {
  return {
    queries: 0,
    queryRows: 0,
    dmlStatements: 0,
    dmlRows: 0,
    futureCalls: 0,
    queueableJobs: 0,
    callouts: 0,
    emailInvocations: 0,
    pendingWork: false
  };
}

/**
 * Standard children deleted with their parent (child Object.Field, lower case). Salesforce Help, "Delete Accounts":
 * an account's contacts, opportunities and activities go to the Recycle Bin with it; Apex Developer Guide, "Deleting
 * Records": deleting a case deletes its CaseComment records; opportunity products, contact roles, order products and
 * quote line items cannot exist without their opportunity, order or quote.
 */
const STANDARD_CASCADES = new Set([
  'contact.accountid',
  'opportunity.accountid',
  'task.whatid',
  'event.whatid',
  'casecomment.parentid',
  'opportunitylineitem.opportunityid',
  'opportunitycontactrole.opportunityid',
  'orderitem.orderid',
  'quotelineitem.quoteid'
]);

interface AsyncJob {
  kind: 'queueable' | 'future' | 'batch' | 'schedule';
  run: () => void;
  jobId: string;
  /** the Finalizer a running Queueable attached (System.attachFinalizer) */
  finalizer?: ApexObject;
}

/** The Quiddity of each kind of asynchronous transaction (Apex Reference, "Quiddity Enum"). */
const ASYNC_QUIDDITY: Record<AsyncJob['kind'] | 'finalizer', string> = {
  queueable: 'QUEUEABLE',
  future: 'FUTURE',
  batch: 'BATCH_APEX',
  schedule: 'SCHEDULED',
  finalizer: 'TRANSACTION_FINALIZER_QUEUEABLE'
};

interface TriggerContext {
  event: string;
  isBefore: boolean;
  newList: ApexList | null;
  oldList: ApexList | null;
  object: string;
}

// setup objects (Apex Developer Guide, "sObjects That Cannot Be Used Together in DML Operations")
const SETUP_OBJECTS = new Set([
  'user',
  'permissionsetassignment',
  'groupmember',
  'permissionset',
  'profile',
  'userrole',
  'group',
  'permissionsetgroup',
  'permissionsetgroupcomponent',
  'queuesobject',
  'objectpermissions',
  'fieldpermissions',
  'setupentityaccess',
  'permissionsetlicenseassign',
  'userterritory',
  'territory',
  'customnotificationtype'
]);

export class Platform {
  readonly db: Database;
  limits = freshLimits();
  private inTest = false;
  private testStarted = false;
  private testStopped = false;
  private asyncQueue: AsyncJob[] = [];
  private asyncDepth = 0;
  /** records a trigger may not change: trigger.new of an after trigger, trigger.old of any trigger */
  private readOnlyRecords = new Set<SObjectValue>();
  /** an error the test harness raises in an async job (too many batch executions): it fails the test method */
  private testHarnessFailure: ApexThrown | null = null;
  /** Test.loadData: the Id column of each loaded CSV row and the Id its record got, for later files' references */
  loadedDataIds = new Map<string, string>();
  /** the async job (or finalizer) whose transaction is running, innermost last */
  private runningAsync: (AsyncJob | 'finalizer' | 'batchchunk')[] = [];
  private triggers = new Map<string, { decl: TriggerDecl; cls: ClassInfo }[]>();
  private triggerStack: TriggerContext[] = [];
  private soqlCache = new Map<string, SoqlQuery>();
  private clockMs = Date.UTC(2026, 0, 15, 12, 0, 0);
  private mocks = new Map<string, Value>();
  adminUserId = '';
  runningUserId = '';
  private runAsDepth = 0;
  /** setup / non-setup DML seen in this transaction (MIXED_DML_OPERATION), reset by runAs blocks */
  private dmlKinds = new Set<'setup' | 'data'>();
  private eventBusQueue: SObjectValue[] = [];
  private labels: Map<string, string>;

  constructor(
    readonly interp: Interpreter,
    readonly host: ApexHost,
    readonly schema: SchemaModel,
    readonly security: SecurityModel | null,
    labels: Map<string, string>
  ) {
    this.db = new Database(schema);
    this.labels = labels;
  }

  // ---- setup ----

  addTrigger(decl: TriggerDecl, file: string): void {
    const object = this.sobjectName(decl.object) ?? decl.object;
    const cls = new ClassInfo(`__trigger.${decl.name}`, null, null, file);
    const list = this.triggers.get(object.toLowerCase()) ?? [];
    list.push({ decl, cls });
    this.triggers.set(object.toLowerCase(), list);
  }

  /** Records every org has: the standard profiles, the project's permission sets, the running admin user. */
  seedOrg(): void {
    const profiles = this.security ? this.security.all().filter((g) => g.kind === 'profile') : [];
    const profileIds = new Map<string, string>();
    const permissionFields = (this.schema.object('Profile')?.fields ?? []).filter(
      (f) => f.name.startsWith('Permissions') && f.type === 'BOOLEAN'
    );
    for (const p of profiles) {
      const values: Record<string, Value> = { Name: p.label || p.name, UserType: profileUserType(p.userLicense) };
      // the profile's user permissions as its Permissions<Name> checkboxes (Object Reference, "Profile")
      for (const f of permissionFields) {
        values[f.name] = p.userPermissions.has(f.name.slice('Permissions'.length).toLowerCase());
      }
      const rec = this.insertSystemRow('Profile', values);
      profileIds.set(p.name.toLowerCase(), rec);
      if (p.label) profileIds.set(p.label.toLowerCase(), rec);
    }
    // standard profiles every org has (Salesforce Help, "Standard Profiles"); their permissions are not modelled
    for (const [name, license] of [
      ['System Administrator', 'Salesforce'],
      ['Standard User', 'Salesforce'],
      ['Minimum Access - Salesforce', 'Salesforce'],
      ['Read Only', 'Salesforce'],
      ['Marketing User', 'Salesforce'],
      ['Contract Manager', 'Salesforce'],
      ['Solution Manager', 'Salesforce'],
      ['Chatter Free User', 'Chatter Free']
    ]) {
      if (!profileIds.has(name.toLowerCase()))
        profileIds.set(
          name.toLowerCase(),
          this.insertSystemRow('Profile', { Name: name, UserType: profileUserType(license) })
        );
    }
    // every record type but Master is a RecordType row, with the Id the describe gives (Object Reference, "RecordType")
    for (const object of this.schema.objectsWithRecordTypes()) {
      for (const recordType of object.describe.recordTypes.filter((rt) => !rt.master)) {
        recordType.id = this.insertSystemRow('RecordType', {
          Name: recordType.name,
          DeveloperName: recordType.developerName,
          SobjectType: object.describe.name,
          IsActive: recordType.active,
          NamespacePrefix: null
        });
      }
    }
    // ApexClass rows for the project's classes (SOQL on ApexClass, SetupEntityAccess)
    for (const cls of this.projectClasses) {
      this.classIds.set(
        cls.name.toLowerCase(),
        this.insertSystemRow('ApexClass', {
          Name: cls.name,
          Body: cls.body,
          Status: 'Active',
          ApiVersion: 62,
          NamespacePrefix: null,
          LengthWithoutComments: cls.body.length,
          IsValid: true
        })
      );
    }
    for (const ps of this.security ? this.security.all().filter((g) => g.kind === 'permissionSet') : []) {
      const values: Record<string, Value> = { Name: ps.name, Label: ps.label || ps.name, IsOwnedByProfile: false };
      // user permissions as the PermissionSet's Permissions<Name> checkboxes
      for (const f of this.schema.object('PermissionSet')?.fields ?? []) {
        if (f.name.startsWith('Permissions') && f.type === 'BOOLEAN')
          values[f.name] = ps.userPermissions.has(f.name.slice('Permissions'.length).toLowerCase());
      }
      const psId = this.insertSystemRow('PermissionSet', values);
      for (const [object, oa] of ps.objects) {
        this.insertSystemRow('ObjectPermissions', {
          ParentId: psId,
          SobjectType: this.sobjectName(object) ?? object,
          PermissionsRead: oa.read,
          PermissionsCreate: oa.create,
          PermissionsEdit: oa.edit,
          PermissionsDelete: oa.delete,
          PermissionsViewAllRecords: oa.viewAll,
          PermissionsModifyAllRecords: oa.modifyAll
        });
      }
      for (const [key, fa] of ps.fields) {
        const [object, field] = key.split('.');
        const objName = this.sobjectName(object) ?? object;
        const fName = this.schema.field(objName, field)?.name ?? field;
        this.insertSystemRow('FieldPermissions', {
          ParentId: psId,
          SobjectType: objName,
          Field: `${objName}.${fName}`,
          PermissionsRead: fa.read,
          PermissionsEdit: fa.edit
        });
      }
      for (const cls of ps.classes) {
        const classId = this.classIds.get(cls);
        if (classId)
          this.insertSystemRow('SetupEntityAccess', {
            ParentId: psId,
            SetupEntityId: classId,
            SetupEntityType: 'ApexClass'
          });
      }
    }
    for (const g of this.security ? this.security.all().filter((x) => x.kind === 'permissionSetGroup') : []) {
      this.insertSystemRow('PermissionSetGroup', { DeveloperName: g.name, MasterLabel: g.label || g.name });
    }
    this.adminUserId = this.insertSystemRow('User', {
      Username: 'admin@apex-runtime.test',
      LastName: 'Admin',
      FirstName: 'Test',
      Name: 'Test Admin',
      Email: 'admin@apex-runtime.test',
      Alias: 'admin',
      ProfileId: profileIds.get('system administrator'),
      IsActive: true,
      TimeZoneSidKey: 'GMT',
      LocaleSidKey: 'en_US',
      LanguageLocaleKey: 'en_US',
      EmailEncodingKey: 'UTF-8'
    });
    this.runningUserId = this.adminUserId;
    this.insertSystemRow('BusinessHours', defaultBusinessHours('GMT'));
    const org = this.schema.object('Organization');
    if (org)
      this.insertSystemRow('Organization', {
        Name: 'Apex Runtime Org',
        IsSandbox: true,
        OrganizationType: 'Developer Edition'
      });
    const pb = this.schema.object('Pricebook2');
    if (pb) this.insertSystemRow('Pricebook2', { Name: 'Standard Price Book', IsStandard: true, IsActive: true });
  }

  /** name and source of the project's top-level classes (set by the loader) */
  projectClasses: { name: string; body: string }[] = [];
  private classIds = new Map<string, string>();

  /** One DML statement of `rows` rows against the governor limits (150 statements, 10,000 rows). */
  countDml(rows: number, line: number): void {
    this.limits.pendingWork = true;
    this.limits.dmlStatements++;
    if (this.limits.dmlStatements > 150)
      throw this.host.exception('System.LimitException', `Too many DML statements: ${this.limits.dmlStatements}`, line);
    this.limits.dmlRows += rows;
    if (this.limits.dmlRows > 10000)
      throw this.host.exception('System.LimitException', `Too many DML rows: ${this.limits.dmlRows}`, line);
  }

  private insertSystemRow(object: string, values: Record<string, Value>): string {
    const schema = this.schema.object(object);
    if (!schema) return '';
    const id = this.db.newId(schema);
    const fields = new Map<string, Value>();
    fields.set('id', id);
    for (const [k, v] of Object.entries(values)) {
      const f = this.schema.field(object, k);
      if (f) fields.set(f.name.toLowerCase(), v);
    }
    this.db.put({ id, object: schema.describe.name, fields, deleted: false });
    return id;
  }

  now(): number {
    return this.clockMs + (Date.now() % 1000);
  }

  // ---- test lifecycle ----

  beginTest(): void {
    this.limits = freshLimits();
    this.accessCache.clear();
    this.caches = new Map();
    this.restContext = {};
    this.inTest = true;
    this.testStarted = false;
    this.testStopped = false;
    this.asyncQueue = [];
    this.triggerStack = [];
    this.mocks = new Map();
    this.fixedSearchResults = undefined;
    this.runningUserId = this.adminUserId;
    this.runAsDepth = 0;
    this.dmlKinds = new Set();
    this.eventBusQueue = [];
    this.eventCallbacks = [];
    this.dmlDepth = 0;
    this.readOnlyRecords = new Set();
    this.loadedDataIds = new Map();
  }

  snapshot(): DbSnapshot {
    return this.db.snapshot();
  }

  restore(s: DbSnapshot): void {
    this.db.restore(s);
    this.accessCache.clear();
  }

  /** System.isFuture/isQueueable/isBatch/isScheduled: whether a job of that kind runs the code (Apex Reference). */
  isAsyncContext(check: string, line: number): boolean {
    const running = this.runningAsync[this.runningAsync.length - 1];
    if (running === undefined) return false;
    if (running === 'finalizer') {
      const name = { isfuture: 'isFuture', isqueueable: 'isQueueable', isbatch: 'isBatch' }[check] ?? 'isScheduled';
      throw this.interp.unsupported(`System.${name} in a Transaction Finalizer`, line);
    }
    const kind = running === 'batchchunk' ? 'batch' : running.kind;
    const asked: Record<string, AsyncJob['kind']> = {
      isfuture: 'future',
      isqueueable: 'queueable',
      isbatch: 'batch',
      isscheduled: 'schedule'
    };
    return asked[check] === kind;
  }

  // ---- names ----

  sobjectName(name: string): string | null {
    const o = this.schema.object(name);
    return o ? o.describe.name : null;
  }

  label(name: string, line: number): Value {
    const v = this.labels.get(name.toLowerCase());
    if (v === undefined) throw this.interp.unsupported(`custom label ${name} not found in the project`, line);
    return v;
  }

  // ---- SObject fields ----

  private fieldOf(rec: SObjectValue, name: string): FieldDescribe | undefined {
    return this.schema.field(rec.type, name);
  }

  putField(rec: SObjectValue, name: string, value: Value, line: number): void {
    if (this.readOnlyRecords.has(rec)) throw this.host.exception('System.FinalException', 'Record is read-only', line);
    const field = this.fieldOf(rec, name);
    if (field && field.type === 'REFERENCE' && this.schema.object(rec.type)?.describe.kind === 'customMetadata') {
      // metadata relationship fields hold qualified API names (e.g. 'Account'), not Ids
      rec.set(field.name, value);
      return;
    }
    if (field) {
      rec.set(
        field.name,
        storeValue(
          field,
          this.interp.coerce(value, { n: field.apexType === 'Double' ? 'Decimal' : field.apexType }, line)
        )
      );
      return;
    }
    const parent = this.schema.parentRelationship(rec.type, name);
    if (parent) {
      rec.set(parent.field.relationshipName ?? name, value);
      return;
    }
    const child = this.schema.childRelationship(rec.type, name);
    if (child) {
      rec.set(child.relationshipName ?? name, value);
      return;
    }
    throw this.host.exception('System.SObjectException', `Invalid field ${name} for ${rec.type}`, line);
  }

  getField(rec: SObjectValue, name: string, line: number): Value {
    const key = name.toLowerCase();
    const field = this.fieldOf(rec, name);
    if (field) {
      if (rec.queried && !rec.queried.has(key) && key !== 'id' && !rec.has(key)) {
        throw this.host.exception(
          'System.SObjectException',
          `SObject row was retrieved via SOQL without querying the requested field: ${rec.type}.${field.name}`,
          line
        );
      }
      return rec.get(key);
    }
    const parent = this.schema.parentRelationship(rec.type, name);
    const child = this.schema.childRelationship(rec.type, name);
    if (parent || child) return rec.get(key);
    if (rec.has(key)) return rec.get(key);
    throw this.host.exception('System.SObjectException', `Invalid field ${name} for ${rec.type}`, line);
  }

  /**
   * `record.Field`: as getField, except that a Boolean field holding null reads false. "The expression accessing a
   * Boolean type field on an sObject with simple dot notation is evaluated to true only if the field value is non-null
   * and true. Otherwise it is evaluated to false" (Salesforce R&D, case 14025277, salesforce.stackexchange.com/q/127548);
   * `record.get('Field')` still returns null.
   */
  getFieldByDot(rec: SObjectValue, name: string, line: number): Value {
    const value = this.getField(rec, name, line);
    return value === null && this.fieldOf(rec, name)?.type === 'BOOLEAN' ? false : value;
  }

  fieldToken(object: string, name: string, line: number): Value {
    const f = this.schema.field(object, name);
    if (!f) {
      const parent = this.schema.parentRelationship(object, name);
      if (parent) return new TypeValue(`${object}.${name}`);
      throw this.interp.unsupported(`field ${object}.${name}`, line);
    }
    return new NativeObject('sobjectfield', { object, field: f.name, name: f.name });
  }

  // ---- static fields ----

  staticField(typePath: string, name: string, line: number): Value {
    const t = typePath.toLowerCase().replace(/^system\./, '');
    const n = name.toLowerCase();
    if (t === 'trigger') return this.triggerVar(n, line);
    if (t === 'schema.sobjecttype' || t === 'sobjecttype') {
      const obj = this.sobjectName(name);
      if (obj) return new NativeObject('describesobject', { name: obj, fieldsProxy: true });
    }
    if (t === 'restcontext') {
      return this.restContext[n] ?? null;
    }
    if (t === 'accesslevel') return new EnumValue('AccessLevel', name.toUpperCase(), 0);
    return NOT_FOUND;
  }

  restContext: Record<string, Value> = {};
  /** the running test is @IsTest(SeeAllData=true): org data the runtime does not have */
  seeAllData = false;

  private triggerVar(n: string, line: number): Value {
    const ctx = this.triggerStack[this.triggerStack.length - 1];
    if (!ctx) {
      if (n === 'isexecuting') return false;
      return null;
    }
    switch (n) {
      case 'new':
        return ctx.newList;
      case 'old':
        return ctx.oldList;
      case 'newmap':
        return ctx.event === 'insert' && ctx.isBefore ? null : this.toIdMap(ctx.newList, ctx.object);
      case 'oldmap':
        return this.toIdMap(ctx.oldList, ctx.object);
      case 'isinsert':
        return ctx.event === 'insert';
      case 'isupdate':
        return ctx.event === 'update';
      case 'isdelete':
        return ctx.event === 'delete';
      case 'isundelete':
        return ctx.event === 'undelete';
      case 'isbefore':
        return ctx.isBefore;
      case 'isafter':
        return !ctx.isBefore;
      case 'isexecuting':
        return true;
      case 'size':
        return (ctx.newList ?? ctx.oldList)?.items.length ?? 0;
      case 'operationtype':
        return new EnumValue('TriggerOperation', `${ctx.isBefore ? 'BEFORE' : 'AFTER'}_${ctx.event.toUpperCase()}`, 0);
    }
    throw this.interp.unsupported(`Trigger.${n}`, line);
  }

  private toIdMap(list: ApexList | null, object: string): ApexMap | null {
    if (!list) return null;
    const m = new ApexMap({ n: 'Id' }, { n: object });
    for (const r of list.items as SObjectValue[]) this.interp.mapPut(m, r.get('Id'), r);
    return m;
  }

  // ---- SOQL ----

  private parse(text: string, line: number): SoqlQuery {
    let q = this.soqlCache.get(text);
    if (!q) {
      try {
        q = parseSoql(text);
      } catch (e) {
        if (e instanceof SoqlQueryError) throw this.host.exception('System.QueryException', e.message, line);
        if (e instanceof SoqlUnsupportedError) throw this.interp.unsupported(`SOQL ${e.construct}`, line);
        throw this.interp.unsupported(
          `SOQL parser: ${(e as Error).message} in "${text.replace(/\s+/g, ' ').slice(0, 160)}"`,
          line
        );
      }
      this.soqlCache.set(text, q);
    }
    return q;
  }

  soql(text: string, binds: Map<string, Value>, line: number, accessLevel?: 'USER_MODE' | 'SYSTEM_MODE'): Value {
    // `field = :collection` in Apex SOQL compares with every element, like IN (apex-recipes relies on it)
    for (const [name, v] of binds) {
      if (v instanceof ApexList || v instanceof ApexSet) {
        text = text.replace(new RegExp(`(!=|<>|=)\\s*:\\s*${name}\\b`, 'g'), (_m, op: string) =>
          op === '=' ? `IN :${name}` : `NOT IN :${name}`
        );
      }
    }
    const q = this.parse(text, line);
    this.limits.queries++;
    const max = this.asyncDepth > 0 ? 200 : 100;
    if (this.limits.queries > max)
      throw this.host.exception('System.LimitException', `Too many SOQL queries: ${this.limits.queries}`, line);
    const soqlHost = makeSoqlHost(this, binds, line);
    let result;
    try {
      result = evaluateSoql(q, soqlHost, { accessLevel });
    } catch (e) {
      if (e instanceof SoqlQueryError) throw this.host.exception('System.QueryException', e.message, line);
      if (e instanceof SoqlUnsupportedError) throw this.interp.unsupported(`SOQL ${e.construct}`, line);
      if (e instanceof ApexThrown) throw e;
      if (e instanceof FormulaUnsupported) throw this.interp.unsupported(e.message, line);
      throw this.interp.unsupported(`SOQL engine: ${(e as Error).message}`, line);
    }
    this.limits.queryRows += result.rowCount;
    if (this.limits.queryRows > 50000)
      throw this.host.exception('System.LimitException', `Too many query rows: ${this.limits.queryRows}`, line);
    if (result.kind === 'count') return result.count;
    if (result.kind === 'aggregate') {
      return new ApexList(
        { n: 'AggregateResult' },
        result.rows.map((r) => new NativeObject('aggregateresult', { values: r.values }))
      );
    }
    return new ApexList(
      { n: result.object },
      result.records.map((r) => recordToSObject(r))
    );
  }

  /**
   * A SOSL search in a test: empty unless Test.setFixedSearchResults named the Ids, which then stand in for the
   * matches, filtered by each RETURNING object's WHERE/LIMIT (Apex Developer Guide, "Adding SOSL Queries to Unit
   * Tests"; soql/search.ts). Outside tests there is no search index to ask: UNSUPPORTED.
   */
  sosl(text: string, binds: Map<string, Value>, line: number): Value {
    if (!this.inTest) throw this.interp.unsupported('SOSL outside a test (no search index)', line);
    let lists;
    try {
      lists = evaluateSosl(parseSosl(text), makeSoqlHost(this, binds, line), this.fixedSearchResults);
    } catch (e) {
      if (e instanceof SoqlQueryError) throw this.host.exception('System.QueryException', e.message, line);
      if (e instanceof SoqlUnsupportedError) throw this.interp.unsupported(`SOSL ${e.construct}`, line);
      if (e instanceof ApexThrown) throw e;
      throw this.interp.unsupported(`SOSL engine: ${(e as Error).message}`, line);
    }
    return new ApexList(
      { n: 'List', a: [{ n: 'SObject' }] },
      lists.map(
        (records) =>
          new ApexList(
            { n: 'SObject' },
            records.map((r) => recordToSObject(r))
          )
      )
    );
  }

  /** The Ids Test.setFixedSearchResults gave for this test method's SOSL searches. */
  private fixedSearchResults: Value[] | undefined;

  // ---- DML ----

  private classify(object: string): 'setup' | 'data' {
    return SETUP_OBJECTS.has(object.toLowerCase()) ? 'setup' : 'data';
  }

  private checkMixedDml(records: SObjectValue[], line: number, op = 'insert'): void {
    if (records.length === 0) return;
    // a User inserted without a role, or updated without role/profile/active/username changes, mixes with other
    // objects (Apex Developer Guide, "sObjects That Cannot Be Used Together in DML Operations")
    if (records[0].type.toLowerCase() === 'user') {
      const sensitive =
        op === 'insert'
          ? ['userroleid']
          : ['userroleid', 'isactive', 'profileid', 'username', 'forecastenabled', 'isportalenabled'];
      if (
        op !== 'delete' &&
        records.every((r) => sensitive.every((f) => !r.has(f) || (op === 'insert' && r.get(f) === null)))
      )
        return;
    }
    const kind = this.classify(records[0].type);
    const other = kind === 'setup' ? 'data' : 'setup';
    if (this.dmlKinds.has(other) && this.runAsDepth === 0) {
      const setupType = kind === 'setup' ? records[0].type : ([...this.lastSetupTypes][0] ?? 'User');
      const dataType = kind === 'data' ? records[0].type : ([...this.lastDataTypes][0] ?? 'SObject');
      throw this.host.exception(
        'System.DmlException',
        `${kind === 'setup' ? 'Insert' : 'Insert'} failed. First exception on row 0; first error: MIXED_DML_OPERATION, DML operation on setup object is not permitted after you have updated a non-setup object (or vice versa): ${setupType}, original object: ${dataType}: []`,
        line
      );
    }
    this.dmlKinds.add(kind);
    if (kind === 'setup') this.lastSetupTypes.add(records[0].type);
    else this.lastDataTypes.add(records[0].type);
  }
  private lastSetupTypes = new Set<string>();
  private lastDataTypes = new Set<string>();

  dmlStatement(
    op: string,
    value: Value,
    opts: { access?: string; extId?: string; value2?: Value },
    line: number
  ): void {
    // A DML statement on a null record dereferences it (apex-recipes' CustomRestEndpointRecipes_Tests, which pass in
    // orgs, read this message from `delete contact` with contact null); Database.insert(null) words it differently.
    if (value === null || value === undefined) throw this.host.npe(line);
    if (op === 'merge') throw this.interp.unsupported('merge statement', line);
    const results = this.dml(op, value, true, line, opts.access === 'user', opts.extId);
    void results;
  }

  /** Runs one DML operation; allOrNone throws DmlException on the first failing row, after rolling the statement back. */
  dml(
    op: string,
    value: Value,
    allOrNone: boolean,
    line: number,
    userMode = false,
    extId?: string
  ): { id: string | null; errors: DmlError[]; created?: boolean }[] {
    const isList = value instanceof ApexList;
    const records: SObjectValue[] = isList ? (value as ApexList).items : [value];
    if (op === 'delete' || op === 'undelete') {
      // delete accepts Ids too
      for (let i = 0; i < records.length; i++) {
        const r = records[i] as Value;
        if (typeof r === 'string') {
          const row = this.db.byId(r);
          const rec = new SObjectValue(row?.object ?? 'SObject');
          rec.set('Id', r);
          records[i] = rec;
        }
      }
    }
    for (const r of records) {
      if (!(r instanceof SObjectValue)) {
        if (r === null)
          throw this.host.exception(
            'System.DmlException',
            `${capital(op)} failed. First exception on row 0; first error: INVALID_FIELD, null record: []`,
            line
          );
        throw this.interp.unsupported(`DML on ${this.interp.typeNameOf(r)}`, line);
      }
    }
    this.countDml(records.length, line);
    if (records.length === 0) return [];
    this.refuseRepeatedRecords(op, records, line);
    const platformEvent = this.schema.object(records[0].type)?.describe.kind === 'platformEvent';
    if (platformEvent && op === 'insert') {
      throw this.interp.unsupported('DML insert of a platform event (use EventBus.publish)', line);
    }
    this.checkMixedDml(records, line, op);
    if (this.classify(records[0].type) === 'setup') this.accessCache.clear();
    if (userMode) this.checkUserModeDml(op, records, line);
    if (op !== 'insert') checkLockedRecordEdits(this, op, records, line);
    const existedBefore = new Set(records.map((r) => r.get('Id') as string | null).filter((x): x is string => !!x));
    // nested DML (triggers, flows) joins the outer statement's journal
    const outermost = this.dmlDepth === 0;
    if (outermost) this.db.beginJournal();
    this.dmlDepth++;
    let results: { id: string | null; errors: DmlError[]; created?: boolean }[];
    try {
      // a list of several SObject types is saved in chunks of one type each, in list order (Apex Developer Guide,
      // "Creating Records for Different Object Types")
      results = [];
      for (let start = 0; start < records.length;) {
        let end = start + 1;
        while (end < records.length && records[end].type.toLowerCase() === records[start].type.toLowerCase()) end++;
        results.push(...this.dmlRows(op, records.slice(start, end), line, extId));
        start = end;
      }
    } catch (e) {
      this.dmlDepth--;
      if (outermost) this.db.endJournal(true);
      this.accessCache.clear();
      throw e;
    }
    this.dmlDepth--;
    const firstBad = results.findIndex((r) => r.errors.length > 0);
    if (outermost) this.db.endJournal(firstBad >= 0 && allOrNone);
    if (firstBad >= 0 && allOrNone) this.accessCache.clear();
    if (firstBad >= 0 && allOrNone) {
      const err = results[firstBad].errors[0];
      const exc = this.host.newException(
        'System.DmlException',
        `${capital(op)} failed. First exception on row ${firstBad}${results[firstBad].id ? ` with id ${results[firstBad].id}` : ''}; first error: ${err.code}, ${err.message}: [${err.fields.join(', ')}]`,
        line
      );
      exc.exception!.dml = results
        .map((r, i) => ({ r, i }))
        .filter(({ r }) => r.errors.length > 0)
        .map(({ r, i }) => ({
          code: r.errors[0].code,
          message: r.errors[0].message,
          fields: r.errors[0].fields,
          id: r.id,
          index: i
        }));
      if (op === 'insert')
        for (const rec of records) if (!existedBefore.has(rec.get('Id') as string)) rec.fields.delete('id');
      throw new ApexThrown(exc);
    }
    return results;
  }

  private checkUserModeDml(op: string, records: SObjectValue[], line: number): void {
    const access = this.userAccess();
    const obj = records[0].type;
    const oa = access.object(obj);
    const allowed =
      op === 'insert'
        ? oa.create
        : op === 'update'
          ? oa.edit
          : op === 'delete'
            ? oa.delete
            : op === 'upsert'
              ? oa.create && oa.edit
              : oa.read;
    if (!allowed) {
      // user-mode DML without the object permission (Apex Developer Guide, "Enforce User Mode for Database Operations")
      throw this.host.exception('System.SecurityException', `Access to entity '${obj}' denied`, line);
    }
    if (op === 'insert' || op === 'update' || op === 'upsert') {
      for (const rec of records) {
        for (const slot of rec.fields.values()) {
          const f = this.schema.field(obj, slot.name);
          if (!f || !f.permissionable || f.name === 'Id') continue;
          const fa = access.field(obj, f.name);
          if (!fa.edit) {
            throw this.host.exception(
              'System.DmlException',
              `${capital(op)} failed. First exception on row 0; first error: INVALID_FIELD_FOR_INSERT_UPDATE, Unable to create/update fields: ${f.name}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.: [${f.name}]`,
              line
            );
          }
        }
      }
    }
  }

  /**
   * A list that names one record twice is refused as a whole, before any row is saved and whatever allOrNone says:
   * an update with an Id twice ("Duplicate id in list: <Id>", Salesforce Help KB 000316303), an insert or upsert with
   * the same record instance twice ("Before Insert or Upsert list must not have two identically equal elements").
   */
  private refuseRepeatedRecords(op: string, records: SObjectValue[], line: number): void {
    if (op === 'insert' || op === 'upsert') {
      const seen = new Set<SObjectValue>();
      for (const record of records) {
        if (seen.has(record))
          throw this.host.exception(
            'System.ListException',
            'Before Insert or Upsert list must not have two identically equal elements',
            line
          );
        seen.add(record);
      }
    }
    if (op === 'update' || op === 'upsert') {
      const ids = new Set<string>();
      for (const record of records) {
        const id = record.get('Id') as string | null;
        if (!id) continue;
        if (ids.has(to18(id))) throw this.host.exception('System.ListException', `Duplicate id in list: ${id}`, line);
        ids.add(to18(id));
      }
    }
  }

  private dmlRows(
    op: string,
    records: SObjectValue[],
    line: number,
    extId?: string
  ): { id: string | null; errors: DmlError[]; created?: boolean }[] {
    const object = records[0].type;
    const schemaObj = this.schema.object(object);
    if (!schemaObj) throw this.interp.unsupported(`DML on unknown object ${object}`, line);
    const objName = schemaObj.describe.name;
    if (op === 'upsert') {
      const toInsert: number[] = [];
      const toUpdate: number[] = [];
      // `upsert records Item__c.Ext__c` names the field as a token path: the field is its last part
      const extField = extId ? this.schema.field(objName, extId.split('.').pop() as string) : undefined;
      if (extId && !extField) throw this.interp.unsupported(`upsert on unknown field ${objName}.${extId}`, line);
      records.forEach((r, i) => {
        if (extField && !r.get('Id')) {
          const v = r.get(extField.name);
          const match = this.db
            .rows(objName)
            .find(
              (row) =>
                !row.deleted &&
                row.fields.get(extField.name.toLowerCase()) !== null &&
                hashKey(row.fields.get(extField.name.toLowerCase())) === hashKey(v)
            );
          if (match) r.set('Id', match.id);
        }
        (r.get('Id') ? toUpdate : toInsert).push(i);
      });
      const results: { id: string | null; errors: DmlError[]; created?: boolean }[] = new Array(records.length);
      const ins = toInsert.length
        ? this.dmlRows(
            'insert',
            toInsert.map((i) => records[i]),
            line
          )
        : [];
      ins.forEach((r, k) => (results[toInsert[k]] = { ...r, created: true }));
      const upd = toUpdate.length
        ? this.dmlRows(
            'update',
            toUpdate.map((i) => records[i]),
            line
          )
        : [];
      upd.forEach((r, k) => (results[toUpdate[k]] = { ...r, created: false }));
      return results;
    }
    const results: { id: string | null; errors: DmlError[] }[] = records.map((r) => ({
      id: (r.get('Id') as string) ?? null,
      errors: []
    }));
    const ok = (i: number): boolean => results[i].errors.length === 0;
    const fail = (i: number, code: string, message: string, fields: string[] = []): void => {
      if (ok(i)) results[i].errors.push({ code, message, fields });
    };
    // an exception a trigger does not handle fails every record of the statement, wrapped as the platform words it
    const fire = (...args: Parameters<Platform['fireTriggers']>): void => {
      try {
        this.fireTriggers(...args);
      } catch (e) {
        if (!(e instanceof TriggerFailure)) throw e;
        results.forEach((_r, i) => fail(i, 'CANNOT_INSERT_UPDATE_ACTIVATE_ENTITY', e.message, []));
      }
    };

    if (op === 'insert') {
      records.forEach((r, i) => {
        if (r.get('Id')) fail(i, 'INVALID_FIELD_FOR_INSERT_UPDATE', 'cannot specify Id in an insert call', ['Id']);
      });
    } else {
      records.forEach((r, i) => {
        const id = r.get('Id') as string | null;
        if (!id) return fail(i, 'MISSING_ARGUMENT', 'Id not specified in an update call', []);
        const row = this.db.byId(id);
        if (!row || (op !== 'undelete' && row.deleted))
          fail(
            i,
            op === 'delete' ? 'ENTITY_IS_DELETED' : 'INVALID_CROSS_REFERENCE_KEY',
            op === 'delete' ? 'entity is deleted' : 'invalid cross reference id',
            []
          );
        else if (op === 'undelete' && !row.deleted) fail(i, 'UNDELETE_FAILED', 'Entity is not in the recycle bin', []);
      });
    }

    const event = op;
    const oldList =
      op === 'insert'
        ? null
        : new ApexList(
            { n: objName },
            records.map((r) => this.rowToSObject(this.db.byId(r.get('Id') as string)))
          );
    // Trigger.new holds the whole record (stored values plus the caller's changes); before triggers may change it and
    // those changes are saved, the caller's own objects only receive the Id (Apex Developer Guide, "Triggers")
    const callerRecords = records;
    if (op === 'insert' || op === 'update') {
      records = records.map((r, i) => {
        const merged =
          op === 'update' && ok(i) ? this.rowToSObject(this.db.byId(r.get('Id') as string)) : new SObjectValue(r.type);
        for (const [k, slot] of r.fields) merged.fields.set(k, { name: slot.name, value: slot.value });
        return merged;
      });
    }
    // order of execution: before-save flows, then before triggers (Apex Developer Guide, "Triggers and Order of Execution")
    if (this.flowRunner && (op === 'insert' || op === 'update')) {
      this.flowRunner.run(
        objName,
        'RecordBeforeSave',
        op,
        records,
        records.map((_r, i) => (oldList ? oldList.items[i] : null)),
        (i, msg) => fail(i, 'FIELD_CUSTOM_VALIDATION_EXCEPTION', msg, []),
        line
      );
    }
    if (op !== 'undelete') {
      fire(objName, event, true, op === 'delete' ? null : new ApexList({ n: objName }, records), oldList, line);
      records.forEach((r, i) => {
        if (r.errors && r.errors.length > 0)
          fail(i, 'FIELD_CUSTOM_VALIDATION_EXCEPTION', r.errors[0].message, r.errors[0].fields);
      });
      if (oldList && op === 'delete') {
        oldList.items.forEach((r: SObjectValue, i) => {
          if (r.errors && r.errors.length > 0)
            fail(i, 'FIELD_CUSTOM_VALIDATION_EXCEPTION', r.errors[0].message, r.errors[0].fields);
        });
      }
    }
    if (op === 'delete') {
      records.forEach((r, i) => {
        if (!ok(i)) return;
        const row = this.db.byId(r.get('Id') as string)!;
        const blocker = this.restrictedChildren(row);
        if (blocker)
          fail(
            i,
            'DELETE_FAILED',
            `Your attempt to delete ${row.fields.get('name') ?? row.id} could not be completed because it is associated with the following ${blocker}.`,
            []
          );
      });
      records.forEach((r, i) => {
        if (!ok(i)) return;
        this.deleteCascade(this.db.byId(r.get('Id') as string)!);
      });
      fire(objName, event, false, null, oldList, line);
      return results;
    }
    if (op === 'undelete') {
      records.forEach((r, i) => {
        if (!ok(i)) return;
        const row = this.db.byId(r.get('Id') as string)!;
        this.db.touch(row);
        row.deleted = false;
        row.fields.set('isdeleted', false);
      });
      fire(
        objName,
        event,
        false,
        new ApexList(
          { n: objName },
          records.map((r) => this.rowToSObject(this.db.byId(r.get('Id') as string)))
        ),
        null,
        line
      );
      return results;
    }
    // validate and save
    const nowDt = new ApexDatetime(this.now());
    const savedIds: (string | null)[] = [];
    records.forEach((rec, i) => {
      if (!ok(i)) {
        savedIds.push(null);
        return;
      }
      const existing = op === 'update' ? this.db.byId(rec.get('Id') as string)! : null;
      const fields = existing ? new Map(existing.fields) : new Map<string, Value>();
      // a parent given as a record with an external Id (`contact.Account = new Account(Ext__c = 'X')`) is looked up
      // (Apex Developer Guide, "Creating Parent and Child Records in a Single Statement Using Foreign Keys")
      for (const slot of rec.fields.values()) {
        if (!(slot.value instanceof SObjectValue)) continue;
        const rel = this.schema.parentRelationship(objName, slot.name);
        if (!rel) continue;
        const parent = slot.value;
        let parentId = parent.get('Id') as string | null;
        if (!parentId) {
          const ext = [...parent.fields.values()].find(
            (x) =>
              this.schema.field(parent.type, x.name)?.externalId || this.schema.field(parent.type, x.name)?.idLookup
          );
          if (ext) {
            const field = this.schema.field(parent.type, ext.name)!;
            const match = this.db
              .rows(parent.type)
              .find(
                (r) =>
                  !r.deleted &&
                  r.fields.get(field.name.toLowerCase()) !== null &&
                  hashKey(r.fields.get(field.name.toLowerCase())) === hashKey(ext.value)
              );
            if (!match) {
              fail(
                i,
                'INVALID_FIELD',
                `Foreign key external ID: ${apexToString(ext.value)} not found for field ${field.name} in entity ${parent.type}`,
                []
              );
              break;
            }
            parentId = match.id;
          }
        }
        if (parentId) rec.set(rel.field.name, parentId);
      }
      if (!ok(i)) {
        savedIds.push(null);
        return;
      }
      for (const [k, slot] of rec.fields) {
        const f = this.schema.field(objName, slot.name);
        if (!f) continue;
        if (existing && (f.calculated || f.autoNumber || k === 'createddate' || k === 'createdbyid')) continue;
        if (!existing && f.calculated) continue;
        // empty text is saved as null (what a query then returns)
        fields.set(k, slot.value === '' && f.apexType === 'String' ? null : storeValue(f, slot.value));
      }
      const error = this.validateRow(
        objName,
        fields,
        !existing,
        i,
        callerRecords[i] ? new Set(callerRecords[i].fields.keys()) : undefined
      );
      if (error) {
        fail(i, error.code, error.message, error.fields);
        savedIds.push(null);
        return;
      }
      const id = existing ? existing.id : this.db.newId(schemaObj);
      if (!existing) {
        this.applyDefaults(objName, fields, nowDt);
        fields.set('id', id);
      }
      fields.set('lastmodifieddate', nowDt);
      fields.set('lastmodifiedbyid', this.runningUserId);
      fields.set('systemmodstamp', nowDt);
      this.computeNames(objName, fields);
      deriveStatusFields(
        this.schema,
        objName,
        fields,
        existing ? existing.fields : null,
        new Set(callerRecords[i]?.fields.keys() ?? []),
        nowDt
      );
      savedIds.push(id);
      this.pending.push({ id, object: schemaObj.describe.name, fields, deleted: false });
    });
    // unique fields across the batch and the table
    this.checkUnique(objName, fail);
    for (const row of this.pending.splice(0)) {
      const i = savedIds.indexOf(row.id);
      if (i >= 0 && ok(i)) {
        this.db.put(row);
        records[i].set('Id', row.id);
        callerRecords[i].set('Id', row.id);
        results[i].id = row.id;
      }
    }
    if (op === 'insert' && objName === 'ContentVersion') this.publishContentVersions(records.filter((_r, i) => ok(i)));
    if (op === 'insert' && objName === 'EmailMessage') this.relateEmailRecipients(records.filter((_r, i) => ok(i)));
    if (op === 'insert' && objName === 'ContentDistribution') {
      // a distribution gets its public and download URLs on insert (Object Reference, ContentDistribution)
      for (const r of records.filter((_r, i) => ok(i))) {
        const row = this.db.byId(r.get('Id') as string)!;
        const key = row.id.slice(-8);
        row.fields.set('distributionpublicurl', `https://apex-runtime.my.salesforce-sites.com/sfc/p/${key}`);
        row.fields.set(
          'contentdownloadurl',
          `https://apex-runtime.file.force.com/sfc/dist/version/download/?oid=${key}`
        );
      }
    }
    const savedIdx = records.map((_r, i) => i).filter((i) => ok(i));
    if (savedIdx.length > 0) {
      const afterNew = new ApexList(
        { n: objName },
        savedIdx.map((i) => this.rowToSObject(this.db.byId(records[i].get('Id') as string)))
      );
      const afterOld = oldList
        ? new ApexList(
            { n: objName },
            savedIdx.map((i) => oldList.items[i])
          )
        : null;
      fire(objName, event, false, afterNew, afterOld, line);
      if (this.flowRunner) {
        this.flowRunner.run(
          objName,
          'RecordAfterSave',
          op,
          afterNew.items,
          afterOld ? afterOld.items : afterNew.items.map(() => null),
          (k, msg) => fail(savedIdx[k], 'FIELD_CUSTOM_VALIDATION_EXCEPTION', msg, []),
          line
        );
      }
      afterNew.items.forEach((r: SObjectValue, k) => {
        if (r.errors && r.errors.length > 0)
          fail(savedIdx[k], 'FIELD_CUSTOM_VALIDATION_EXCEPTION', r.errors[0].message, r.errors[0].fields);
      });
    }
    return results;
  }

  private pending: Row[] = [];

  /** EmailMessage.ToIds/CcIds/BccIds create EmailMessageRelation rows (Object Reference, EmailMessage). */
  private relateEmailRecipients(messages: SObjectValue[]): void {
    const rel = this.schema.object('EmailMessageRelation');
    if (!rel) return;
    for (const m of messages) {
      for (const [field, type] of [
        ['toids', 'ToAddress'],
        ['ccids', 'CcAddress'],
        ['bccids', 'BccAddress']
      ]) {
        const ids = m.get(field);
        if (!(ids instanceof ApexList)) continue;
        for (const relationId of ids.items) {
          const id = this.db.newId(rel);
          this.db.put({
            id,
            object: rel.describe.name,
            fields: new Map<string, Value>([
              ['id', id],
              ['emailmessageid', m.get('Id')],
              ['relationid', relationId],
              ['relationtype', type]
            ]),
            deleted: false
          });
        }
      }
    }
  }
  private dmlDepth = 0;

  /**
   * A new ContentVersion without ContentDocumentId creates its ContentDocument and links it to its owner, and to
   * FirstPublishLocationId when given (Object Reference, ContentVersion / ContentDocumentLink).
   */
  private publishContentVersions(versions: SObjectValue[]): void {
    const docObj = this.schema.object('ContentDocument');
    const linkObj = this.schema.object('ContentDocumentLink');
    if (!docObj) return;
    for (const v of versions) {
      const row = this.db.byId(v.get('Id') as string)!;
      if (row.fields.get('contentdocumentid')) continue;
      const path = String(row.fields.get('pathonclient') ?? '');
      const ext = path.includes('.') ? path.slice(path.lastIndexOf('.') + 1).toLowerCase() : null;
      const docId = this.db.newId(docObj);
      const owner = row.fields.get('ownerid') ?? this.runningUserId;
      this.db.put({
        id: docId,
        object: docObj.describe.name,
        fields: new Map<string, Value>([
          ['id', docId],
          ['title', row.fields.get('title') ?? null],
          ['latestpublishedversionid', row.id],
          ['ownerid', owner],
          ['fileextension', ext],
          ['filetype', fileTypeOf(ext)],
          ['createddate', row.fields.get('createddate')],
          ['createdbyid', row.fields.get('createdbyid')],
          ['isdeleted', false]
        ]),
        deleted: false
      });
      row.fields.set('contentdocumentid', docId);
      row.fields.set('islatest', true);
      row.fields.set('versionnumber', '1');
      if (!row.fields.get('fileextension')) row.fields.set('fileextension', ext);
      row.fields.set('filetype', fileTypeOf(ext));
      const body = row.fields.get('versiondata');
      if (body instanceof ApexBlob) row.fields.set('contentsize', body.bytes.length);
      if (!linkObj) continue;
      const targets = [owner, row.fields.get('firstpublishlocationid')].filter(
        (x, i, all) => x && all.indexOf(x) === i
      );
      for (const target of targets) {
        const linkId = this.db.newId(linkObj);
        this.db.put({
          id: linkId,
          object: linkObj.describe.name,
          fields: new Map<string, Value>([
            ['id', linkId],
            ['contentdocumentid', docId],
            ['linkedentityid', target],
            ['sharetype', target === owner ? 'I' : 'V'],
            ['visibility', 'AllUsers'],
            ['isdeleted', false]
          ]),
          deleted: false
        });
      }
    }
  }

  private checkUnique(
    objName: string,
    fail: (i: number, code: string, message: string, fields: string[]) => void
  ): void {
    const schemaObj = this.schema.object(objName)!;
    for (const f of schemaObj.fields) {
      if (!f.unique) continue;
      const key = f.name.toLowerCase();
      const seen = new Map<string, string>();
      for (const row of this.db.rows(objName)) {
        const v = row.fields.get(key);
        if (v !== null && v !== undefined && !row.deleted) seen.set(this.uniqueKey(v, f), row.id);
      }
      this.pending.forEach((row, idx) => {
        const v = row.fields.get(key);
        if (v === null || v === undefined) return;
        const k = this.uniqueKey(v, f);
        const other = seen.get(k);
        if (other && other !== row.id) {
          fail(
            idx,
            'DUPLICATE_VALUE',
            `duplicate value found: ${f.name} duplicates value on record with id: ${other}`,
            [f.name]
          );
          row.deleted = true;
        } else seen.set(k, row.id);
      });
    }
    this.pending = this.pending.filter((r) => !r.deleted);
  }

  private uniqueKey(v: Value, f: FieldDescribe): string {
    const s = apexToString(v);
    return f.caseSensitive ? s : s.toLowerCase();
  }

  private validateRow(
    objName: string,
    fields: Map<string, Value>,
    isInsert: boolean,
    index: number,
    setByCaller?: Set<string>
  ): DmlError | null {
    void index;
    const obj = this.schema.object(objName)!;
    const missing: string[] = [];
    for (const f of obj.fields) {
      const key = f.name.toLowerCase();
      const v = fields.get(key);
      const blankValue = v === null || v === undefined || v === '';
      // a PermissionSetAssignment names a permission set or a permission set group (Object Reference)
      const alternative =
        objName === 'PermissionSetAssignment' && key === 'permissionsetid' && fields.get('permissionsetgroupid');
      if (
        isInsert &&
        f.requiredOnCreate &&
        blankValue &&
        f.defaultValue === undefined &&
        !f.defaultFormula &&
        !alternative
      ) {
        if (!(f.type === 'BOOLEAN')) missing.push(f.name);
        continue;
      }
      // an update that blanks a required field fails the same way
      if (!isInsert && blankValue && f.requiredOnCreate && f.type !== 'BOOLEAN' && setByCaller?.has(key)) {
        missing.push(f.name);
        continue;
      }
      if (v === null || v === undefined) continue;
      if (
        typeof v === 'string' &&
        f.length > 0 &&
        [
          'STRING',
          'TEXTAREA',
          'EMAIL',
          'PHONE',
          'URL',
          'PICKLIST',
          'MULTIPICKLIST',
          'ENCRYPTEDSTRING',
          'COMBOBOX'
        ].includes(f.type) &&
        v.length > f.length
      ) {
        return {
          code: 'STRING_TOO_LONG',
          message: `${f.label}: data value too large: ${v.length > 100 ? v.slice(0, 100) + '...' : v} (max length=${f.length})`,
          fields: [f.name]
        };
      }
      // a custom number holds precision - scale digits before the point (SOAP API, "Core Data Types"; the platform
      // answers NUMBER_OUTSIDE_VALID_RANGE). Standard fields are left: the catalogue's precisions are not all exact.
      const numeric = typeof v === 'number' ? v : v instanceof ApexDecimal ? v.v : null;
      if (
        numeric !== null &&
        f.custom &&
        !f.calculated &&
        ['DOUBLE', 'CURRENCY', 'PERCENT'].includes(f.type) &&
        f.precision > 0 &&
        Math.abs(roundDecimal(numeric, f.scale)) >= Math.pow(10, f.precision - f.scale)
      ) {
        return {
          code: 'NUMBER_OUTSIDE_VALID_RANGE',
          message: `${f.label}: value outside of valid range on numeric field: ${apexToString(v)}`,
          fields: [f.name]
        };
      }
      if (
        f.restrictedPicklist &&
        f.type === 'PICKLIST' &&
        typeof v === 'string' &&
        !f.picklistValues.some((p) => p.value === v)
      ) {
        return {
          code: 'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
          message: `${f.label}: bad value for restricted picklist field: ${v}`,
          fields: [f.name]
        };
      }
      if (f.type === 'REFERENCE' && typeof v === 'string' && f.name.toLowerCase() !== 'id') {
        if (!ID_PATTERN.test(v))
          return { code: 'MALFORMED_ID', message: `${f.label}: id value of incorrect type: ${v}`, fields: [f.name] };
        const target = this.db.byId(v);
        const polymorphicOk = ['ownerid', 'createdbyid', 'lastmodifiedbyid'].includes(key) && !target;
        if ((!target || target.deleted) && !polymorphicOk) {
          return { code: 'INVALID_CROSS_REFERENCE_KEY', message: `invalid cross reference id`, fields: [] };
        }
        if (
          target &&
          f.referenceTo.length > 0 &&
          !f.referenceTo.some((t) => t.toLowerCase() === target.object.toLowerCase())
        ) {
          return {
            code: 'FIELD_INTEGRITY_EXCEPTION',
            message: `${f.label}: id value of incorrect type: ${v}`,
            fields: [f.name]
          };
        }
      }
    }
    if (isInsert && objName === 'ContentVersion') missing.push(...this.missingFileParts(fields));
    if (missing.length > 0)
      return {
        code: 'REQUIRED_FIELD_MISSING',
        message: `Required fields are missing: [${missing.join(', ')}]`,
        fields: missing
      };
    return null;
  }

  /**
   * A new ContentVersion that is a file (not a link: no ContentUrl) needs its contents, VersionData or a
   * ContentBodyId, and a PathOnClient, which sets its FileType (Object Reference, ContentVersion: "FileType is
   * defined by either ContentUrl for links or PathOnClient for documents"). An empty Blob is no contents, as empty
   * text is no value; the platform answers `REQUIRED_FIELD_MISSING ... [VersionData]`.
   */
  private missingFileParts(fields: Map<string, Value>): string[] {
    if (fields.get('contenturl')) return [];
    const missing: string[] = [];
    if (!fields.get('pathonclient')) missing.push('PathOnClient');
    const data = fields.get('versiondata');
    const hasData = data instanceof ApexBlob ? data.bytes.length > 0 : !!data;
    if (!hasData && !fields.get('contentbodyid')) missing.push('VersionData');
    return missing;
  }

  private applyDefaults(objName: string, fields: Map<string, Value>, nowDt: ApexDatetime): void {
    const obj = this.schema.object(objName)!;
    for (const f of obj.fields) {
      const key = f.name.toLowerCase();
      const v = fields.get(key);
      if (v !== null && v !== undefined) continue;
      // auto numbers, custom (displayFormat from metadata) and standard (CaseNumber, OrderNumber: schema catalogue)
      if (f.autoNumber) {
        fields.set(key, this.db.nextAutoNumber(objName, f));
      } else if (f.defaultValue !== undefined)
        fields.set(
          key,
          storeValue(f, typeof f.defaultValue === 'number' ? ApexDecimal.of(f.defaultValue) : f.defaultValue)
        );
      else if (f.defaultFormula) {
        const dv = this.defaultFormula(f.defaultFormula);
        if (dv !== undefined) fields.set(key, storeValue(f, dv));
      } else if (f.type === 'BOOLEAN') fields.set(key, false);
      else if (f.picklistValues.some((p) => p.defaultValue) && f.type === 'PICKLIST')
        fields.set(key, f.picklistValues.find((p) => p.defaultValue)!.value);
    }
    // a line item takes its product from its price book entry (Object Reference: OrderItem.Product2Id,
    // OpportunityLineItem.Product2Id are read-only copies of PricebookEntry.Product2Id)
    if (fields.get('pricebookentryid') && !fields.get('product2id') && this.schema.field(objName, 'Product2Id')) {
      const entry = this.db.byId(fields.get('pricebookentryid') as string);
      if (entry) fields.set('product2id', entry.fields.get('product2id') ?? null);
    }
    fields.set('createddate', fields.get('createddate') ?? nowDt);
    fields.set('createdbyid', fields.get('createdbyid') ?? this.runningUserId);
    if (this.schema.field(objName, 'OwnerId') && !fields.get('ownerid')) fields.set('ownerid', this.runningUserId);
    if (this.schema.field(objName, 'IsDeleted')) fields.set('isdeleted', false);
  }

  private defaultFormula(formula: string): Value | undefined {
    const f = formula.trim();
    if (/^TODAY\(\)$/i.test(f)) return ApexDate.fromUtc(new Date(this.now()));
    if (/^NOW\(\)$/i.test(f)) return new ApexDatetime(this.now());
    if (/^\$User\.Id$/i.test(f)) return this.runningUserId;
    if (/^(true|false)$/i.test(f)) return f.toLowerCase() === 'true';
    if (/^-?\d+(\.\d+)?$/.test(f)) return ApexDecimal.parse(f);
    const str = /^"(.*)"$|^'(.*)'$/.exec(f);
    if (str) return str[1] ?? str[2];
    return undefined;
  }

  /** Compound names the platform derives: Contact/Lead/User Name from FirstName and LastName. */
  private computeNames(objName: string, fields: Map<string, Value>): void {
    const o = objName.toLowerCase();
    if (o === 'contact' || o === 'lead' || o === 'user') {
      const first = fields.get('firstname');
      const last = fields.get('lastname');
      fields.set('name', [first, last].filter((x) => x !== null && x !== undefined && x !== '').join(' '));
    }
  }

  private restrictedChildren(row: Row): string | null {
    for (const obj of this.db.objectsWithRows().map((o) => this.schema.object(o)!)) {
      for (const f of obj.fields) {
        if (f.type !== 'REFERENCE' || !f.restrictedDelete) continue;
        if (!f.referenceTo.some((t) => t.toLowerCase() === row.object.toLowerCase())) continue;
        if (this.db.rows(obj.describe.name).some((r) => !r.deleted && r.fields.get(f.name.toLowerCase()) === row.id))
          return obj.describe.label;
      }
    }
    return null;
  }

  /**
   * Deletes a row and what hangs off it: detail records, cascade lookups and the standard children the platform
   * deletes with their parent (STANDARD_CASCADES) are deleted with it; a custom lookup with the default delete
   * constraint is cleared (Metadata API, CustomField.deleteConstraint: "SetNull"). Other standard lookups keep their
   * value: what the platform does with them is not in the catalogue.
   */
  private deleteCascade(row: Row): void {
    this.db.touch(row);
    row.deleted = true;
    row.fields.set('isdeleted', true);
    for (const obj of this.db.objectsWithRows().map((o) => this.schema.object(o)!)) {
      for (const f of obj.fields) {
        if (f.type !== 'REFERENCE' || f.restrictedDelete) continue;
        // a polymorphic standard field (Task.WhatId) may not list its targets in the catalogue: the Id decides
        const standardCascade = STANDARD_CASCADES.has(`${obj.describe.name}.${f.name}`.toLowerCase());
        if (!standardCascade && !f.referenceTo.some((t) => t.toLowerCase() === row.object.toLowerCase())) continue;
        const cascade = f.cascadeDelete || standardCascade;
        if (!cascade && !f.custom) continue;
        for (const child of this.db.rows(obj.describe.name)) {
          if (child.deleted || child.fields.get(f.name.toLowerCase()) !== row.id) continue;
          if (cascade) this.deleteCascade(child);
          else {
            this.db.touch(child);
            child.fields.set(f.name.toLowerCase(), null);
          }
        }
      }
    }
  }

  /**
   * Formula.recalculateFormulas(records) (Apex Reference, "Formula Class"): sets each record's formula fields from
   * its values in memory (parents are read from the database) and returns one FormulaRecalcResult per record.
   */
  private recalculateFormulas(records: Value, line: number): ApexList {
    const results = (records instanceof ApexList ? records.items : []).map((rec) => {
      if (!(rec instanceof SObjectValue))
        throw this.interp.unsupported('Formula.recalculateFormulas of a non-record', line);
      const row: Row = {
        id: String(rec.get('Id') ?? ''),
        object: rec.type,
        fields: new Map([...rec.fields].map(([k, slot]) => [k, slot.value])),
        deleted: false
      };
      for (const f of this.schema.object(rec.type)?.fields ?? []) {
        if (!f.calculated || !f.formula) continue;
        try {
          rec.set(f.name, this.formulaValue(row, f, 0));
        } catch (e) {
          if (e instanceof FormulaUnsupported)
            throw this.interp.unsupported(`formula of ${f.name}: ${e.message}`, line);
          throw e;
        }
      }
      return new NativeObject('formularecalcresult', { success: true });
    });
    return new ApexList({ n: 'FormulaRecalcResult' }, results);
  }

  rowToSObject(row: Row | undefined): SObjectValue {
    if (!row) return new SObjectValue('SObject');
    const rec = new SObjectValue(row.object);
    for (const [k, v] of row.fields) {
      const f = this.schema.field(row.object, k);
      rec.fields.set(k, { name: f?.name ?? k, value: v });
    }
    for (const f of this.schema.object(row.object)?.fields ?? []) {
      if (!f.calculated || !f.formula) continue;
      try {
        rec.fields.set(f.name.toLowerCase(), { name: f.name, value: this.formulaValue(row, f, 0) });
      } catch (e) {
        if (!(e instanceof FormulaUnsupported)) throw e;
      }
    }
    return rec;
  }

  flowRunner: FlowRunner | null = null;

  /** the project's flow files by lower-case API name (runner/project.ts), for flows run from Apex */
  flowFiles = new Map<string, string>();

  setFlows(flows: RecordFlow[]): void {
    this.flowRunner = flows.length > 0 ? new FlowRunner(this, flows) : null;
  }

  /** A field path (`Status`, `Account.Name`) read on an SObject, following parents through the database. */
  recordPath(rec: SObjectValue, parts: string[]): Value {
    if (parts.length === 1) {
      const f = this.schema.field(rec.type, parts[0]);
      if (f && f.calculated && f.formula && rec.get('Id')) {
        const row = this.db.byId(rec.get('Id') as string);
        if (row) return this.fieldValue(row, f);
      }
      return rec.get(parts[0]);
    }
    const rel = this.schema.parentRelationship(rec.type, parts[0]);
    if (!rel) throw new FormulaUnsupported(`reference ${parts.join('.')}`);
    const nested = rec.get(parts[0]);
    if (nested instanceof SObjectValue) return this.recordPath(nested, parts.slice(1));
    const row = this.db.byId(rec.get(rel.field.name) as string);
    return row ? this.recordPath(this.rowToSObject(row), parts.slice(1)) : null;
  }

  /** A field's value on a row, computing formula fields (FormulaUnsupported for functions not implemented). */
  fieldValue(row: Row, f: FieldDescribe, depth = 0): Value {
    if (f.calculated && f.formula) return this.formulaValue(row, f, depth);
    const v = row.fields.get(f.name.toLowerCase());
    return v === undefined ? null : v;
  }

  private formulaValue(row: Row, f: FieldDescribe, depth: number): Value {
    if (depth > 10) throw new FormulaUnsupported(`formula depth in ${f.name}`);
    const v = evaluateFormula(f.formula!, (parts) => {
      let current: Row | undefined = row;
      for (let i = 0; i < parts.length - 1 && current; i++) {
        const rel = this.schema.parentRelationship(current.object, parts[i]);
        if (!rel) throw new FormulaUnsupported(`formula reference ${parts.join('.')}`);
        const id = current.fields.get(rel.field.name.toLowerCase()) as string | null;
        current = id ? this.db.byId(id) : undefined;
      }
      if (!current) return null;
      const field = this.schema.field(current.object, parts[parts.length - 1]);
      if (!field) throw new FormulaUnsupported(`formula reference ${parts.join('.')}`);
      return this.fieldValue(current, field, depth + 1);
    });
    if (v instanceof ApexDecimal && (f.apexType === 'Decimal' || f.apexType === 'Double'))
      return new ApexDecimal(v.v, f.scale || v.scale);
    return v;
  }

  fireTriggers(
    object: string,
    event: string,
    isBefore: boolean,
    newList: ApexList | null,
    oldList: ApexList | null,
    line: number
  ): void {
    const list = this.triggers.get(object.toLowerCase());
    if (!list) return;
    const key = `${isBefore ? 'before' : 'after'} ${event}`;
    for (const t of list) {
      if (!t.decl.events.includes(key)) continue;
      if (this.triggerStack.length > 16)
        throw this.host.exception('System.LimitException', 'Maximum trigger depth exceeded', line);
      this.triggerStack.push({ event, isBefore, newList, oldList, object });
      // Apex Developer Guide, "Context Variable Considerations": trigger.new of an after trigger is saved already
      // and trigger.old is never writable ("A runtime error is thrown")
      const locked = [...(isBefore ? [] : (newList?.items ?? [])), ...(oldList?.items ?? [])].filter(
        (r): r is SObjectValue => r instanceof SObjectValue && !this.readOnlyRecords.has(r)
      );
      locked.forEach((r) => this.readOnlyRecords.add(r));
      try {
        this.interp.withFrame({ cls: t.cls, thisObj: null, method: t.decl.name, line: t.decl.line }, () => {
          this.interp.runBlock(t.decl.body as Block, new Map());
        });
      } catch (e) {
        const exc = e instanceof ApexThrown ? e.exception : null;
        const uncatchable =
          exc && (exc.cls.lname === 'system.limitexception' || exc.cls.lname === 'system.assertexception');
        if (!exc || uncatchable) throw e;
        const phase = `${isBefore ? 'Before' : 'After'}${event.charAt(0).toUpperCase()}${event.slice(1)}`;
        throw new TriggerFailure(
          `${t.decl.name}: execution of ${phase}\n\ncaused by: ${exc.cls.name}: ${exc.exception?.message ?? ''}\n\n${exc.exception?.stack ?? ''}`
        );
      } finally {
        this.triggerStack.pop();
        locked.forEach((r) => this.readOnlyRecords.delete(r));
      }
    }
  }

  // ---- runAs and security ----

  runAs(user: Value, body: () => void, line: number): void {
    if (!(user instanceof SObjectValue)) throw this.interp.unsupported('System.runAs with a non-User argument', line);
    const savedKinds = this.dmlKinds;
    this.dmlKinds = new Set();
    // runAs with a new User creates that user (Apex Developer Guide, "Using the runAs Method": "change the user
    // context to an existing user or a new user"; "You can create new users with runAs"); its DML is runAs's own
    if (!user.get('Id') && user.type.toLowerCase() === 'user') {
      try {
        this.dml('insert', user, true, line);
      } catch (e) {
        this.dmlKinds = savedKinds;
        throw e;
      }
      this.dmlKinds = new Set();
    } else {
      // "Every call to runAs counts against the total number of DML statements issued in the process" (same page);
      // for a new user the insert above is that statement
      this.limits.dmlStatements++;
      if (this.limits.dmlStatements > 150) {
        this.dmlKinds = savedKinds;
        throw this.host.exception(
          'System.LimitException',
          `Too many DML statements: ${this.limits.dmlStatements}`,
          line
        );
      }
    }
    const id = user.get('Id') as string | null;
    if (!id) {
      this.dmlKinds = savedKinds;
      throw this.interp.unsupported(`System.runAs with a ${user.type} without Id`, line);
    }
    const saved = this.runningUserId;
    this.runningUserId = id;
    this.runAsDepth++;
    try {
      body();
    } finally {
      this.runningUserId = saved;
      this.runAsDepth--;
      this.dmlKinds = savedKinds;
    }
  }

  /** The running user sees every record (the test's admin, or View All Data). */
  seesAllData(): boolean {
    if (this.runningUserId === this.adminUserId || !this.security) return true;
    return this.userAccess().hasUserPermission('ViewAllData');
  }

  /**
   * Record visibility under sharing: Files through ownership and ContentDocumentLink; objects with a Private
   * organization-wide default through ownership or View All (Salesforce Help, "Sharing Settings"; Object Reference,
   * ContentDocumentLink). Sharing rules, roles and manual shares are not emulated.
   */
  isVisible(row: Row): boolean {
    const user = this.runningUserId;
    const o = row.object.toLowerCase();
    if (o === 'contentversion' || o === 'contentdocumentlink') {
      const doc = this.db.byId(row.fields.get('contentdocumentid') as string);
      return !doc || this.isVisible(doc);
    }
    if (o === 'contentdocument') {
      if (row.fields.get('ownerid') === user) return true;
      return this.db.rows('ContentDocumentLink').some((l) => {
        if (l.deleted || l.fields.get('contentdocumentid') !== row.id) return false;
        const target = String(l.fields.get('linkedentityid') ?? '');
        // a link to the user, or to a record (records' own visibility is not checked here)
        return target === user || (target !== '' && this.schema.objectOfId(target)?.describe.name !== 'User');
      });
    }
    const model = this.schema.object(row.object)?.describe.sharingModel;
    if (model !== 'Private') return true;
    if (row.fields.get('ownerid') === user) return true;
    const oa = this.userAccess().object(row.object);
    return oa.viewAll || oa.modifyAll;
  }

  /** UserAccess per user, dropped whenever setup data (assignments, permission sets) changes */
  private accessCache = new Map<string, UserAccess>();

  userAccess(): UserAccess {
    const cached = this.accessCache.get(this.runningUserId);
    if (cached) return cached;
    const access = this.computeUserAccess();
    this.accessCache.set(this.runningUserId, access);
    return access;
  }

  private computeUserAccess(): UserAccess {
    if (!this.security) throw new Error('no security model');
    const user = this.db.byId(this.runningUserId);
    const profileRow = this.db.byId(user?.fields.get('profileid') as string);
    const profile = (profileRow?.fields.get('name') as string) ?? 'System Administrator';
    const permissionSets: string[] = [];
    const groups: string[] = [];
    const runtimeGroups: PermissionGrants[] = [];
    for (const a of this.db.rows('PermissionSetAssignment')) {
      if (a.deleted || a.fields.get('assigneeid') !== this.runningUserId) continue;
      const ps = this.db.byId(a.fields.get('permissionsetid') as string);
      if (ps) permissionSets.push(ps.fields.get('name') as string);
      const psg = this.db.byId(a.fields.get('permissionsetgroupid') as string);
      if (!psg) continue;
      const groupName = psg.fields.get('developername') as string;
      groups.push(groupName);
      // components a test added (PermissionSetGroupComponent) join the group's metadata grants
      const added = this.db
        .rows('PermissionSetGroupComponent')
        .filter((c) => !c.deleted && c.fields.get('permissionsetgroupid') === psg.id)
        .map((c) =>
          this.security!.grant(
            String(this.db.byId(c.fields.get('permissionsetid') as string)?.fields.get('name') ?? '')
          )
        )
        .filter((g): g is PermissionGrants => !!g);
      if (added.length > 0) {
        const own = this.security.grant(groupName);
        runtimeGroups.push(groupOfPermissionSets(groupName, own ? [own, ...added] : added, own?.label));
      }
    }
    const known = permissionSets.filter((n) => this.security!.grant(n));
    const base = this.security.accessFor(
      { profile, permissionSets: known, permissionSetGroups: groups },
      runtimeGroups
    );
    // permission sets a test created with DML: their ObjectPermissions/FieldPermissions rows are the grants
    const createdIds = new Set(
      this.db
        .rows('PermissionSetAssignment')
        .filter((a) => !a.deleted && a.fields.get('assigneeid') === this.runningUserId)
        .map((a) => a.fields.get('permissionsetid') as string)
        .filter((id) => {
          const ps = this.db.byId(id);
          return ps && !this.security!.grant(String(ps.fields.get('name')));
        })
    );
    if (createdIds.size === 0) return base;
    const objRows = this.db
      .rows('ObjectPermissions')
      .filter((r) => !r.deleted && createdIds.has(r.fields.get('parentid') as string));
    const fieldRows = this.db
      .rows('FieldPermissions')
      .filter((r) => !r.deleted && createdIds.has(r.fields.get('parentid') as string));
    const psRows = [...createdIds].map((id) => this.db.byId(id)!);
    const flag = (r: Row, f: string): boolean => r.fields.get(f.toLowerCase()) === true;
    return {
      unknownGrants: base.unknownGrants,
      object: (o: string) => {
        const b = { ...base.object(o) };
        for (const r of objRows) {
          if (String(r.fields.get('sobjecttype')).toLowerCase() !== o.toLowerCase()) continue;
          b.read = b.read || flag(r, 'PermissionsRead');
          b.create = b.create || flag(r, 'PermissionsCreate');
          b.edit = b.edit || flag(r, 'PermissionsEdit');
          b.delete = b.delete || flag(r, 'PermissionsDelete');
          b.viewAll = b.viewAll || flag(r, 'PermissionsViewAllRecords');
          b.modifyAll = b.modifyAll || flag(r, 'PermissionsModifyAllRecords');
        }
        return b;
      },
      field: (o: string, f: string) => {
        const b = { ...base.field(o, f) };
        for (const r of fieldRows) {
          if (String(r.fields.get('field')).toLowerCase() !== `${o}.${f}`.toLowerCase()) continue;
          b.read = b.read || flag(r, 'PermissionsRead');
          b.edit = b.edit || flag(r, 'PermissionsEdit');
        }
        return b;
      },
      canRunClass: (c: string) => base.canRunClass(c),
      hasUserPermission: (p: string) => base.hasUserPermission(p) || psRows.some((r) => flag(r, `Permissions${p}`)),
      hasCustomPermission: (p: string) => base.hasCustomPermission(p)
    };
  }

  // ---- statics of the platform ----

  callStatic(typePath: string, method: string, args: Value[], line: number): Value {
    const t = typePath.toLowerCase().replace(/^system\./, '');
    const m = method.toLowerCase();
    // BusinessHours and Approval are also names of standard objects: their static methods come first (and Invocable's)
    const special =
      t === 'businesshours'
        ? businessHoursStatic(this, m, args, line)
        : t === 'approval'
          ? approvalStatic(this, m, args, line)
          : t === 'invocable.action'
            ? invocableStatic(this, m, args, line)
            : t === 'flow.interview'
              ? flowInterviewStatic(this, m, args, line)
              : t === 'formula' && m === 'recalculateformulas'
                ? this.recalculateFormulas(args[0], line)
                : t === 'messaging' && m === 'sendemail'
                  ? sendEmail(this, args, line)
                  : t === 'messaging' && m === 'reservesingleemailcapacity'
                    ? null
                    : undefined;
    if (special !== undefined) return special;
    const sobj = this.sobjectName(typePath);
    if (sobj) return this.sobjectStatic(sobj, m, args, line);
    // Connect in Apex needs org data: in a data-siloed test it throws (Apex Developer Guide, "Testing ConnectApi Code")
    if (t.startsWith('connectapi.') && this.seeAllData)
      throw this.interp.unsupported(`ConnectApi (${typePath}.${method}) with SeeAllData=true`, line);
    if (t.startsWith('connectapi.') && this.inTest && !m.startsWith('settest')) {
      throw this.host.exception(
        'System.UnsupportedOperationException',
        'ConnectApi methods are not supported in data siloed tests. Please use @IsTest(SeeAllData=true).',
        line
      );
    }
    switch (t) {
      case 'test':
        return this.testStatic(m, args, line);
      case 'system':
        return this.systemStatic(m, args, line);
      case 'database':
        return this.databaseStatic(m, args, line);
      case 'limits':
        return this.limitsStatic(m, line);
      case 'userinfo':
        return this.userInfoStatic(m, line);
      case 'json':
        if (m === 'serialize' || m === 'serializepretty')
          return jsonSerialize(this, args[0], m === 'serializepretty', args[1] === true);
        if (m === 'deserialize' || m === 'deserializestrict')
          return jsonDeserialize(this, args[0] as string, args[1] as TypeValue, line);
        if (m === 'deserializeuntyped') return jsonDeserializeUntyped(this, args[0] as string, line);
        if (m === 'creategenerator')
          return new NativeObject('jsongenerator', { gen: new JsonGenerator(this, args[0] === true) });
        break;
      case 'type':
        if (m === 'forname') {
          const name = (args.length === 2 ? args[1] : args[0]) as string;
          const generic = /^\s*(List|Set|Map)\s*</i.exec(name);
          if (generic) return new TypeValue(name.replace(/\s+/g, ''), parseTypeName(name.replace(/\s+/g, '')));
          const cls = this.interp.resolveClass(name, null);
          if (cls) return new TypeValue(cls.name);
          const sobj = this.sobjectName(name);
          if (sobj) return new TypeValue(sobj);
          return null;
        }
        break;
      case 'schema':
        if (m === 'getglobaldescribe') {
          const map = new ApexMap({ n: 'String' }, { n: 'Schema.SObjectType' });
          map.caseInsensitive = true;
          for (const o of this.schema.objects())
            this.interp.mapPut(map, o.describe.name.toLowerCase(), this.host.sobjectTypeToken(o.describe.name));
          return map;
        }
        if (m === 'describesobjects') {
          return new ApexList(
            { n: 'Schema.DescribeSObjectResult' },
            (args[0] as ApexList).items.map((n: string) => {
              const name = this.sobjectName(n);
              if (!name)
                throw this.host.exception(
                  'System.InvalidParameterValueException',
                  `In describeSObjects(), the provided type name ${n} is invalid`,
                  line
                );
              return new NativeObject('describesobject', { name });
            })
          );
        }
        break;
      case 'crypto':
        if (m === 'getrandominteger') return (Math.random() * 4294967296) | 0;
        if (m === 'getrandomlong') return Math.floor(Math.random() * Number.MAX_SAFE_INTEGER);
        if (m === 'generatedigest')
          return new ApexBlob(
            createHash(String(args[0]).toLowerCase().replace('-', ''))
              .update((args[1] as ApexBlob).bytes)
              .digest()
          );
        if (m === 'generateaeskey') return new ApexBlob(randomBytes(numberOf(args[0]) / 8));
        // Crypto Class: AES128/192/256 in CBC mode with PKCS5 padding; managed IV = the IV prepended to the data
        if (m === 'encryptwithmanagediv' || m === 'decryptwithmanagediv' || m === 'encrypt' || m === 'decrypt') {
          const alg = String(args[0])
            .toLowerCase()
            .replace(/^aes(\d+)$/, 'aes-$1-cbc');
          const key = (args[1] as ApexBlob).bytes;
          const managed = m.endsWith('managediv');
          const data = (args[managed ? 2 : 3] as ApexBlob).bytes;
          if (m.startsWith('encrypt')) {
            const iv = managed ? randomBytes(16) : (args[2] as ApexBlob).bytes;
            const c = createCipheriv(alg, key, iv);
            const out = Buffer.concat([c.update(data), c.final()]);
            return new ApexBlob(managed ? Buffer.concat([iv, out]) : out);
          }
          const iv = managed ? data.subarray(0, 16) : (args[2] as ApexBlob).bytes;
          const body = managed ? data.subarray(16) : data;
          const d = createDecipheriv(alg, key, iv);
          return new ApexBlob(Buffer.concat([d.update(body), d.final()]));
        }
        if (m === 'generatemac') {
          const alg = String(args[0]).toLowerCase().replace(/^hmac/, '');
          return new ApexBlob(
            createHmac(alg, (args[2] as ApexBlob).bytes)
              .update((args[1] as ApexBlob).bytes)
              .digest()
          );
        }
        // RSA-SHA1/256/384/512 with a PKCS#8 private key and an X.509 public key, both DER (Crypto Class)
        if (m === 'sign') {
          const hash = String(args[0]).toLowerCase().replace(/^rsa-/, '');
          return new ApexBlob(
            cryptoSign(hash, (args[1] as ApexBlob).bytes, {
              key: (args[2] as ApexBlob).bytes,
              format: 'der',
              type: 'pkcs8'
            })
          );
        }
        if (m === 'verify') {
          const hash = String(args[0]).toLowerCase().replace(/^rsa-/, '');
          return cryptoVerify(
            hash,
            (args[1] as ApexBlob).bytes,
            { key: (args[3] as ApexBlob).bytes, format: 'der', type: 'spki' },
            (args[2] as ApexBlob).bytes
          );
        }
        if (m === 'verifyhmac') {
          const alg = String(args[0]).toLowerCase().replace(/^hmac/, '');
          const mac = createHmac(alg, (args[2] as ApexBlob).bytes)
            .update((args[1] as ApexBlob).bytes)
            .digest();
          return mac.equals((args[3] as ApexBlob).bytes);
        }
        break;
      case 'encodingutil':
        if (m === 'base64encode') return (args[0] as ApexBlob).bytes.toString('base64');
        if (m === 'base64decode') return new ApexBlob(Buffer.from(args[0] as string, 'base64'));
        if (m === 'converttohex') return (args[0] as ApexBlob).bytes.toString('hex');
        if (m === 'convertfromhex') return new ApexBlob(Buffer.from(String(args[0]), 'hex'));
        if (m === 'urlencode') return encodeURIComponent(args[0] as string).replace(/%20/g, '+');
        if (m === 'urldecode') return decodeURIComponent((args[0] as string).replace(/\+/g, ' '));
        break;
      case 'trigger':
        break;
      case 'eventbus':
        if (m === 'publish') return this.publishEvents(args[0], line, args[1] ?? undefined);
        break;
      case 'security':
        if (m === 'stripinaccessible') return this.stripInaccessible(args, line);
        break;
      case 'featuremanagement':
        if (m === 'checkpermission')
          return this.security ? this.userAccess().hasCustomPermission(args[0] as string) : false;
        break;
      case 'pattern':
        if (m === 'matches') return new RegExp(`^(?:${args[0]})$`).test(args[1] as string);
        if (m === 'compile') return new NativeObject('pattern', { source: args[0] });
        if (m === 'quote') return (args[0] as string).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        break;
      case 'url':
        if (m === 'getorgdomainurl' || m === 'getsalesforcebaseurl')
          return new NativeObject('url', { url: 'https://apex-runtime.my.salesforce.com' });
        break;
      case 'request':
        if (m === 'getcurrent') return new NativeObject('request', {});
        break;
      case 'cache.org':
      case 'cache.session': {
        const scope = t === 'cache.org' ? 'org' : 'session';
        if (m === 'getpartition') return this.cachePartition(scope, String(args[0]));
        // Cache.Org.get/put/contains/remove(key): the key may name its partition (ns.partition.key)
        const key = String(args[args.length === 2 && args[0] instanceof TypeValue ? 1 : 0]);
        const parts = key.split('.');
        const partition = this.cachePartition(scope, parts.length >= 3 ? parts.slice(0, 2).join('.') : 'local.default');
        const shortKey = parts.length >= 3 ? parts.slice(2).join('.') : key;
        const rest =
          args.length === 2 && args[0] instanceof TypeValue ? [args[0], shortKey] : [shortKey, ...args.slice(1)];
        return this.cacheMethod(partition, m, rest, line);
      }
      case 'uuid':
        if (m === 'randomuuid') return new NativeObject('uuid', { value: randomUUID() });
        if (m === 'fromstring') {
          if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(String(args[0]))) {
            throw this.host.exception('System.IllegalArgumentException', `Invalid UUID string: ${args[0]}`, line);
          }
          return new NativeObject('uuid', { value: String(args[0]).toLowerCase() });
        }
        break;
      case 'blob':
        if (m === 'topdf') throw this.interp.unsupported('Blob.toPdf', line);
        break;
    }
    throw this.interp.unsupported(`method ${typePath}.${method}`, line);
  }

  /** Custom metadata (getAll, getInstance) and custom setting (getOrgDefaults, getInstance, getValues) statics. */
  private sobjectStatic(object: string, m: string, a: Value[], line: number): Value {
    // Apex Reference, "Network Class": with the user in the internal org (a test never runs inside an Experience
    // Cloud site) these return null. The System class wins over the Network SObject of the same name.
    if (object === 'Network' && ['communitieslanding', 'forwardtoauthpage', 'getnetworkid'].includes(m)) return null;
    const schemaObj = this.schema.object(object)!;
    if (m === 'getsobjecttype') return this.host.sobjectTypeToken(schemaObj.describe.name);
    const rows = this.db.rows(object).filter((r) => !r.deleted);
    const kind = schemaObj.describe.kind;
    if (kind === 'customMetadata') {
      const byName = (name: string): Row | undefined =>
        rows.find((r) => String(r.fields.get('developername')).toLowerCase() === name.toLowerCase());
      if (m === 'getall') {
        const map = new ApexMap({ n: 'String' }, { n: object });
        for (const r of rows) this.interp.mapPut(map, r.fields.get('developername'), this.rowToSObject(r));
        return map;
      }
      if (m === 'getinstance') {
        const r = byName(String(a[0]));
        return r ? this.rowToSObject(r) : null;
      }
    }
    if (kind === 'customSetting' && schemaObj.describe.customSettingType === 'Hierarchy') {
      const setting = this.hierarchySetting(schemaObj, rows, m, a);
      if (setting !== NOT_FOUND) return setting;
    }
    // list custom settings: one data set per name (hierarchy settings are answered above)
    if (kind === 'customSetting') {
      if (m === 'getvalues' || m === 'getinstance') {
        const key = String(a[0]);
        const r = rows.find((x) => x.fields.get('name') === key);
        return r ? this.rowToSObject(r) : m === 'getinstance' ? new SObjectValue(schemaObj.describe.name) : null;
      }
      if (m === 'getall') {
        const map = new ApexMap({ n: 'String' }, { n: object });
        for (const r of rows) this.interp.mapPut(map, r.fields.get('name'), this.rowToSObject(r));
        return map;
      }
    }
    throw this.interp.unsupported(`method ${object}.${m}`, line);
  }

  /** The org's Id (its Organization row's, or a fixed one when the catalogue has no Organization object). */
  private organizationId(): string {
    return this.db.rows('Organization')[0]?.id ?? to18('00D000000000001');
  }

  /**
   * Apex Reference, "Hierarchy Custom Setting Methods": getOrgDefaults() and getValues(userOrProfileId) return one
   * level's record (the org's: an empty object without one; another level's: null without one); getInstance() and
   * getInstance(userOrProfileId) return that level's record with its empty fields merged from the levels above
   * (user, then profile, then organization), or a new object (Id null) holding the merged fields.
   */
  private hierarchySetting(schemaObj: SObjectSchema, rows: Row[], m: string, a: Value[]): Value | typeof NOT_FOUND {
    const object = schemaObj.describe.name;
    const orgId = this.organizationId();
    const levelOf = (ownerId: Value): Row | undefined =>
      ownerId
        ? rows.find((r) => to18(String(r.fields.get('setupownerid') ?? '')) === to18(String(ownerId)))
        : undefined;
    const record = (row: Row | undefined): SObjectValue | null => (row ? this.rowToSObject(row) : null);
    if (m === 'getorgdefaults') return record(levelOf(orgId)) ?? new SObjectValue(object);
    if (m === 'getvalues') return record(levelOf(a[0]));
    if (m !== 'getinstance') return NOT_FOUND;
    const requested = a.length > 0 && a[0] !== null ? to18(String(a[0])) : this.runningUserId;
    const chain: Value[] = [requested];
    if (requested.startsWith('005')) chain.push(this.db.byId(requested)?.fields.get('profileid') ?? null);
    if (!requested.startsWith('00D')) chain.push(orgId);
    const levels = chain.map(levelOf);
    const merged = record(levels[0]) ?? new SObjectValue(object);
    for (const field of schemaObj.fields.filter((f) => f.custom)) {
      if (merged.get(field.name) !== null) continue;
      const above = levels.slice(1).find((row) => (row?.fields.get(field.name.toLowerCase()) ?? null) !== null);
      if (above) merged.set(field.name, above.fields.get(field.name.toLowerCase()) ?? null);
    }
    return merged;
  }

  private testStatic(m: string, a: Value[], line: number): Value {
    switch (m) {
      case 'isrunningtest':
        return this.inTest;
      case 'starttest':
        if (this.testStarted) throw this.host.exception('System.FinalException', 'Testing already started', line);
        this.testStarted = true;
        this.limits = freshLimits();
        return null;
      case 'stoptest':
        if (!this.testStarted) throw this.host.exception('System.FinalException', 'Testing has not started', line);
        if (this.testStopped) throw this.host.exception('System.FinalException', 'Testing already stopped', line);
        this.testStopped = true;
        this.runAsync(line);
        this.deliverEvents(line);
        this.limits = freshLimits();
        return null;
      case 'getstandardpricebookid': {
        const pb = this.db.rows('Pricebook2').find((r) => r.fields.get('isstandard') === true);
        if (!pb) throw this.interp.unsupported('Test.getStandardPricebookId without Pricebook2 in the schema', line);
        return pb.id;
      }
      case 'setmock':
        this.mocks.set(String(a[0]).toLowerCase(), a[1]);
        return null;
      case 'geteventbus':
        return new NativeObject('testbroker', {});
      case 'loaddata':
        return loadData(this, a[0], a[1], line);
      case 'setcreateddate':
        return setCreatedDate(this, a[0], a[1], line);
      case 'setfixedsearchresults':
        this.fixedSearchResults = a[0] instanceof ApexList ? [...a[0].items] : [];
        return null;
      case 'enqueuebatchjobs':
      case 'getflexqueueorder':
        throw this.interp.unsupported(`Test.${m}`, line);
      case 'setcurrentpage':
      case 'setcurrentpagereference':
        throw this.interp.unsupported('Test.setCurrentPage (Visualforce)', line);
      case 'createstub': {
        // Test.createStub(Type, StubProvider): every method call on the stub goes to handleMethodCall
        const cls = this.interp.resolveClass((a[0] as TypeValue).name, null);
        if (!cls) throw this.interp.unsupported(`Test.createStub of ${(a[0] as TypeValue).name}`, line);
        const stub = new ApexObject(cls);
        stub.native = { stubProvider: a[1] };
        return stub;
      }
      case 'setreadonlyapplicationmode':
      case 'calculatepermissionsetgroup':
        return null;
    }
    throw this.interp.unsupported(`Test.${m}`, line);
  }

  private systemStatic(m: string, a: Value[], line: number): Value {
    switch (m) {
      case 'enqueuejob': {
        this.limits.queueableJobs++;
        if (this.limits.queueableJobs > this.queueableJobLimit())
          throw this.host.exception(
            'System.LimitException',
            `Too many queueable jobs added to the queue: ${this.limits.queueableJobs}`,
            line
          );
        const job = a[0] as ApexObject;
        const jobId = this.insertAsyncJob('Queueable', job.cls.name);
        this.enqueue(
          {
            kind: 'queueable',
            jobId,
            run: () => this.interp.callMethodOn(job, 'execute', [new NativeObject('queueablecontext', { jobId })], line)
          },
          line
        );
        return jobId;
      }
      case 'schedule': {
        const job = a[2] as ApexObject;
        const cronId = this.insertCron(String(a[0]), String(a[1]));
        this.enqueue(
          {
            kind: 'schedule',
            jobId: cronId,
            run: () =>
              this.interp.callMethodOn(
                job,
                'execute',
                [new NativeObject('schedulablecontext', { triggerId: cronId })],
                line
              )
          },
          line
        );
        return cronId;
      }
      case 'abortjob': {
        const row = this.db.byId(a[0] as string);
        if (row) row.fields.set('state', 'DELETED');
        this.asyncQueue = this.asyncQueue.filter((j) => j.jobId !== a[0]);
        return null;
      }
      case 'schedulebatch':
        throw this.interp.unsupported('System.scheduleBatch', line);
      case 'runas':
        throw this.interp.unsupported('System.runAs as an expression', line);
      case 'getquiddity':
        return this.quiddity(line);
      case 'attachfinalizer': {
        const job = this.runningAsync[this.runningAsync.length - 1];
        if (!job || typeof job === 'string' || job.kind !== 'queueable')
          throw this.interp.unsupported('System.attachFinalizer outside a Queueable job', line);
        // "Only one finalizer instance can be attached to any Queueable job"; the error for a second is not documented
        if (job.finalizer) throw this.interp.unsupported('a second System.attachFinalizer in one Queueable job', line);
        job.finalizer = a[0] as ApexObject;
        return null;
      }
      case 'purgeoldasyncjobs':
        return 0;
    }
    throw this.interp.unsupported(`System.${m}`, line);
  }

  /**
   * An @future call: counted against 50 per transaction ("Too many future calls") and run at Test.stopTest() in its own
   * transaction. A future or batch transaction may not call one; the platform's error text is not documented.
   */
  enqueueFuture(name: string, run: () => void, line: number): void {
    const running = this.runningAsync[this.runningAsync.length - 1];
    if (running === 'batchchunk' || (running && running !== 'finalizer' && ['future', 'batch'].includes(running.kind)))
      throw this.interp.unsupported('an @future call from a future or batch transaction', line);
    this.limits.futureCalls++;
    if (this.limits.futureCalls > 50)
      throw this.host.exception('System.LimitException', `Too many future calls: ${this.limits.futureCalls}`, line);
    this.enqueue({ kind: 'future', jobId: this.insertAsyncJob('Future', name), run }, line);
  }

  private insertAsyncJob(jobType: string, className: string): string {
    const schemaObj = this.schema.object('AsyncApexJob');
    if (!schemaObj) return to18('707000000000000');
    const id = this.db.newId(schemaObj);
    const fields = new Map<string, Value>([
      ['id', id],
      ['jobtype', jobType],
      ['status', 'Queued'],
      ['createddate', new ApexDatetime(this.now())],
      ['createdbyid', this.runningUserId],
      ['jobitemsprocessed', 0],
      ['totaljobitems', 0],
      ['numberoferrors', 0]
    ]);
    const classId = this.classIds.get(className.split('.')[0].toLowerCase());
    if (classId) fields.set('apexclassid', classId);
    this.db.put({ id, object: schemaObj.describe.name, fields, deleted: false });
    return id;
  }

  private insertCron(name: string, expression: string): string {
    const nextFire = nextFireTime(expression, this.now());
    const cron = this.schema.object('CronTrigger');
    if (!cron) return to18('08e000000000000');
    const id = this.db.newId(cron);
    let detailId: string | null = null;
    const detail = this.schema.object('CronJobDetail');
    if (detail) {
      detailId = this.db.newId(detail);
      this.db.put({
        id: detailId,
        object: detail.describe.name,
        fields: new Map<string, Value>([
          ['id', detailId],
          ['name', name],
          ['jobtype', '7']
        ]),
        deleted: false
      });
    }
    this.db.put({
      id,
      object: cron.describe.name,
      fields: new Map<string, Value>([
        ['id', id],
        ['cronexpression', expression],
        ['cronjobdetailid', detailId],
        ['state', 'WAITING'],
        ['timestriggered', 0],
        ['nextfiretime', nextFire === null ? null : new ApexDatetime(nextFire)],
        ['createddate', new ApexDatetime(this.now())]
      ]),
      deleted: false
    });
    return id;
  }

  private enqueue(job: AsyncJob, line: number): void {
    // outside Test.startTest/stopTest, queued work of a test never runs (it would run after the test's transaction)
    void line;
    this.limits.pendingWork = true;
    this.asyncQueue.push(job);
  }

  /** Runs queued async work as Test.stopTest() does: each job in its own limits; jobs queued by jobs run too. */
  runAsync(line: number): void {
    let guard = 0;
    while (this.asyncQueue.length > 0 && guard++ < 50) {
      const job = this.asyncQueue.shift()!;
      this.asyncDepth++;
      try {
        const unhandled = this.runAsyncJob(job);
        if (job.finalizer) this.runFinalizer(job, unhandled, line);
      } finally {
        this.asyncDepth--;
      }
    }
  }

  /** Runs one queued job in its own limits; returns its unhandled Apex exception, if any. */
  private runAsyncJob(job: AsyncJob): ApexObject | null {
    const saved = this.limits;
    this.limits = freshLimits();
    const row = this.db.byId(job.jobId);
    this.runningAsync.push(job);
    try {
      job.run();
      if (row) {
        row.fields.set('status', 'Completed');
        row.fields.set('completeddate', new ApexDatetime(this.now()));
      }
      return null;
    } catch (e) {
      if (row) {
        row.fields.set('status', 'Failed');
        row.fields.set('numberoferrors', 1);
      }
      if (!(e instanceof ApexThrown) || e === this.testHarnessFailure) throw e;
      // an async failure does not fail the test (it ran in another transaction): it is recorded on the job row, as
      // the platform does, and handed to the job's finalizer
      return e.exception;
    } finally {
      this.runningAsync.pop();
      this.limits = saved;
    }
  }

  /**
   * A Queueable's Finalizer runs after the job, in its own transaction with asynchronous limits (Apex Developer
   * Guide, "Transaction Finalizers"); like the job, a failure there is recorded, not thrown into the test.
   */
  private runFinalizer(job: AsyncJob, unhandled: ApexObject | null, line: number): void {
    const saved = this.limits;
    this.limits = freshLimits();
    this.runningAsync.push('finalizer');
    const context = new NativeObject('finalizercontext', {
      jobId: job.jobId,
      result: new EnumValue('ParentJobResult', unhandled ? 'UNHANDLED_EXCEPTION' : 'SUCCESS', 0),
      exception: unhandled
    });
    try {
      this.interp.callMethodOn(job.finalizer!, 'execute', [context], line);
    } catch (e) {
      if (!(e instanceof ApexThrown)) throw e;
    } finally {
      this.runningAsync.pop();
      this.limits = saved;
    }
  }

  /** "Execution Governors and Limits": System.enqueueJob may add 50 jobs in a synchronous transaction, 1 in an async one. */
  private queueableJobLimit(): number {
    return this.asyncDepth > 0 ? 1 : 50;
  }

  private quiddity(line: number): EnumValue {
    const running = this.runningAsync[this.runningAsync.length - 1];
    // a chunk is BATCH_CHUNK_SERIAL or BATCH_CHUNK_PARALLEL; which one a test runs is not documented
    if (running === 'batchchunk') throw this.interp.unsupported('the Quiddity of a batch Apex chunk', line);
    const kind = running === undefined ? null : running === 'finalizer' ? 'finalizer' : running.kind;
    return new EnumValue('Quiddity', kind ? ASYNC_QUIDDITY[kind] : 'RUNTEST_SYNC', 0);
  }

  executeBatch(job: ApexObject, scope: number, line: number): string {
    const jobId = this.insertAsyncJob('BatchApex', job.cls.name);
    this.enqueue(
      {
        kind: 'batch',
        jobId,
        run: () => {
          const ctx = new NativeObject('batchablecontext', { jobId });
          const start = this.interp.callMethodOn(job, 'start', [ctx], line);
          let items: Value[];
          if (start instanceof NativeObject && start.kind === 'querylocator') {
            items = start.data.list
              ? (start.data.list as ApexList).items
              : (this.soql(start.data.query as string, start.data.binds as Map<string, Value>, line) as ApexList).items;
          } else if (start instanceof ApexList) items = start.items;
          else if (start instanceof ApexObject) {
            const it = this.interp.callMethodOn(start, 'iterator', [], line);
            items = [];
            while (this.interp.callMethodOn(it, 'hasNext', [], line) === true)
              items.push(this.interp.callMethodOn(it, 'next', [], line));
          } else throw this.interp.unsupported('Batchable.start result', line);
          // Apex Developer Guide, "Using Batch Apex": a test can run only one execution of execute(); more records
          // than the scope fail the test method, not just the job
          if (this.inTest && items.length > scope) {
            this.testHarnessFailure = this.host.exception(
              'System.UnexpectedException',
              'No more than one executeBatch can be called from within a test method. Please make sure the iterable ' +
                'returned from your start method matches the batch size, resulting in one executeBatch invocation.',
              line
            );
            throw this.testHarnessFailure;
          }
          const row = this.db.byId(jobId);
          let processed = 0;
          for (let i = 0; i < items.length; i += scope) {
            const chunk = new ApexList({ n: 'SObject' }, items.slice(i, i + scope));
            const saved = this.limits;
            this.limits = freshLimits();
            this.runningAsync.push('batchchunk');
            try {
              this.interp.callMethodOn(job, 'execute', [ctx, chunk], line);
            } catch (e) {
              if (!(e instanceof ApexThrown)) throw e;
              if (row) row.fields.set('numberoferrors', numberOf(row.fields.get('numberoferrors') ?? 0) + 1);
            } finally {
              this.runningAsync.pop();
              this.limits = saved;
            }
            processed++;
          }
          if (row) {
            row.fields.set('jobitemsprocessed', processed);
            row.fields.set('totaljobitems', processed);
          }
          this.interp.callMethodOn(job, 'finish', [ctx], line);
        }
      },
      line
    );
    return jobId;
  }

  // ---- platform events ----

  /** events published with a callback, by EventUuid (EventBus.EventPublishSuccessCallback) */
  private eventCallbacks: { uuid: string; callback: Value }[] = [];

  /**
   * EventBus.publish: each event is validated like a record (required fields, lengths); valid ones are delivered at
   * Test.stopTest() or Test.getEventBus().deliver(), when a publish callback's onSuccess runs too.
   */
  private publishEvents(v: Value, line: number, callback?: Value): Value {
    const list: SObjectValue[] = v instanceof ApexList ? v.items : [v];
    const results: NativeObject[] = [];
    for (const e of list) {
      const fields = new Map<string, Value>();
      for (const [k, slot] of e.fields) fields.set(k, slot.value);
      const error = this.schema.object(e.type) ? this.validateRow(e.type, fields, true, 0) : null;
      if (error) {
        results.push(new NativeObject('saveresult', { id: null, success: false, errors: [error] }));
        continue;
      }
      this.eventBusQueue.push(e);
      if (callback) this.eventCallbacks.push({ uuid: String(e.get('EventUuid') ?? ''), callback });
      results.push(new NativeObject('saveresult', { id: null, success: true, errors: [] }));
    }
    void line;
    return v instanceof ApexList ? new ApexList({ n: 'Database.SaveResult' }, results) : results[0];
  }

  deliverEvents(line: number): void {
    const callbacks = this.eventCallbacks.splice(0);
    let guard = 0;
    while (this.eventBusQueue.length > 0 && guard++ < 20) {
      const batch = this.eventBusQueue.splice(0);
      const byType = new Map<string, SObjectValue[]>();
      for (const e of batch) {
        const list = byType.get(e.type) ?? [];
        list.push(e);
        byType.set(e.type, list);
      }
      for (const [type, events] of byType) {
        const schemaObj = this.schema.object(type);
        const stamped = events.map((e) => {
          const copy = this.host.cloneSObject(e, false);
          if (schemaObj) copy.set('ReplayId', String(this.db.newId(schemaObj)));
          copy.set('CreatedDate', new ApexDatetime(this.now()));
          copy.set('CreatedById', this.runningUserId);
          return copy;
        });
        this.asyncDepth++;
        try {
          try {
            this.fireTriggers(type, 'insert', false, new ApexList({ n: type }, stamped), null, line);
          } catch (e) {
            // a failing event trigger runs in its own transaction: the publisher never sees the exception
            if (!(e instanceof TriggerFailure)) throw e;
          }
        } finally {
          this.asyncDepth--;
        }
      }
    }
    const byCallback = new Map<Value, string[]>();
    for (const c of callbacks) byCallback.set(c.callback, [...(byCallback.get(c.callback) ?? []), c.uuid]);
    for (const [callback, uuids] of byCallback) {
      this.interp.callMethodOn(callback, 'onSuccess', [new NativeObject('eventresult', { uuids })], line);
    }
  }

  // ---- Database.* ----

  private databaseStatic(m: string, a: Value[], line: number): Value {
    const allOrNone = (v: Value): boolean => (v instanceof NativeObject ? v.data.allOrNone !== false : v !== false);
    const userMode = (v: Value): boolean => v instanceof EnumValue && v.name === 'USER_MODE';
    switch (m) {
      case 'insert':
      case 'update':
      case 'delete':
      case 'undelete':
      case 'upsert': {
        let rest = a.slice(1);
        let extId: string | undefined;
        if (m === 'upsert' && rest[0] instanceof NativeObject && rest[0].kind === 'sobjectfield') {
          extId = rest[0].data.field as string;
          rest = rest.slice(1);
        }
        const aon = rest.length > 0 && !(rest[0] instanceof EnumValue) ? allOrNone(rest[0]) : true;
        const um = rest.some(userMode);
        if (a[0] === null) throw this.host.npe(line);
        const results = this.dml(m, a[0], aon, line, um, extId);
        const kind =
          m === 'delete'
            ? 'deleteresult'
            : m === 'undelete'
              ? 'undeleteresult'
              : m === 'upsert'
                ? 'upsertresult'
                : 'saveresult';
        const wrap = (r: { id: string | null; errors: DmlError[]; created?: boolean }): NativeObject =>
          new NativeObject(kind, {
            id: r.errors.length ? (m === 'insert' ? null : r.id) : r.id,
            success: r.errors.length === 0,
            errors: r.errors,
            created: r.created ?? false
          });
        if (a[0] instanceof ApexList) return new ApexList({ n: `Database.${kind}` }, results.map(wrap));
        return wrap(results[0]);
      }
      case 'query':
      case 'querywithbinds': {
        const binds = new Map<string, Value>();
        if (m === 'querywithbinds') for (const [k, v] of (a[1] as ApexMap).map.values()) binds.set(String(k), v);
        const access = a.find((x) => x instanceof EnumValue) as EnumValue | undefined;
        return this.soql(a[0] as string, binds, line, access ? (access.name as 'USER_MODE') : undefined);
      }
      case 'countquery':
      case 'countquerywithbinds': {
        const binds = new Map<string, Value>();
        if (m === 'countquerywithbinds') for (const [k, v] of (a[1] as ApexMap).map.values()) binds.set(String(k), v);
        return this.soql(a[0] as string, binds, line);
      }
      case 'getquerylocator':
      case 'getquerylocatorwithbinds': {
        const binds = new Map<string, Value>();
        if (m === 'getquerylocatorwithbinds')
          for (const [k, v] of (a[1] as ApexMap).map.values()) binds.set(String(k), v);
        if (a[0] instanceof ApexList) return new NativeObject('querylocator', { list: a[0] });
        return new NativeObject('querylocator', { query: a[0], binds: this.captureBinds(a[0] as string, binds) });
      }
      case '__querylocator':
        return new NativeObject('querylocator', { query: a[0], binds: a[1], text: a[2] });
      case 'executebatch':
        return this.executeBatch(a[0] as ApexObject, a.length > 1 ? numberOf(a[1]) : 200, line);
      case 'setsavepoint':
        this.limits.dmlStatements++;
        return new NativeObject('savepoint', { snapshot: this.db.snapshot() });
      case 'rollback':
        this.limits.dmlStatements++;
        this.db.restore((a[0] as NativeObject).data.snapshot as DbSnapshot);
        this.accessCache.clear();
        return null;
      case 'releasesavepoint':
        return null;
      case 'emptyrecyclebin':
        return null;
    }
    throw this.interp.unsupported(`Database.${m}`, line);
  }

  /** Database.getQueryLocator(text) resolves its binds where it is called, so the batch can run the query later. */
  private captureBinds(text: string, explicit: Map<string, Value>): Map<string, Value> {
    const binds = new Map(explicit);
    for (const m of text.matchAll(/:\s*([A-Za-z_][A-Za-z0-9_.]*)/g)) {
      if (!binds.has(m[1])) {
        try {
          binds.set(m[1], this.interp.evalBindText(m[1]));
        } catch {
          // resolved later by the engine, if at all
        }
      }
    }
    return binds;
  }

  private limitsStatic(m: string, line: number): Value {
    const l = this.limits;
    const table: Record<string, number> = {
      getqueries: l.queries,
      getlimitqueries: this.asyncDepth > 0 ? 200 : 100,
      getqueryrows: l.queryRows,
      getlimitqueryrows: 50000,
      getdmlstatements: l.dmlStatements,
      getlimitdmlstatements: 150,
      getdmlrows: l.dmlRows,
      getlimitdmlrows: 10000,
      getfuturecalls: l.futureCalls,
      getlimitfuturecalls: 50,
      getqueueablejobs: l.queueableJobs,
      getlimitqueueablejobs: this.queueableJobLimit(),
      getcallouts: l.callouts,
      getlimitcallouts: 100,
      getemailinvocations: l.emailInvocations,
      getlimitemailinvocations: 10,
      getcputime: 0,
      getlimitcputime: this.asyncDepth > 0 ? 60000 : 10000,
      getheapsize: 0,
      getlimitheapsize: this.asyncDepth > 0 ? 12000000 : 6000000,
      getaggregatequeries: 0,
      getlimitaggregatequeries: 300,
      getsoslqueries: 0,
      getlimitsoslqueries: 20,
      getpublishimmediatedml: 0,
      getlimitpublishimmediatedml: 150
    };
    if (m in table) return table[m];
    throw this.interp.unsupported(`Limits.${m}`, line);
  }

  private userInfoStatic(m: string, line: number): Value {
    const user = this.db.byId(this.runningUserId);
    const f = (k: string): Value => user?.fields.get(k) ?? null;
    switch (m) {
      case 'getuserid':
        return this.runningUserId;
      case 'getusername':
        return f('username');
      case 'getname':
        return f('name');
      case 'getfirstname':
        return f('firstname');
      case 'getlastname':
        return f('lastname');
      case 'getuseremail':
        return f('email');
      case 'getprofileid':
        return f('profileid');
      case 'getorganizationid':
        return this.organizationId();
      case 'getorganizationname':
        return 'Apex Runtime Org';
      case 'getusertype':
        return 'Standard';
      case 'gettimezone':
        return new NativeObject('timezone', { id: 'GMT' });
      case 'getlocale':
        return 'en_US';
      case 'getlanguage':
        return 'en_US';
      case 'getdefaultcurrency':
        return 'USD';
      case 'isMultiCurrencyOrganization':
      case 'ismulticurrencyorganization':
        return false;
      case 'getuserroleid':
        return f('userroleid');
      case 'getsessionid':
        return null;
      case 'getuithemedisplayed':
      case 'getuitheme':
        return 'Theme4d';
    }
    throw this.interp.unsupported(`UserInfo.${m}`, line);
  }

  /**
   * Security.stripInaccessible: copies without the fields the running user cannot access for the access type; no
   * access to the object throws NoAccessException (Apex Reference Guide, "Security Class"). Parent records and
   * sub-query lists are stripped too.
   */
  private stripInaccessible(a: Value[], line: number): Value {
    const type = (a[0] as EnumValue).name;
    const list = a[1] as ApexList;
    const access = this.userAccess();
    const removed = new Map<string, Set<string>>();
    const objectOk = (obj: string): boolean => {
      const oa = access.object(obj);
      return type === 'READABLE'
        ? oa.read
        : type === 'CREATABLE'
          ? oa.create
          : type === 'UPDATABLE'
            ? oa.edit
            : oa.create && oa.edit;
    };
    const strip = (rec: SObjectValue): SObjectValue => {
      if (!(rec instanceof SObjectValue))
        throw this.interp.unsupported(`Security.stripInaccessible of ${this.interp.typeNameOf(rec)}`, line);
      if (!objectOk(rec.type))
        throw this.host.exception('System.NoAccessException', `No access to entity: ${rec.type}`, line);
      const copy = this.host.cloneSObject(rec, false);
      for (const [k, slot] of [...copy.fields]) {
        // related records of an object the user cannot access are removed with their relationship
        const related =
          slot.value instanceof SObjectValue
            ? [slot.value]
            : slot.value instanceof ApexList && slot.value.items.every((x: Value) => x instanceof SObjectValue)
              ? (slot.value.items as SObjectValue[])
              : null;
        if (related) {
          if (related.some((r) => !objectOk(r.type))) {
            copy.fields.delete(k);
            copy.queried?.delete(k);
            const set = removed.get(rec.type) ?? new Set();
            set.add(slot.name);
            removed.set(rec.type, set);
            continue;
          }
          const value =
            slot.value instanceof SObjectValue
              ? strip(slot.value)
              : new ApexList(
                  (slot.value as ApexList).elemType,
                  related.map((c) => strip(c))
                );
          copy.fields.set(k, { name: slot.name, value });
          continue;
        }
        const f = this.schema.field(rec.type, slot.name);
        if (!f || f.name === 'Id' || !f.permissionable) continue;
        const fa = access.field(rec.type, f.name);
        const ok = type === 'READABLE' ? fa.read : fa.edit;
        if (!ok) {
          copy.fields.delete(k);
          // a stripped field reads like one the query did not select
          copy.queried?.delete(k);
          const set = removed.get(rec.type) ?? new Set();
          set.add(f.name);
          removed.set(rec.type, set);
        }
      }
      return copy;
    };
    const out = list.items.map((rec: SObjectValue) => strip(rec));
    return new NativeObject('sobjectaccessdecision', { records: new ApexList(list.elemType, out), removed });
  }

  // ---- built-in classes ----

  constructBuiltin(name: string, args: Value[], line: number): Value {
    const n = name.toLowerCase().replace(/^system\./, '');
    // `new Flow.Interview.Flow_Name(inputs)` (Apex Reference, "Interview Class"): as createInterview
    if (n.startsWith('flow.interview.'))
      return flowInterviewStatic(this, 'createinterview', [name.split('.').slice(2).join('.'), args[0] ?? null], line)!;
    void args;
    const outbound = constructOutbound(n);
    if (outbound) return outbound;
    switch (n) {
      case 'httprequest':
        return new NativeObject('httprequest', {
          headers: new Map<string, string>(),
          method: 'GET',
          endpoint: null,
          body: null
        });
      case 'httpresponse':
        return new NativeObject('httpresponse', {
          headers: new Map<string, string>(),
          status: null,
          statusCode: 200,
          body: ''
        });
      case 'http':
        return new NativeObject('http', {});
      case 'restrequest':
        return new NativeObject('restrequest', {
          headers: new ApexMap({ n: 'String' }, { n: 'String' }),
          params: new ApexMap({ n: 'String' }, { n: 'String' }),
          requestURI: null,
          httpMethod: null,
          // inferred from apex-recipes' CustomRestEndpointRecipes_Tests (passes in orgs): an unset body is no null
          // reference, but its toString() hands JSON.deserialize a null (docs/apex-runtime.md, "Inferred behaviour")
          requestBody: new ApexBlob(Buffer.alloc(0), true),
          resourcePath: null
        });
      case 'restresponse':
        return new NativeObject('restresponse', {
          headers: new ApexMap({ n: 'String' }, { n: 'String' }),
          statusCode: 200,
          responseBody: null
        });
      case 'database.dmloptions':
        return new NativeObject('dmloptions', { allOrNone: true });
      case 'object':
        return new NativeObject('object', {});
      // email services (Apex Reference Guide, "InboundEmail Class"): plain property holders
      case 'messaging.inboundemail':
        return new NativeObject('inboundemail', {
          binaryAttachments: null,
          textAttachments: null,
          headers: null,
          toAddresses: null,
          ccAddresses: null,
          fromAddress: null,
          fromName: null,
          subject: null,
          plainTextBody: null,
          htmlBody: null,
          replyTo: null,
          messageId: null,
          inReplyTo: null,
          references: null
        });
      case 'messaging.inboundemail.binaryattachment':
        return new NativeObject('inboundattachment', {
          body: null,
          fileName: null,
          mimeTypeSubType: null,
          headers: null
        });
      case 'messaging.inboundemail.textattachment':
        return new NativeObject('inboundattachment', {
          body: null,
          fileName: null,
          mimeTypeSubType: null,
          charset: null,
          headers: null
        });
      case 'messaging.inboundenvelope':
        return new NativeObject('inboundenvelope', { fromAddress: null, toAddress: null });
      case 'messaging.inboundemailresult':
        return new NativeObject('inboundemailresult', { success: null, message: null });
    }
    throw this.interp.unsupported(`new ${name}`, line);
  }

  newInstanceOf(t: TypeValue, line: number): Value {
    if (t.ref && /^(list|set|map)$/i.test(t.ref.n)) return this.interp.newCollection(t.ref, [], line);
    const cls = this.interp.resolveClass(t.name, null);
    if (cls) return this.interp.instantiate(cls, [], line);
    const sobj = this.sobjectName(t.name);
    if (sobj) return new SObjectValue(sobj);
    throw this.interp.unsupported(`Type.newInstance of ${t.name}`, line);
  }

  isAssignableFrom(t: TypeValue, other: TypeValue): boolean {
    const a = this.interp.resolveClass(t.name, null);
    const b = this.interp.resolveClass(other.name, null);
    return !!a && !!b && b.isSubclassOf(a);
  }

  // ---- instance methods of platform values ----

  callMethod(target: Value, m: string, a: Value[], line: number): Value {
    if (target instanceof SObjectValue) return this.sobjectMethod(target, m, a, line);
    if (target instanceof NativeObject) {
      if (m === '__isinstance') return NATIVE_TYPES[target.kind]?.includes(String(a[0])) ?? false;
      return this.nativeMethod(target, m, a, line);
    }
    if (typeof target === 'string' && m === 'getsobjecttype') {
      const obj = this.schema.objectOfId(target);
      if (!obj) throw this.host.exception('System.StringException', `Invalid id: ${target}`, line);
      return this.host.sobjectTypeToken(obj.describe.name);
    }
    if (m === '__isinstance') return false;
    return NOT_FOUND;
  }

  private sobjectMethod(rec: SObjectValue, m: string, a: Value[], line: number): Value {
    switch (m) {
      case 'get': {
        const name = a[0] instanceof NativeObject ? (a[0].data.field as string) : (a[0] as string);
        if (typeof name === 'string' && name.includes('.')) {
          const [rel, ...rest] = name.split('.');
          const parent = this.getField(rec, rel, line);
          return parent instanceof SObjectValue ? this.sobjectMethod(parent, 'get', [rest.join('.')], line) : null;
        }
        return this.getField(rec, name, line);
      }
      case 'put': {
        const name = a[0] instanceof NativeObject ? (a[0].data.field as string) : (a[0] as string);
        const old = rec.get(name);
        this.putField(rec, name, a[1], line);
        return old;
      }
      case 'getsobject':
        return this.getField(rec, a[0] instanceof NativeObject ? (a[0].data.field as string) : (a[0] as string), line);
      case 'putsobject':
        this.putField(rec, a[0] as string, a[1], line);
        return null;
      case 'getsobjects':
        return this.getField(rec, a[0] as string, line);
      case 'getsobjecttype':
        return this.host.sobjectTypeToken(rec.type);
      case 'clone': {
        const keepId = a[0] === true;
        const deep = a[1] === true;
        const copy = this.host.cloneSObject(rec, deep, keepId);
        if (a[2] !== true)
          for (const k of ['createddate', 'createdbyid', 'lastmodifieddate', 'lastmodifiedbyid', 'systemmodstamp'])
            copy.fields.delete(k);
        if (a[3] !== true)
          for (const f of this.schema.object(rec.type)?.fields ?? [])
            if (f.autoNumber) copy.fields.delete(f.name.toLowerCase());
        return copy;
      }
      case 'getpopulatedfieldsasmap': {
        const map = new ApexMap({ n: 'String' }, { n: 'Object' });
        for (const slot of rec.fields.values())
          this.interp.mapPut(map, this.schema.field(rec.type, slot.name)?.name ?? slot.name, slot.value);
        return map;
      }
      case 'isset':
        return rec.has(a[0] instanceof NativeObject ? (a[0].data.field as string) : (a[0] as string));
      case 'adderror':
      case '__addfielderror': {
        // the error fails this record's DML (in a trigger) rather than throwing here. Overloads (Apex Reference,
        // "SObject Class"): addError(msg), addError(msg, escape), addError(fieldName or field token, msg[, escape]);
        // `record.Field.addError(msg)` arrives here as __addFieldError(fieldName, msg)
        const fieldFirst = m === '__addfielderror' || (a.length >= 2 && typeof a[1] !== 'boolean');
        const message = fieldFirst ? a[1] : a[0];
        const fieldArg = fieldFirst ? a[0] : null;
        const fieldName = fieldArg instanceof NativeObject ? String(fieldArg.data.field) : (fieldArg as string | null);
        const field = fieldName ? (this.fieldOf(rec, fieldName)?.name ?? fieldName) : null;
        rec.errors = [
          ...(rec.errors ?? []),
          {
            message:
              message instanceof ApexObject && message.exception
                ? String(message.exception.message)
                : apexToString(message),
            fields: field ? [field] : []
          }
        ];
        return null;
      }
      case 'haserrors':
        return !!rec.errors && rec.errors.length > 0;
      case 'geterrors':
        return new ApexList(
          { n: 'Database.Error' },
          (rec.errors ?? []).map(
            (e) =>
              new NativeObject('dberror', {
                code: 'FIELD_CUSTOM_VALIDATION_EXCEPTION',
                message: e.message,
                fields: e.fields
              })
          )
        );
      case 'getquickactionname':
        return null;
      case 'getoptions':
        return null;
      case 'tostring':
        return apexToString(rec);
      case 'equals':
        return this.interp.binaryOp('==', rec, a[0], line);
      case 'hashcode':
        return hashKey(rec).length;
      case 'recalculateformulas':
        throw this.interp.unsupported('SObject.recalculateFormulas', line);
    }
    return NOT_FOUND;
  }

  private nativeMethod(o: NativeObject, m: string, a: Value[], line: number): Value {
    const invocable =
      o.kind.startsWith('invocable') || o.kind === 'flowinterview' ? invocableMethod(this, o, m, a, line) : undefined;
    if (invocable !== undefined) return invocable;
    const outbound = outboundMethod(o, m, a);
    if (outbound !== undefined) return outbound;
    const d = o.data;
    switch (o.kind) {
      case 'sobjecttype':
        if (m === 'getdescribe') return new NativeObject('describesobject', { name: d.name });
        if (m === 'newsobject') {
          const rec = new SObjectValue(d.name as string);
          // newSObject(Id): a record with that Id; newSObject(recordTypeId, loadDefaults)
          if (a.length === 1 && a[0]) rec.set('Id', a[0]);
          if (a.length >= 2) {
            if (a[0]) this.putField(rec, 'RecordTypeId', a[0], line);
            if (a[1] === true) {
              for (const f of this.schema.object(d.name as string)?.fields ?? []) {
                if (f.defaultValue !== undefined && f.createable)
                  this.putField(
                    rec,
                    f.name,
                    typeof f.defaultValue === 'number' ? ApexDecimal.of(f.defaultValue) : f.defaultValue,
                    line
                  );
              }
              // platform events get their EventUuid from newSObject(null, true) (Platform Events Developer Guide)
              if (this.schema.field(d.name as string, 'EventUuid')) rec.set('EventUuid', randomUUID());
            }
          }
          return rec;
        }
        if (m === 'tostring') return d.name;
        if (m === 'equals')
          return a[0] instanceof NativeObject && String(a[0].data.name).toLowerCase() === String(d.name).toLowerCase();
        if (m === 'hashcode') return String(d.name).length;
        break;
      case 'describesobject':
        return this.describeMethod(o, m, a, line);
      case 'sobjectfield':
        if (m === 'getdescribe') return new NativeObject('describefield', { object: d.object, field: d.field });
        if (m === 'tostring') return d.field;
        break;
      case 'describefield':
        return this.describeFieldMethod(o, m, line);
      case 'childrelationship':
        if (m === 'getchildsobject') return this.host.sobjectTypeToken(d.childSObject as string);
        if (m === 'getfield')
          return new NativeObject('sobjectfield', { object: d.childSObject, field: d.field, name: d.field });
        if (m === 'getrelationshipname') return d.relationshipName ?? null;
        if (m === 'iscascadedelete') return d.cascadeDelete;
        if (m === 'isrestricteddelete') return d.restrictedDelete;
        break;
      case 'recordtypeinfo':
        if (m === 'getdevelopername') return d.developerName;
        if (m === 'getname') return d.name;
        if (m === 'isactive' || m === 'isavailable') return d.active;
        if (m === 'ismaster') return d.master;
        if (m === 'isdefaultrecordtypemapping') return d.master;
        if (m === 'getrecordtypeid') return d.id ?? null;
        break;
      case 'picklistentry':
        if (m === 'getvalue') return d.value;
        if (m === 'getlabel') return d.label;
        if (m === 'isactive') return d.active;
        if (m === 'isdefaultvalue') return d.defaultValue;
        break;
      case 'fieldmap':
        if (m === 'getmap') {
          const map = new ApexMap({ n: 'String' }, { n: 'Schema.SObjectField' });
          map.caseInsensitive = true;
          for (const f of this.schema.object(d.object as string)?.fields ?? []) {
            this.interp.mapPut(
              map,
              f.name.toLowerCase(),
              new NativeObject('sobjectfield', { object: d.object, field: f.name, name: f.name })
            );
          }
          return map;
        }
        break;
      case 'saveresult':
      case 'upsertresult':
      case 'deleteresult':
      case 'undeleteresult':
      case 'lockresult':
      case 'unlockresult':
        if (m === 'issuccess') return d.success;
        if (m === 'getid') return d.id;
        if (m === 'iscreated') return d.created;
        if (m === 'geterrors')
          return new ApexList(
            { n: 'Database.Error' },
            (d.errors as DmlError[]).map((e) => new NativeObject('dberror', { ...e }))
          );
        break;
      case 'formularecalcresult':
        if (m === 'issuccess') return d.success;
        if (m === 'geterrors') return new ApexList({ n: 'FormulaRecalcFieldError' }, []);
        break;
      case 'dberror':
        if (m === 'getmessage') return d.message;
        if (m === 'getstatuscode') return new EnumValue('StatusCode', d.code as string, 0);
        if (m === 'getfields') return new ApexList({ n: 'String' }, d.fields as string[]);
        break;
      case 'aggregateresult':
        if (m === 'get') {
          const want = String(a[0]).toLowerCase();
          for (const [k, v] of d.values as Map<string, Value>) if (k.toLowerCase() === want) return v;
          throw this.host.exception('System.SObjectException', `Invalid field ${a[0]} for AggregateResult`, line);
        }
        break;
      case 'querylocator':
        if (m === 'getquery') return d.text ?? d.query;
        if (m === 'iterator') {
          const rows = d.list
            ? (d.list as ApexList).items
            : (this.soql(d.query as string, d.binds as Map<string, Value>, line) as ApexList).items;
          return this.host.iterator(rows);
        }
        break;
      case 'sobjectaccessdecision':
        if (m === 'getrecords') return d.records;
        if (m === 'getremovedfields') {
          const map = new ApexMap({ n: 'String' }, { n: 'Set', a: [{ n: 'String' }] });
          for (const [k, set] of d.removed as Map<string, Set<string>>)
            this.interp.mapPut(map, k, new ApexSet({ n: 'String' }, new Map([...set].map((s) => [hashKey(s), s]))));
          return map;
        }
        break;
      case 'queueablecontext':
      case 'batchablecontext':
        if (m === 'getjobid') return d.jobId;
        break;
      case 'finalizercontext':
        if (m === 'getasyncapexjobid') return d.jobId;
        if (m === 'getresult') return d.result;
        if (m === 'getexception') return d.exception;
        break;
      case 'schedulablecontext':
        if (m === 'gettriggerid') return d.triggerId;
        break;
      case 'testbroker':
        if (m === 'deliver') {
          this.deliverEvents(line);
          return null;
        }
        if (m === 'fail') {
          // Test.getEventBus().fail(): the queued events fail to publish; failure callbacks run
          this.eventBusQueue = [];
          const callbacks = this.eventCallbacks.splice(0);
          const byCallback = new Map<Value, string[]>();
          for (const c of callbacks) byCallback.set(c.callback, [...(byCallback.get(c.callback) ?? []), c.uuid]);
          for (const [callback, uuids] of byCallback)
            this.interp.callMethodOn(callback, 'onFailure', [new NativeObject('eventresult', { uuids })], line);
          return null;
        }
        break;
      case 'pattern':
        if (m === 'matcher')
          return new NativeObject('matcher', { source: d.source, input: a[0], match: null, last: 0 });
        if (m === 'pattern') return d.source;
        break;
      case 'matcher':
        return this.matcherMethod(o, m, a);
      case 'url':
        if (m === 'toexternalform') return d.url;
        break;
      case 'request':
        if (m === 'getquiddity') return this.quiddity(line);
        if (m === 'getrequestid') return 'runtime-request';
        break;
      case 'timezone':
        if (m === 'getid') return 'GMT';
        if (m === 'getoffset') return 0;
        if (m === 'getdisplayname') return 'Greenwich Mean Time';
        break;
      case 'restrequest':
      case 'restresponse':
        if (m === 'addheader') {
          this.interp.mapPut(d.headers as ApexMap, a[0], a[1]);
          return null;
        }
        if (m === 'addparameter') {
          this.interp.mapPut(d.params as ApexMap, a[0], a[1]);
          return null;
        }
        return this.httpMethod(o, m, a, line);
      case 'eventresult':
        if (m === 'geteventuuids') return new ApexList({ n: 'String' }, d.uuids as string[]);
        break;
      case 'uuid':
        if (m === 'tostring') return d.value;
        if (m === 'equals') return a[0] instanceof NativeObject && a[0].data.value === d.value;
        if (m === 'hashcode') return String(d.value).length;
        break;
      case 'httprequest':
      case 'httpresponse':
        return this.httpMethod(o, m, a, line);
      case 'http':
        if (m === 'send') return this.callout(a[0] as NativeObject, line);
        break;
      case 'dmloptions':
        break;
      case 'jsongenerator':
        return (d.gen as JsonGenerator).call(m, a, line);
      case 'cachepartition':
        return this.cacheMethod(o, m, a, line);
    }
    return NOT_FOUND;
  }

  private caches = new Map<string, NativeObject>();

  /** Platform Cache partitions live for one test (Apex Developer Guide, "Platform Cache"). */
  private cachePartition(scope: string, name: string): NativeObject {
    const key = `${scope}:${name.toLowerCase()}`;
    let p = this.caches.get(key);
    if (!p) {
      p = new NativeObject('cachepartition', { name, store: new Map<string, Value>() });
      this.caches.set(key, p);
    }
    return p;
  }

  private cacheMethod(p: NativeObject, m: string, a: Value[], line: number): Value {
    const store = p.data.store as Map<string, Value>;
    switch (m) {
      case 'get': {
        if (a[0] instanceof TypeValue) {
          // get(CacheBuilder class, key): loads through doLoad(key) on a miss
          const key = builderKey(a[0], a[1]);
          if (!store.has(key)) {
            const builder = this.newInstanceOf(a[0], line);
            store.set(key, this.interp.callMethodOn(builder, 'doLoad', [String(a[1])], line));
          }
          return store.get(key);
        }
        return store.get(String(a[0])) ?? null;
      }
      case 'put':
        store.set(String(a[0]), a[1]);
        return null;
      // contains/remove(CacheBuilder class, key) address the builder's key
      case 'contains':
        return store.has(a[0] instanceof TypeValue ? builderKey(a[0], a[1]) : String(a[0]));
      case 'remove':
        return store.delete(a[0] instanceof TypeValue ? builderKey(a[0], a[1]) : String(a[0]));
      case 'getkeys':
        return new ApexSet({ n: 'String' }, new Map([...store.keys()].map((k) => [hashKey(k), k])));
      case 'getnumkeys':
        return store.size;
      case 'isavailable':
        return true;
      case 'getname':
        return p.data.name;
      case 'getcapacity':
        return 0;
    }
    throw this.interp.unsupported(`Cache partition method ${m}`, line);
  }

  private callout(req: NativeObject, line: number): Value {
    // Apex Developer Guide, "Invoking Callouts Using Apex": no callout while DML, async Apex or email of the same
    // transaction is pending (Test.startTest() begins a fresh one)
    if (this.limits.pendingWork)
      throw this.host.exception(
        'System.CalloutException',
        'You have uncommitted work pending. Please commit or rollback before calling out',
        line
      );
    const mock = this.mocks.get('httpcalloutmock');
    if (!mock)
      throw this.host.exception(
        'System.CalloutException',
        'Methods defined as TestMethod do not support Web service callouts',
        line
      );
    this.limits.callouts++;
    if (mock instanceof ApexObject) return this.interp.callMethodOn(mock, 'respond', [req], line);
    if (isResourceMock(mock)) return resourceMockResponse(this, mock, req, line);
    throw this.interp.unsupported(`HTTP mock of type ${this.interp.typeNameOf(mock)}`, line);
  }

  private httpMethod(o: NativeObject, m: string, a: Value[], line: number): Value {
    const d = o.data;
    const prop = m.replace(/^(get|set)/, '');
    if (m === 'setheader') {
      (d.headers as Map<string, string>).set(String(a[0]).toLowerCase(), a[1]);
      return null;
    }
    if (m === 'getheader') return (d.headers as Map<string, string>).get(String(a[0]).toLowerCase()) ?? null;
    if (m === 'getheaderkeys') return new ApexList({ n: 'String' }, [...(d.headers as Map<string, string>).keys()]);
    if (m === 'setbody' || m === 'setbodyasblob') {
      d.body = a[0] instanceof ApexBlob ? a[0].bytes.toString('utf8') : a[0];
      return null;
    }
    if (m === 'getbody') return d.body ?? '';
    if (m === 'getbodyasblob') return new ApexBlob(Buffer.from(String(d.body ?? ''), 'utf8'));
    if (m.startsWith('set')) {
      d[prop === 'statuscode' ? 'statusCode' : prop] = a[0];
      return null;
    }
    if (m.startsWith('get')) {
      if (prop === 'statuscode') return d.statusCode ?? 200;
      return d[prop] ?? null;
    }
    void line;
    return NOT_FOUND;
  }

  private matcherMethod(o: NativeObject, m: string, a: Value[]): Value {
    const d = o.data;
    const src = String(d.source);
    const input = String(d.input);
    switch (m) {
      case 'matches': {
        const r = new RegExp(`^(?:${src})$`).exec(input);
        d.match = r;
        return !!r;
      }
      case 'find': {
        const re = new RegExp(src, 'g');
        re.lastIndex = d.last as number;
        const r = re.exec(input);
        d.match = r;
        if (r) d.last = re.lastIndex === r.index ? re.lastIndex + 1 : re.lastIndex;
        return !!r;
      }
      case 'group': {
        const r = d.match as RegExpExecArray | null;
        return r ? (r[a.length > 0 ? numberOf(a[0]) : 0] ?? null) : null;
      }
      case 'groupcount':
        return (new RegExp(src + '|').exec('')?.length ?? 1) - 1;
      case 'start':
        return (d.match as RegExpExecArray | null)?.index ?? -1;
      case 'end': {
        const r = d.match as RegExpExecArray | null;
        return r ? r.index + r[0].length : -1;
      }
      case 'replaceall':
        return input.replace(new RegExp(src, 'g'), String(a[0]));
      case 'replacefirst':
        return input.replace(new RegExp(src), String(a[0]));
      case 'lookingat':
        return new RegExp(`^(?:${src})`).test(input);
    }
    return NOT_FOUND;
  }

  private describeMethod(o: NativeObject, m: string, a: Value[], line: number): Value {
    const obj = this.schema.object(o.data.name as string);
    if (!obj) throw this.interp.unsupported(`describe of ${o.data.name}`, line);
    const access = (): UserAccess | null =>
      this.security && this.runningUserId !== this.adminUserId ? this.userAccess() : null;
    const d = obj.describe;
    switch (m) {
      case 'getname':
        return d.name;
      case 'getlabel':
        return d.label;
      case 'getlabelplural':
        return d.labelPlural;
      case 'getkeyprefix':
        return d.keyPrefix;
      case 'iscustom':
        return d.custom;
      case 'iscustomsetting':
        return d.kind === 'customSetting';
      case 'isaccessible':
        return access()?.object(d.name).read ?? true;
      case 'iscreateable':
        return d.createable && (access()?.object(d.name).create ?? true);
      case 'isupdateable':
        return d.updateable && (access()?.object(d.name).edit ?? true);
      case 'isdeletable':
        return d.deletable && (access()?.object(d.name).delete ?? true);
      case 'isqueryable':
        return d.queryable;
      case 'getsobjecttype':
        return this.host.sobjectTypeToken(d.name);
      case 'fields':
      case 'getfields':
        return new NativeObject('fieldmap', { object: d.name });
      case 'getrecordtypeinfosbydevelopername':
      case 'getrecordtypeinfosbyname': {
        const map = new ApexMap({ n: 'String' }, { n: 'Schema.RecordTypeInfo' });
        for (const rt of d.recordTypes)
          this.interp.mapPut(
            map,
            m.endsWith('developername') ? rt.developerName : rt.name,
            new NativeObject('recordtypeinfo', { ...rt })
          );
        return map;
      }
      case 'getchildrelationships':
        return new ApexList(
          { n: 'Schema.ChildRelationship' },
          obj.childRelationships.map((c) => new NativeObject('childrelationship', { ...c }))
        );
    }
    void a;
    throw this.interp.unsupported(`DescribeSObjectResult.${m}`, line);
  }

  private describeFieldMethod(o: NativeObject, m: string, line: number): Value {
    const f = this.schema.field(o.data.object as string, o.data.field as string);
    if (!f) throw this.interp.unsupported(`describe of field ${o.data.object}.${o.data.field}`, line);
    const access =
      this.security && this.runningUserId !== this.adminUserId
        ? this.userAccess().field(o.data.object as string, f.name)
        : null;
    switch (m) {
      case 'getname':
        return f.name;
      case 'getlabel':
        return f.label;
      case 'gettype':
        return new EnumValue('DisplayType', f.type, 0);
      case 'getlength':
        return f.length;
      case 'getprecision':
        return f.precision;
      case 'getscale':
        return f.scale;
      case 'isaccessible':
        return access?.read ?? true;
      case 'iscreateable':
        return f.createable && (access?.edit ?? true);
      case 'isupdateable':
        return f.updateable && (access?.edit ?? true);
      case 'isnillable':
        return f.nillable;
      case 'iscustom':
        return f.custom;
      case 'isexternalid':
        return f.externalId;
      case 'isunique':
        return f.unique;
      case 'iscalculated':
        return f.calculated;
      case 'isautonumber':
        return f.autoNumber;
      case 'isnamefield':
        return f.nameField;
      case 'isidlookup':
        return f.idLookup;
      case 'isdefaultedoncreate':
        return f.defaultedOnCreate;
      case 'getdefaultvalue':
        return f.defaultValue ?? null;
      case 'getreferenceto':
        return new ApexList(
          { n: 'Schema.SObjectType' },
          f.referenceTo.map((r) => this.host.sobjectTypeToken(r))
        );
      case 'getrelationshipname':
        return f.relationshipName ?? null;
      case 'getpicklistvalues':
        return new ApexList(
          { n: 'Schema.PicklistEntry' },
          f.picklistValues.map((p) => new NativeObject('picklistentry', { ...p }))
        );
      case 'getsobjectfield':
        return new NativeObject('sobjectfield', { object: o.data.object, field: f.name, name: f.name });
      case 'getsoaptype':
        return new EnumValue('SOAPType', SOAP_TYPES[f.apexType] ?? 'ANYTYPE', 0);
      case 'getcontroller':
        return null;
      case 'isrestrictedpicklist':
        return f.restrictedPicklist;
      case 'isfilterable':
        return f.filterable;
      case 'issortable':
        return f.sortable;
      case 'isgroupable':
        return f.groupable;
      case 'isaggregatable':
        return f.aggregatable;
      case 'ispermissionable':
        return f.permissionable;
      case 'iscasesensitive':
        return f.caseSensitive;
      case 'iscascadedelete':
        return f.cascadeDelete;
      case 'isnamepointing':
        return f.referenceTo.length > 1;
      case 'ishtmlformatted':
        return false;
      case 'getlocalname':
        return f.name;
      case 'gethelptext':
      case 'getinlinehelptext':
        return null;
    }
    throw this.interp.unsupported(`DescribeFieldResult.${m}`, line);
  }

  getProperty(target: Value, name: string, line: number): Value {
    const n = name.toLowerCase();
    if (target instanceof NativeObject) {
      const d = target.data;
      // an interview's output variables read as properties (`myFlow.record`), as getVariableValue
      if (target.kind === 'flowinterview') return invocableMethod(this, target, 'getvariablevalue', [name], line)!;
      switch (target.kind) {
        case 'describesobject':
          if (n === 'fields') return new NativeObject('fieldmap', { object: d.name });
          if (n === 'fieldsets') throw this.interp.unsupported('Schema field sets', line);
          break;
        case 'fieldmap':
          return this.fieldToken(d.object as string, name, line) instanceof NativeObject
            ? new NativeObject('describefield', {
                object: d.object,
                field: (this.schema.field(d.object as string, name) as FieldDescribe).name
              })
            : NOT_FOUND;
        case 'restrequest':
        case 'restresponse':
          for (const k of Object.keys(d)) if (k.toLowerCase() === n) return d[k];
          return null;
        case 'picklistentry':
          break;
      }
      for (const k of Object.keys(d)) if (k.toLowerCase() === n) return d[k];
    }
    return NOT_FOUND;
  }

  setProperty(target: Value, name: string, value: Value, line: number): boolean {
    void line;
    if (target instanceof TypeValue) {
      if (target.name.toLowerCase().replace(/^system\./, '') === 'restcontext') {
        this.restContext[name.toLowerCase()] = value;
        return true;
      }
      return false;
    }
    if (target instanceof NativeObject) {
      const d = target.data;
      const n = name.toLowerCase();
      for (const k of Object.keys(d)) {
        if (k.toLowerCase() === n) {
          d[k] = value;
          return true;
        }
      }
      d[name] = value;
      return true;
    }
    return false;
  }
}

/** Schema.SOAPType of a field's Apex type (Apex Reference Guide, "SOAPType Enum"). */
const SOAP_TYPES: Record<string, string> = {
  Id: 'ID',
  String: 'STRING',
  Boolean: 'BOOLEAN',
  Integer: 'INTEGER',
  Long: 'INTEGER',
  Decimal: 'DOUBLE',
  Double: 'DOUBLE',
  Date: 'DATE',
  Datetime: 'DATETIME',
  Time: 'TIME',
  Blob: 'BASE64BINARY',
  Address: 'ADDRESS',
  Location: 'LOCATION',
  Object: 'ANYTYPE'
};

/** Type names a built-in object is an instance of (lower case, without namespace). */
const NATIVE_TYPES: Record<string, string[]> = {
  sobjecttype: ['sobjecttype'],
  sobjectfield: ['sobjectfield'],
  describesobject: ['describesobjectresult'],
  describefield: ['describefieldresult'],
  saveresult: ['saveresult'],
  upsertresult: ['upsertresult'],
  deleteresult: ['deleteresult'],
  lockresult: ['lockresult'],
  invocableresult: ['invocable.action.result'],
  invocableerror: ['invocable.action.error'],
  invocableaction: ['invocable.action'],
  flowinterview: ['flow.interview'],
  unlockresult: ['unlockresult'],
  dberror: ['error'],
  aggregateresult: ['aggregateresult', 'sobject'],
  httprequest: ['httprequest'],
  staticresourcecalloutmock: ['staticresourcecalloutmock', 'httpcalloutmock'],
  multistaticresourcecalloutmock: ['multistaticresourcecalloutmock', 'httpcalloutmock'],
  singleemailmessage: ['messaging.singleemailmessage', 'singleemailmessage', 'messaging.email', 'email'],
  sendemailresult: ['messaging.sendemailresult', 'sendemailresult'],
  sendemailerror: ['messaging.sendemailerror', 'sendemailerror'],
  httpresponse: ['httpresponse'],
  restrequest: ['restrequest'],
  restresponse: ['restresponse'],
  picklistentry: ['picklistentry'],
  querylocator: ['querylocator'],
  queueablecontext: ['queueablecontext'],
  finalizercontext: ['finalizercontext'],
  batchablecontext: ['batchablecontext'],
  schedulablecontext: ['schedulablecontext'],
  cachepartition: ['orgpartition', 'sessionpartition', 'partition'],
  jsongenerator: ['jsongenerator'],
  uuid: ['uuid'],
  eventresult: ['successresult', 'failureresult'],
  inboundemail: ['inboundemail'],
  inboundenvelope: ['inboundenvelope'],
  inboundemailresult: ['inboundemailresult'],
  inboundattachment: ['binaryattachment', 'textattachment']
};

/** An exception a trigger did not handle: it fails the records of the DML statement that fired the trigger. */
class TriggerFailure extends Error {}

/** The cache key of a CacheBuilder entry names the builder class (getKeys() shows it) and the caller's key. */
function builderKey(builder: TypeValue, key: Value): string {
  return `${builder.name.replace(/\./g, '')}${String(key)}`;
}

/** ContentDocument.FileType from a file extension (Object Reference, ContentDocument FileType values). */
function fileTypeOf(ext: string | null): string {
  const types: Record<string, string> = {
    docx: 'WORD_X',
    doc: 'WORD',
    xlsx: 'EXCEL_X',
    xls: 'EXCEL',
    pptx: 'POWER_POINT_X',
    ppt: 'POWER_POINT',
    pdf: 'PDF',
    jpg: 'JPG',
    jpeg: 'JPEG',
    png: 'PNG',
    gif: 'GIF',
    bmp: 'BMP',
    m4a: 'M4A',
    mp3: 'MP3',
    mp4: 'MP4',
    wav: 'WAV',
    txt: 'TEXT',
    csv: 'CSV',
    zip: 'ZIP',
    html: 'HTML',
    htm: 'HTML',
    xml: 'XML',
    json: 'JSON',
    rtf: 'RTF'
  };
  return ext ? (types[ext.toLowerCase()] ?? 'UNKNOWN') : 'UNKNOWN';
}

function capital(op: string): string {
  return op.charAt(0).toUpperCase() + op.slice(1);
}

/** Builds the SObject of a query result: selected fields, parents under their relationship, children as lists. */
export function recordToSObject(r: import('../soql').SoqlRecord): SObjectValue {
  const rec = new SObjectValue(r.object);
  rec.queried = new Set();
  for (const [k, v] of r.fields) {
    rec.fields.set(k.toLowerCase(), { name: k, value: v });
    rec.queried.add(k.toLowerCase());
  }
  for (const [k, p] of r.parents) {
    rec.queried.add(k.toLowerCase());
    if (p) rec.fields.set(k.toLowerCase(), { name: k, value: recordToSObject(p) });
  }
  for (const [k, list] of r.children) {
    rec.queried.add(k.toLowerCase());
    rec.fields.set(k.toLowerCase(), {
      name: k,
      value: new ApexList({ n: list[0]?.object ?? 'SObject' }, list.map(recordToSObject))
    });
  }
  return rec;
}

export { ApexTime };

/**
 * The standard library as the interpreter's Host: static classes (System, Assert, Test, Math, JSON, Database, Schema,
 * ...), methods of built-in values, SObject construction, and the bridge to the database (db/). A method not listed
 * here returns NOT_FOUND and the interpreter reports it as UNSUPPORTED with its name and line.
 */
import type { TypeRef } from '../frontend/ast';
import { ApexThrown } from '../interpreter/errors';
import { Interpreter, NOT_FOUND, type Host } from '../interpreter/interpreter';
import { ApexObject } from '../interpreter/objects';
import { apexEquals, apexToString, hashKey, ID_PATTERN, isNumeric, numberOf, to18 } from '../interpreter/semantics';
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
import { listMethod, mapMethod, setMethod } from './collections';
import { NativeObject } from './native';
import { dateMethod, datetimeMethod, decimalMethod, integerMethod, roundDecimal, timeMethod } from './numbers';
import { stringMethod, stringStatic } from './strings';
import type { Platform } from './platform';

const NAMESPACES = new Set([
  'system',
  'schema',
  'database',
  'messaging',
  'connectapi',
  'auth',
  'dom',
  'approval',
  'flow',
  'process',
  'reports',
  'search',
  'cache',
  'eventbus',
  'sfdc_checkout',
  'commercepayments',
  'invocable',
  'metadata',
  'quickaction',
  'site',
  'support',
  'txnsecurity',
  'userprovisioning',
  'visualeditor',
  'wave',
  'dataweave'
]);

const BUILTIN_TYPES = new Set([
  'string',
  'integer',
  'long',
  'decimal',
  'double',
  'boolean',
  'date',
  'datetime',
  'time',
  'id',
  'blob',
  'object',
  'list',
  'set',
  'map',
  'sobject',
  'math',
  'json',
  'test',
  'assert',
  'limits',
  'userinfo',
  'type',
  'crypto',
  'encodingutil',
  'pattern',
  'matcher',
  'label',
  'sobjecttype',
  'sobjectfield',
  'accesslevel',
  'logginglevel',
  'httprequest',
  'httpresponse',
  'http',
  'restcontext',
  'restrequest',
  'restresponse',
  'url',
  'savepoint',
  'queueablecontext',
  'schedulablecontext',
  'batchablecontext',
  'jsontoken',
  'jsongenerator',
  'jsonparser',
  'securitytype',
  'security',
  'triggeroperation',
  'roundingmode',
  'request',
  'quiddity',
  'featuremanagement',
  'orglimits',
  'eventbus',
  'platformcache',
  'domain',
  'formula',
  'comparator',
  'iterable',
  'iterator',
  'callable',
  'stubprovider',
  'webservicecallout',
  'pagereference',
  'apexpages',
  'datacategory',
  'describesobjectresult',
  'describefieldresult',
  'displaytype',
  'picklistentry',
  'childrelationship',
  'recordtypeinfo',
  'fieldset',
  'saveresult',
  'upsertresult',
  'deleteresult',
  'undeleteresult',
  'lockresult',
  'unlockresult',
  'error',
  'dmloptions',
  'querylocator',
  'batchable',
  'stateful',
  'allowscallouts',
  'raisesplatformevents',
  'schedulable',
  'queueable',
  'finalizer',
  'finalizercontext',
  'parentjobresult',
  'statuscode',
  'soaptype',
  'describetabsetresult',
  'sobjectaccessdecision',
  'accesstype',
  'ideas',
  'network',
  'site',
  'exception',
  'aggregateresult',
  'version',
  'address',
  'location',
  'dataweave',
  'cache',
  'emailmessages',
  'singleemailmessage',
  'messaging',
  'connectapi',
  'approval',
  'auth',
  'compression',
  'xmlstreamreader',
  'xmlstreamwriter',
  'document',
  'dom',
  'httpcalloutmock',
  'multistaticresourcecalloutmock',
  'staticresourcecalloutmock',
  'webservicemock',
  'invocablevariable',
  'invocablemethod',
  'eventbus.testbroker',
  'testbroker',
  'systemmodeoverride',
  'fieldsetmember',
  'trigger',
  'uuid',
  'sobjectdescribeoptions',
  'describecolorresult',
  'describeiconresult',
  'operationtype',
  'sobjectexception'
]);

export class ApexHost implements Host {
  platform!: Platform;
  constructor(readonly interp: Interpreter) {}

  // ---- errors ----

  exception(typeName: string, message: string, line: number): ApexThrown {
    return this.interp.exception(typeName, message, line);
  }

  npe(line: number): ApexThrown {
    return this.exception('System.NullPointerException', 'Attempt to de-reference a null object', line);
  }

  enqueueFuture(name: string, run: () => void, line: number): void {
    this.platform.enqueueFuture(name, run, line);
  }

  newException(typeName: string, message: string, line: number): ApexObject {
    const cls = this.interp.classes.get(typeName.toLowerCase()) ?? this.interp.classes.get('exception')!;
    const obj = new ApexObject(cls);
    obj.exception = { message, cause: null, line, stack: this.interp.stackTrace() };
    return obj;
  }

  // ---- types ----

  isBuiltinType(path: string): boolean {
    const p = path.toLowerCase();
    if (NAMESPACES.has(p) || BUILTIN_TYPES.has(p)) return true;
    const [head, ...rest] = p.split('.');
    if (NAMESPACES.has(head) && rest.length > 0) return true;
    return false;
  }

  isSObjectType(name: string): string | null {
    return this.platform.sobjectName(name.replace(/^schema\./i, ''));
  }

  sobjectTypeToken(name: string): NativeObject {
    return new NativeObject('sobjecttype', { name: this.platform.sobjectName(name) ?? name });
  }

  iterator(items: Value[]): NativeObject {
    return new NativeObject('iterator', { items, index: 0 });
  }

  cloneSObject(rec: SObjectValue, deep: boolean, keepId = true): SObjectValue {
    const copy = new SObjectValue(rec.type);
    for (const [k, slot] of rec.fields) {
      if (!keepId && k === 'id') continue;
      const v = deep && slot.value instanceof SObjectValue ? this.cloneSObject(slot.value, true) : slot.value;
      copy.fields.set(k, { name: slot.name, value: v });
    }
    copy.queried = rec.queried ? new Set(rec.queried) : null;
    return copy;
  }

  // ---- construction ----

  construct(type: TypeRef, args: Value[], named: [string, Value][] | null, line: number): Value {
    const name = type.n.replace(/^(system|schema)\./i, '');
    const sobj = this.isSObjectType(name);
    if (sobj) {
      const rec = new SObjectValue(sobj);
      for (const [field, value] of named ?? []) this.platform.putField(rec, field, value, line);
      return rec;
    }
    if (name.toLowerCase() === 'sobject') throw this.interp.unsupported('new SObject()', line);
    return this.platform.constructBuiltin(name, args, line);
  }

  // ---- statics ----

  staticField(typePath: string, name: string, line: number): Value {
    const t = typePath.toLowerCase().replace(/^(system|schema)\./, '');
    const n = name.toLowerCase();
    const sobj = this.isSObjectType(typePath);
    if (sobj) {
      if (n === 'sobjecttype') return this.sobjectTypeToken(sobj);
      return this.platform.fieldToken(sobj, name, line);
    }
    switch (t) {
      case 'integer':
        if (n === 'max_value') return 2147483647;
        if (n === 'min_value') return -2147483648;
        break;
      case 'long':
        if (n === 'max_value') return Number.MAX_SAFE_INTEGER;
        break;
      case 'math':
        if (n === 'pi') return new ApexDecimal(Math.PI, 0, true);
        if (n === 'e') return new ApexDecimal(Math.E, 0, true);
        break;
      case 'roundingmode':
      case 'logginglevel':
      case 'accesslevel':
      case 'accesstype':
      case 'displaytype':
      case 'soaptype':
      case 'triggeroperation':
      case 'jsontoken':
      case 'statuscode':
      case 'quiddity':
      case 'parentjobresult':
      case 'operationtype':
      case 'sobjectdescribeoptions':
        return new EnumValue(typePath.replace(/^System\./i, '').replace(/^Schema\./i, ''), name.toUpperCase(), 0);
      case 'label':
        return this.platform.label(name, line);
    }
    return this.platform.staticField(typePath, name, line);
  }

  callStatic(typePath: string, method: string, args: Value[], line: number): Value {
    const t = typePath.toLowerCase().replace(/^system\.(?!schema)/, '');
    const m = method.toLowerCase();
    const a = args;
    switch (t) {
      case 'system':
        return this.systemStatic(m, a, line);
      case 'string':
        return stringStatic(this, m, a, line);
      case 'assert':
        return this.assertStatic(m, a, line);
      case 'integer':
      case 'long':
        if (m === 'valueof') {
          if (a[0] === null) return null;
          if (typeof a[0] === 'string') {
            if (!/^[+-]?\d+$/.test(a[0].trim()))
              throw this.exception('System.TypeException', `Invalid integer: ${a[0]}`, line);
            return Number(a[0].trim());
          }
          return Math.trunc(numberOf(a[0]));
        }
        break;
      case 'decimal':
      case 'double':
        if (m === 'valueof') {
          if (a[0] === null) return null;
          if (typeof a[0] === 'string') {
            if (!/^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(a[0])) {
              throw this.exception('System.TypeException', `Invalid decimal: ${a[0]}`, line);
            }
            const d = ApexDecimal.parse(a[0]);
            return t === 'double' ? new ApexDecimal(d.v, 0, true) : d;
          }
          return t === 'double'
            ? new ApexDecimal(numberOf(a[0]), 0, true)
            : a[0] instanceof ApexDecimal
              ? a[0]
              : ApexDecimal.of(numberOf(a[0]));
        }
        break;
      case 'boolean':
        if (m === 'valueof')
          return a[0] === null ? null : typeof a[0] === 'string' ? a[0].toLowerCase() === 'true' : a[0] === true;
        break;
      case 'id':
        if (m === 'valueof') {
          if (typeof a[0] !== 'string' || !ID_PATTERN.test(a[0]))
            throw this.exception('System.StringException', `Invalid id: ${a[0]}`, line);
          return to18(a[0]);
        }
        break;
      case 'math':
        return this.mathStatic(m, a, line);
      case 'date':
        return this.dateStatic(m, a, line);
      case 'datetime':
        return this.datetimeStatic(m, a, line);
      case 'time':
        if (m === 'newinstance')
          return new ApexTime(
            numberOf(a[0]) * 3600000 + numberOf(a[1]) * 60000 + numberOf(a[2]) * 1000 + numberOf(a[3] ?? 0)
          );
        break;
      case 'blob':
        if (m === 'valueof') return new ApexBlob(Buffer.from(String(a[0]), 'utf8'));
        break;
    }
    return this.platform.callStatic(typePath, method, args, line);
  }

  private systemStatic(m: string, a: Value[], line: number): Value {
    switch (m) {
      case 'debug':
        return null;
      case 'assert':
        if (a[0] !== true)
          throw this.exception(
            'System.AssertException',
            `Assertion Failed${a.length > 1 ? ': ' + apexToString(a[1]) : ''}`,
            line
          );
        return null;
      case 'assertequals':
        if (!apexEquals(a[0], a[1], this.interp)) {
          throw this.exception(
            'System.AssertException',
            `Assertion Failed: ${a.length > 2 ? apexToString(a[2]) + ': ' : ''}Expected: ${apexToString(a[0])}, Actual: ${apexToString(a[1])}`,
            line
          );
        }
        return null;
      case 'assertnotequals':
        if (apexEquals(a[0], a[1], this.interp)) {
          throw this.exception(
            'System.AssertException',
            `Assertion Failed: ${a.length > 2 ? apexToString(a[2]) + ': ' : ''}Same value: ${apexToString(a[0])}`,
            line
          );
        }
        return null;
      case 'now':
        return new ApexDatetime(this.platform.now());
      case 'today':
        return ApexDate.fromUtc(new Date(this.platform.now()));
      case 'currenttimemillis':
        return this.platform.now();
      case 'equals':
        return apexEquals(a[0], a[1], this.interp);
      case 'hashcode':
        return hashKey(a[0], this.interp).length;
      case 'isbatch':
      case 'isfuture':
      case 'isqueueable':
      case 'isscheduled':
        return this.platform.isAsyncContext(m, line);
    }
    return this.platform.callStatic('System', m, a, line);
  }

  private assertStatic(m: string, a: Value[], line: number): Value {
    const msg = (i: number): string => (a.length > i && a[i] !== null ? apexToString(a[i]) : '');
    const fail = (detail: string, i: number): never => {
      const custom = msg(i);
      throw this.exception('System.AssertException', `Assertion Failed: ${custom ? custom + ': ' : ''}${detail}`, line);
    };
    switch (m) {
      case 'areequal':
        if (!apexEquals(a[0], a[1], this.interp))
          fail(`Expected: ${apexToString(a[0])}, Actual: ${apexToString(a[1])}`, 2);
        return null;
      case 'arenotequal':
        if (apexEquals(a[0], a[1], this.interp)) fail(`Same value: ${apexToString(a[0])}`, 2);
        return null;
      case 'istrue':
        if (a[0] !== true) fail('Expected: true, Actual: ' + apexToString(a[0]), 1);
        return null;
      case 'isfalse':
        if (a[0] !== false) fail('Expected: false, Actual: ' + apexToString(a[0]), 1);
        return null;
      case 'isnull':
        if (a[0] !== null && a[0] !== undefined) fail('Expected: null, Actual: ' + apexToString(a[0]), 1);
        return null;
      case 'isnotnull':
        if (a[0] === null || a[0] === undefined) fail('Expected non-null value', 1);
        return null;
      case 'fail':
        throw this.exception(
          'System.AssertException',
          `Assertion Failed${a.length > 0 && a[0] !== null ? ': ' + apexToString(a[0]) : ''}`,
          line
        );
      case 'isinstanceoftype':
        if (
          !(a[1] instanceof TypeValue) ||
          a[0] === null ||
          !this.interp.isInstance(a[0], a[1].ref ?? { n: a[1].name })
        ) {
          fail(
            `Expected instance of ${apexToString(a[1])}, Actual: ${a[0] === null ? 'null' : this.interp.typeNameOf(a[0])}`,
            2
          );
        }
        return null;
      case 'isnotinstanceoftype':
        if (a[0] !== null && a[1] instanceof TypeValue && this.interp.isInstance(a[0], a[1].ref ?? { n: a[1].name })) {
          fail(`Expected not instance of ${apexToString(a[1])}`, 2);
        }
        return null;
    }
    throw this.interp.unsupported(`Assert.${m}`, line);
  }

  private mathStatic(m: string, a: Value[], line: number): Value {
    const x = a.length > 0 ? numberOf(a[0]) : 0;
    const keep = (v: number): Value =>
      typeof a[0] === 'number'
        ? v
        : a[0] instanceof ApexDecimal
          ? new ApexDecimal(v, a[0].isDouble ? 0 : a[0].scale, a[0].isDouble)
          : v;
    switch (m) {
      case 'abs':
        return keep(Math.abs(x));
      case 'max':
        return numberOf(a[0]) >= numberOf(a[1]) ? a[0] : a[1];
      case 'min':
        return numberOf(a[0]) <= numberOf(a[1]) ? a[0] : a[1];
      case 'floor':
        return new ApexDecimal(Math.floor(x), 0, true);
      case 'ceil':
        return new ApexDecimal(Math.ceil(x), 0, true);
      // round(decimalValue)/roundToLong(decimalValue) round half-even; the Double overloads return the closest
      // whole number, ties up (Apex Reference, "Math Class")
      case 'round':
      case 'roundtolong':
        return a[0] instanceof ApexDecimal && !a[0].isDouble ? roundDecimal(x, 0) : Math.round(x);
      case 'mod':
        return numberOf(a[0]) % numberOf(a[1]);
      case 'pow':
        return new ApexDecimal(Math.pow(x, numberOf(a[1])), 0, true);
      case 'sqrt':
        return new ApexDecimal(Math.sqrt(x), 0, true);
      case 'random':
        return new ApexDecimal(Math.random(), 0, true);
      case 'signum':
        return new ApexDecimal(Math.sign(x), 0, true);
      case 'log':
        return new ApexDecimal(Math.log(x), 0, true);
      case 'log10':
        return new ApexDecimal(Math.log10(x), 0, true);
      case 'exp':
        return new ApexDecimal(Math.exp(x), 0, true);
    }
    throw this.interp.unsupported(`Math.${m}`, line);
  }

  private dateStatic(m: string, a: Value[], line: number): Value {
    switch (m) {
      case 'today':
        return ApexDate.fromUtc(new Date(this.platform.now()));
      case 'newinstance':
        return ApexDate.fromUtc(new Date(Date.UTC(numberOf(a[0]), numberOf(a[1]) - 1, numberOf(a[2]))));
      case 'valueof': {
        if (a[0] === null) return null;
        if (a[0] instanceof ApexDatetime) return ApexDate.fromUtc(new Date(a[0].ms));
        const s = String(a[0]).trim();
        const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})/.exec(s);
        if (!iso) throw this.exception('System.TypeException', `Invalid date: ${s}`, line);
        return new ApexDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
      }
      case 'parse': {
        const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(String(a[0]).trim());
        if (!us) throw this.exception('System.TypeException', `Invalid date: ${a[0]}`, line);
        return new ApexDate(Number(us[3]), Number(us[1]), Number(us[2]));
      }
      case 'isleapyear': {
        const y = numberOf(a[0]);
        return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
      }
      case 'daysinmonth':
        return new Date(Date.UTC(numberOf(a[0]), numberOf(a[1]), 0)).getUTCDate();
    }
    throw this.interp.unsupported(`Date.${m}`, line);
  }

  private datetimeStatic(m: string, a: Value[], line: number): Value {
    switch (m) {
      case 'now':
        return new ApexDatetime(this.platform.now());
      case 'newinstance':
      case 'newinstancegmt': {
        if (a.length === 1) return new ApexDatetime(numberOf(a[0]));
        if (a.length === 2 && a[0] instanceof ApexDate) {
          return new ApexDatetime(a[0].toUtc().getTime() + (a[1] as ApexTime).ms);
        }
        const [y, mo, d, h = 0, mi = 0, s = 0] = a.map((x) => numberOf(x));
        return new ApexDatetime(Date.UTC(y, mo - 1, d, h, mi, s));
      }
      case 'valueof':
      case 'valueofgmt': {
        if (a[0] === null) return null;
        const s = String(a[0]).trim();
        const r = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(s);
        if (!r) throw this.exception('System.TypeException', `Invalid date/time: ${s}`, line);
        return new ApexDatetime(Date.UTC(+r[1], +r[2] - 1, +r[3], +r[4], +r[5], +r[6]));
      }
    }
    throw this.interp.unsupported(`Datetime.${m}`, line);
  }

  // ---- instance methods ----

  callMethod(target: Value, method: string, args: Value[], line: number): Value {
    const m = method.toLowerCase();
    if (typeof target === 'string') {
      const r = stringMethod(this, target, m, args, line);
      return r === NOT_FOUND ? this.platform.callMethod(target, m, args, line) : r;
    }
    if (target instanceof ApexList) return listMethod(this, target, m, args, line);
    if (target instanceof ApexMap) return mapMethod(this, target, m, args, line);
    if (target instanceof ApexSet) return setMethod(this, target, m, args, line);
    if (target instanceof ApexDecimal) return decimalMethod(this, target, m, args, line);
    if (typeof target === 'number') return integerMethod(target, m, args);
    if (typeof target === 'boolean') {
      if (m === 'equals') return target === args[0];
      if (m === 'tostring') return String(target);
      return NOT_FOUND;
    }
    if (target instanceof ApexDate) return dateMethod(this, target, m, args, line);
    if (target instanceof ApexDatetime) return datetimeMethod(this, target, m, args, line);
    if (target instanceof ApexTime) return timeMethod(target, m, args);
    if (target instanceof EnumValue) {
      if (m === 'name') return target.name;
      if (m === 'ordinal') {
        const cls = this.interp.classes.get(target.enumType.toLowerCase());
        return cls ? cls.enumValues.indexOf(target.name) : target.ordinal;
      }
      if (m === 'equals') return apexEquals(target, args[0]);
      if (m === 'hashcode') return target.ordinal;
      if (m === 'tostring') return target.name;
      return NOT_FOUND;
    }
    if (target instanceof ApexObject && target.exception) return this.exceptionMethod(target, m, args, line);
    if (target instanceof ApexObject) {
      if (m === 'tostring') return apexToString(target);
      if (m === 'equals') return target === args[0];
      if (m === 'hashcode') return target.identity;
      return NOT_FOUND;
    }
    if (target instanceof TypeValue) {
      if (m === 'getname' || m === 'tostring') return target.name;
      if (m === 'newinstance') return this.platform.newInstanceOf(target, line);
      if (m === 'equals') return apexEquals(target, args[0]);
      if (m === 'hashcode') return hashKey(target).length;
      if (m === 'isassignablefrom') return this.platform.isAssignableFrom(target, args[0] as TypeValue);
      return NOT_FOUND;
    }
    if (target instanceof ApexBlob) {
      if (m === 'tostring') return target.unsetBody ? null : target.bytes.toString('utf8');
      if (m === 'size') return target.bytes.length;
      return NOT_FOUND;
    }
    if (target instanceof NativeObject && target.kind === 'iterator') {
      const items = target.data.items as Value[];
      if (m === 'hasnext') return (target.data.index as number) < items.length;
      if (m === 'next') {
        if ((target.data.index as number) >= items.length)
          throw this.exception('System.NoSuchElementException', 'Iterator has no more elements.', line);
        return items[(target.data.index as number)++];
      }
    }
    return this.platform.callMethod(target, m, args, line);
  }

  private exceptionMethod(e: ApexObject, m: string, a: Value[], line: number): Value {
    const x = e.exception!;
    switch (m) {
      case 'getmessage':
        return x.message;
      case 'setmessage':
        x.message = a[0] === null ? null : apexToString(a[0]);
        return null;
      case 'getcause':
        return x.cause;
      case 'initcause':
        x.cause = a[0] as ApexObject;
        return null;
      case 'gettypename':
        return e.cls.name;
      case 'getlinenumber':
        return x.line;
      case 'getstacktracestring':
        return x.stack;
      case 'tostring':
        return apexToString(e);
      case 'getnumdml':
        return x.dml?.length ?? 0;
      case 'getdmlmessage':
        return x.dml?.[numberOf(a[0])]?.message ?? null;
      case 'getdmltype':
        return x.dml?.[numberOf(a[0])] ? new EnumValue('StatusCode', x.dml[numberOf(a[0])].code, 0) : null;
      case 'getdmlstatuscode':
        return x.dml?.[numberOf(a[0])]?.code ?? null;
      case 'getdmlfieldnames':
        return new ApexList({ n: 'String' }, x.dml?.[numberOf(a[0])]?.fields ?? []);
      case 'getdmlfields':
        return new ApexList({ n: 'Schema.SObjectField' }, []);
      case 'getdmlid':
        return x.dml?.[numberOf(a[0])]?.id ?? null;
      case 'getdmlindex':
        return x.dml?.[numberOf(a[0])]?.index ?? null;
      case 'getinaccessiblefields':
        return new ApexMap({ n: 'String' }, { n: 'Set', a: [{ n: 'String' }] });
    }
    return this.platform.callMethod(e, m, a, line);
  }

  getProperty(target: Value, name: string, line: number): Value {
    if (target instanceof SObjectValue) return this.platform.getFieldByDot(target, name, line);
    return this.platform.getProperty(target, name, line);
  }

  setProperty(target: Value, name: string, value: Value, line: number): boolean {
    if (target instanceof SObjectValue) {
      this.platform.putField(target, name, value, line);
      return true;
    }
    return this.platform.setProperty(target, name, value, line);
  }

  soql(text: string, binds: Map<string, Value>, line: number): Value {
    return this.platform.soql(text, binds, line);
  }

  sosl(text: string, binds: Map<string, Value>, line: number): Value {
    return this.platform.sosl(text, binds, line);
  }

  dml(op: string, value: Value, opts: { access?: string; extId?: string; value2?: Value }, line: number): void {
    this.platform.dmlStatement(op, value, opts, line);
  }

  runAs(user: Value, body: () => void, line: number): void {
    this.platform.runAs(user, body, line);
  }
}

export { isNumeric, roundDecimal };

/**
 * Invocable actions from Apex (Apex Reference, "Invocable Namespace": Invocable.Action, Invocable.Action.Result,
 * Invocable.Action.Error). Results and errors are values a test may build with JSON.deserialize and read back
 * (isSuccess, getOutputParameters, getErrors, getCode, getMessage). `Invocable.Action.createCustomAction('Flow', name)`
 * then `invoke()`: a flow the project does not have gives one unsuccessful result per invocation (as in an org: the
 * CI of mitchspano/apex-trigger-actions-framework checks exactly that); running a flow the project has is not
 * emulated (UNSUPPORTED), and so are other action types and the error's code and message, which no document gives.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { packageDirectories } from '../frontend/parse';
import { ApexList, ApexMap, type Value } from '../interpreter/values';
import { NativeObject } from './native';
import type { Platform } from './platform';

/** API names of the project's flows (`<name>.flow-meta.xml` in a package directory). */
export function projectFlowNames(root: string): Set<string> {
  const names = new Set<string>();
  const walk = (dir: string): void => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.flow-meta.xml'))
        names.add(entry.name.replace(/\.flow-meta\.xml$/, '').toLowerCase());
    }
  };
  for (const dir of packageDirectories(root)) walk(dir);
  return names;
}

function entry(map: ApexMap, key: string): Value {
  for (const [k, v] of map.map.values()) if (String(k).toLowerCase() === key) return v;
  return null;
}

function outputMap(): ApexMap {
  return new ApexMap({ n: 'String' }, { n: 'Object' });
}

function errorFromJson(v: Value): Value {
  if (!(v instanceof ApexMap)) return null;
  return new NativeObject('invocableerror', { code: entry(v, 'code'), message: entry(v, 'message') });
}

/** JSON.deserialize into Invocable.Action.Result or Invocable.Action.Error; undefined for another type. */
export function invocableFromJson(p: Platform, typeName: string, v: Value, line: number): Value | undefined {
  const t = typeName.toLowerCase().replace(/^system\./, '');
  if (t !== 'invocable.action.result' && t !== 'invocable.action.error') return undefined;
  if (!(v instanceof ApexMap)) return null;
  if (t === 'invocable.action.error') return errorFromJson(v);
  if (entry(v, 'action') !== null)
    throw p.interp.unsupported('JSON.deserialize of an Invocable.Action.Result with its action', line);
  const outputs = outputMap();
  const given = entry(v, 'outputparameters');
  if (given instanceof ApexMap) for (const [k, x] of given.map.values()) p.interp.mapPut(outputs, k, x);
  const errors = entry(v, 'errors');
  return new NativeObject('invocableresult', {
    success: entry(v, 'success') === true,
    outputs,
    errors: errors instanceof ApexList ? errors.items.map(errorFromJson) : null
  });
}

/** JSON.serialize of a result or an error: the properties JSON.deserialize reads back; undefined for another value. */
export function invocableToJson(v: NativeObject, toJson: (x: Value) => unknown): unknown {
  if (v.kind === 'invocableerror') return { code: toJson(v.data.code), message: toJson(v.data.message) };
  if (v.kind === 'invocableresult')
    return {
      action: null,
      errors: toJson(
        v.data.errors === null ? null : new ApexList({ n: 'Invocable.Action.Error' }, v.data.errors as Value[])
      ),
      success: v.data.success,
      outputParameters: toJson(v.data.outputs)
    };
  return undefined;
}

/** `Invocable.Action.<method>(...)`, or undefined when it is not one of the class's static methods. */
export function invocableStatic(p: Platform, method: string, args: Value[], line: number): Value | undefined {
  if (method !== 'createcustomaction') return undefined;
  const [type, name] = args;
  if (String(type).toLowerCase() !== 'flow')
    throw p.interp.unsupported(`Invocable.Action.createCustomAction of type ${String(type)}`, line);
  return new NativeObject('invocableaction', { name: String(name), invocations: [] });
}

/** Methods of actions, results and errors; undefined for another object. */
export function invocableMethod(
  p: Platform,
  o: NativeObject,
  method: string,
  args: Value[],
  line: number
): Value | undefined {
  const d = o.data;
  switch (o.kind) {
    case 'invocableerror':
      // the code and message of a failure the runtime made up (an unknown flow) are not documented
      if ((method === 'getcode' || method === 'getmessage') && d.undocumented)
        throw p.interp.unsupported('the error code and message of an invocable action the org does not have', line);
      if (method === 'getcode') return d.code;
      if (method === 'getmessage') return d.message;
      return undefined;
    case 'invocableresult':
      if (method === 'issuccess') return d.success;
      if (method === 'getoutputparameters') return d.outputs;
      if (method === 'geterrors')
        return d.errors === null ? null : new ApexList({ n: 'Invocable.Action.Error' }, d.errors as Value[]);
      return undefined;
    case 'invocableaction':
      if (method === 'setinvocations') {
        d.invocations = args[0] instanceof ApexList ? [...args[0].items] : [];
        return null;
      }
      if (method === 'invoke') {
        if (p.flowApiNames.has(String(d.name).toLowerCase()))
          throw p.interp.unsupported(`running flow ${String(d.name)} from Apex (Invocable.Action)`, line);
        return new ApexList(
          { n: 'Invocable.Action.Result' },
          (d.invocations as Value[]).map(
            () =>
              new NativeObject('invocableresult', {
                success: false,
                outputs: outputMap(),
                errors: [new NativeObject('invocableerror', { code: null, message: null, undocumented: true })]
              })
          )
        );
      }
      return undefined;
  }
  return undefined;
}

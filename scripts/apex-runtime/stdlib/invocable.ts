/**
 * Flows and invocable actions from Apex (Apex Reference, "Invocable Namespace": Invocable.Action, Invocable.Action.Result,
 * Invocable.Action.Error; "Interview Class"). Results and errors are values a test may build with JSON.deserialize and
 * read back (isSuccess, getOutputParameters, getErrors, getCode, getMessage). `Invocable.Action.createCustomAction(
 * 'Flow', name).invoke()` and `Flow.Interview.createInterview(name, inputs).start()` run the project's autolaunched flow
 * (db/autolaunched-flow.ts); for a flow the project does not have, `invoke()` gives one unsuccessful result per
 * invocation (as in an org: the CI of mitchspano/apex-trigger-actions-framework checks exactly that). Other action
 * types, and the code and message of that failure, which no document gives, are UNSUPPORTED.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { packageDirectories } from '../frontend/parse';
import { runAutolaunchedFlow } from '../db/autolaunched-flow';
import { ApexList, ApexMap, type Value } from '../interpreter/values';
import { NativeObject } from './native';
import type { Platform } from './platform';

/** The project's flow files (`<name>.flow-meta.xml` in a package directory) by lower-case API name. */
export function projectFlowFiles(root: string): Map<string, string> {
  const names = new Map<string, string>();
  const walk = (dir: string): void => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.flow-meta.xml'))
        names.set(entry.name.replace(/\.flow-meta\.xml$/, '').toLowerCase(), full);
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

function inputsOf(v: Value): Map<string, Value> {
  const inputs = new Map<string, Value>();
  if (v instanceof ApexMap) for (const [k, x] of v.map.values()) inputs.set(String(k), x);
  return inputs;
}

/** The flow's output variables by API name, after a run. */
function outputsOf(p: Platform, file: string, inputs: Value, line: number): ApexMap {
  const run = runAutolaunchedFlow(p, file, inputsOf(inputs), line);
  const outputs = outputMap();
  for (const [key, name] of run.outputs) p.interp.mapPut(outputs, name, run.values.get(key) ?? null);
  return outputs;
}

/** `Flow.Interview.createInterview(name, inputs)`, or undefined for another method. */
export function flowInterviewStatic(p: Platform, method: string, args: Value[], line: number): Value | undefined {
  if (method !== 'createinterview') return undefined;
  const file = p.flowFiles.get(String(args[0]).toLowerCase());
  if (!file)
    throw p.interp.unsupported(
      `Flow.Interview.createInterview of a flow the project does not have (${String(args[0])})`,
      line
    );
  return new NativeObject('flowinterview', { file, inputs: args[1] ?? null, outputs: null });
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
    case 'flowinterview':
      if (method === 'start') {
        d.outputs = outputsOf(p, String(d.file), d.inputs, line);
        return null;
      }
      if (method === 'getvariablevalue') {
        // a variable that is not available for output, or one read before start(), is not documented: reported
        const outputs = d.outputs as ApexMap | null;
        const wanted = String(args[0]).toLowerCase();
        for (const [k, v] of outputs?.map.values() ?? []) if (String(k).toLowerCase() === wanted) return v;
        throw p.interp.unsupported(
          `Flow.Interview.getVariableValue of ${String(args[0])} (not an output, or before start())`,
          line
        );
      }
      return undefined;
    case 'invocableaction':
      if (method === 'setinvocations') {
        d.invocations = args[0] instanceof ApexList ? [...args[0].items] : [];
        return null;
      }
      if (method === 'invoke') {
        const file = p.flowFiles.get(String(d.name).toLowerCase());
        if (file)
          return new ApexList(
            { n: 'Invocable.Action.Result' },
            (d.invocations as Value[]).map(
              (inputs) =>
                new NativeObject('invocableresult', {
                  success: true,
                  outputs: outputsOf(p, file, inputs, line),
                  errors: []
                })
            )
          );
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

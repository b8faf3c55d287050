/**
 * The tree-walking Apex interpreter: classes, inheritance, interfaces, constructors and initialisers, statics per
 * transaction, properties, enums, switch, exceptions, safe navigation. The standard library (stdlib/) and the database
 * (db/) plug in through the Host interface; anything not implemented throws UnsupportedError naming the construct.
 */
import type { Block, CtorDecl, Expr, LocalDecl, MethodDecl, PropDecl, Stmt, TypeDecl, TypeRef } from '../frontend/ast';
import { ApexThrown, BREAK, CONTINUE, ReturnSignal, UnsupportedError } from './errors';
import { ApexObject, ClassInfo } from './objects';
import {
  apexEquals,
  apexToString,
  hashKey,
  ID_PATTERN,
  isNumeric,
  numberOf,
  to18,
  type EqualityHooks
} from './semantics';
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
  typeRefToString,
  type Value
} from './values';

const MS_PER_DAY = 86400000;

export const NOT_FOUND = Symbol('not found');

/** What the interpreter needs from the standard library and the database. */
export interface Host {
  callStatic(typePath: string, method: string, args: Value[], line: number): Value | typeof NOT_FOUND;
  staticField(typePath: string, name: string, line: number): Value | typeof NOT_FOUND;
  callMethod(target: Value, method: string, args: Value[], line: number): Value | typeof NOT_FOUND;
  getProperty(target: Value, name: string, line: number): Value | typeof NOT_FOUND;
  setProperty(target: Value, name: string, value: Value, line: number): boolean;
  construct(type: TypeRef, args: Value[], named: [string, Value][] | null, line: number): Value | typeof NOT_FOUND;
  /** a built-in type or namespace name ("System", "Schema.SObjectType", "Account") */
  isBuiltinType(path: string): boolean;
  isSObjectType(name: string): string | null;
  soql(text: string, binds: Map<string, Value>, line: number): Value;
  sosl(text: string, binds: Map<string, Value>, line: number): Value;
  dml(op: string, value: Value, opts: { access?: string; extId?: string; value2?: Value }, line: number): void;
  runAs(user: Value, body: () => void, line: number): void;
  /** queues an @future method's run as the platform's async work */
  enqueueFuture(name: string, run: () => void, line: number): void;
  /** a System.* exception by its type name */
  newException(typeName: string, message: string, line: number): ApexObject;
}

class Scope {
  readonly vars = new Map<string, { v: Value; t?: TypeRef }>();
  constructor(readonly parent: Scope | null) {}
  lookup(name: string): { v: Value; t?: TypeRef } | undefined {
    const own = this.vars.get(name);
    if (own) return own;
    return this.parent ? this.parent.lookup(name) : undefined;
  }
}

export interface Frame {
  cls: ClassInfo;
  thisObj: ApexObject | null;
  method: string;
  line: number;
  /** inside a property accessor, the property's own name reads/writes its backing slot */
  accessorOf?: string;
}

const MAX_DEPTH = 1000;

/** Instance methods of System.Type (Apex Reference, "Type Class") that SObject type names do not have as statics. */
const TYPE_METHODS = new Set(['getname', 'newinstance', 'tostring', 'equals', 'hashcode', 'isassignablefrom']);

export class Interpreter implements EqualityHooks {
  readonly classes = new Map<string, ClassInfo>();
  host!: Host;
  /** static fields per class, for one transaction (reset per test method) */
  statics = new Map<ClassInfo, Map<string, Value>>();
  private staticsReady = new Set<ClassInfo>();
  readonly stack: Frame[] = [];
  /** executed lines per file, for --coverage */
  readonly covered = new Map<string, Set<number>>();
  private coverageOn = false;
  private currentCovered: Set<number> | null = null;

  // ---- class registry ----

  addType(decl: TypeDecl, file: string | null, outer: ClassInfo | null = null): ClassInfo {
    const name = outer ? `${outer.name}.${decl.name}` : decl.name;
    const info = new ClassInfo(name, decl, outer, file);
    this.classes.set(info.lname, info);
    if (outer) outer.inner.set(decl.name.toLowerCase(), info);
    for (const inner of decl.inner) this.addType(inner, file, info);
    return info;
  }

  addBuiltinClass(name: string, superName: string | null): ClassInfo {
    const info = new ClassInfo(name, null, null, null);
    this.classes.set(info.lname, info);
    const simple = name.includes('.') ? name.slice(name.indexOf('.') + 1).toLowerCase() : null;
    if (simple && !this.classes.has(simple)) this.classes.set(simple, info);
    if (superName) info.superclass = this.classes.get(superName.toLowerCase()) ?? null;
    return info;
  }

  /** Resolves superclasses and interfaces once every type is registered. */
  link(): void {
    for (const info of new Set(this.classes.values())) {
      const decl = info.decl;
      if (!decl) continue;
      if (decl.ext) info.superclass = this.resolveClass(decl.ext.n, info.outer ?? info) ?? null;
      if (decl.kind === 'interface')
        info.interfaces = decl.impl.map((t) => this.resolveClass(t.n, info)).filter((c): c is ClassInfo => !!c);
      else info.interfaces = decl.impl.map((t) => this.resolveClass(t.n, info)).filter((c): c is ClassInfo => !!c);
    }
  }

  /** A class visible from `context` by (possibly dotted) name: inner classes of the context and its outers first. */
  resolveClass(name: string, context: ClassInfo | null): ClassInfo | undefined {
    const lname = name.toLowerCase().replace(/^system\./, (m) => (this.classes.has(name.toLowerCase()) ? m : ''));
    for (let c = context; c; c = c.outer) {
      for (let s: ClassInfo | null = c; s; s = s.superclass) {
        const inner = s.classesInner(lname);
        if (inner) return inner;
      }
    }
    return this.classes.get(lname) ?? this.classes.get(name.toLowerCase());
  }

  // ---- transaction state ----

  resetStatics(): void {
    this.statics = new Map();
    this.staticsReady = new Set();
  }

  enableCoverage(): void {
    this.coverageOn = true;
  }

  private staticMap(cls: ClassInfo): Map<string, Value> {
    let m = this.statics.get(cls);
    if (!m) {
      m = new Map();
      this.statics.set(cls, m);
    }
    return m;
  }

  ensureStatics(cls: ClassInfo): void {
    if (this.staticsReady.has(cls) || !cls.decl) return;
    this.staticsReady.add(cls);
    if (cls.superclass) this.ensureStatics(cls.superclass);
    if (cls.outer) this.ensureStatics(cls.outer);
    const map = this.staticMap(cls);
    const decl = cls.decl;
    for (const f of decl.fields) if (f.mods.includes('static')) map.set(f.name.toLowerCase(), null);
    for (const p of decl.props) if (p.mods.includes('static')) map.set(p.name.toLowerCase(), null);
    for (const step of decl.order) {
      if (!step.static) continue;
      if (step.field !== undefined) {
        const f = cls.fields.get(step.field.toLowerCase())!;
        if (f.init) {
          const v = this.withFrame({ cls, thisObj: null, method: '<clinit>', line: f.line }, () => {
            this.mark(f.line);
            return this.evalIn(f.init!, new Scope(null));
          });
          map.set(f.name.toLowerCase(), this.coerce(v, f.type, f.line));
        }
      } else if (step.init !== undefined) {
        const body = decl.inits[step.init].body;
        this.withFrame({ cls, thisObj: null, method: '<clinit>', line: body.line }, () =>
          this.execBlock(body, new Scope(null))
        );
      }
    }
  }

  // ---- frames ----

  get frame(): Frame {
    return this.stack[this.stack.length - 1];
  }

  withFrame<T>(frame: Frame, fn: () => T): T {
    if (this.stack.length > MAX_DEPTH)
      throw this.exception('System.LimitException', 'Maximum stack depth reached: 1001', frame.line);
    this.stack.push(frame);
    const saved = this.currentCovered;
    if (this.coverageOn && frame.cls.file) {
      const key = frame.cls.file;
      let set = this.covered.get(key);
      if (!set) {
        set = new Set();
        this.covered.set(key, set);
      }
      this.currentCovered = set;
    } else this.currentCovered = null;
    try {
      return fn();
    } finally {
      this.stack.pop();
      this.currentCovered = saved;
    }
  }

  /** `Class.method: line N, column 1` lines, innermost first, as getStackTraceString() prints them. */
  stackTrace(): string {
    return [...this.stack]
      .reverse()
      .filter((f) => f.cls.decl)
      .map((f) => `Class.${f.cls.name}.${f.method}: line ${f.line}, column 1`)
      .join('\n');
  }

  exception(typeName: string, message: string, line: number): ApexThrown {
    if (this.stack.length > 0) this.frame.line = line;
    return new ApexThrown(this.host.newException(typeName, message, line));
  }

  unsupported(what: string, line: number): UnsupportedError {
    const f = this.stack.length > 0 ? this.frame : null;
    return new UnsupportedError(what, line, f ? `${f.cls.name}.${f.method}` : '');
  }

  // ---- invocation ----

  /** Calls a static or instance method; args are already evaluated. */
  invoke(cls: ClassInfo, m: MethodDecl, thisObj: ApexObject | null, args: Value[], line: number): Value {
    // an @future method runs later, in its own transaction (Apex Developer Guide, "Future Methods")
    if (m.ann.some((a) => a.name.toLowerCase() === 'future')) {
      this.host.enqueueFuture(`${cls.name}.${m.name}`, () => this.invokeNow(cls, m, thisObj, args, line), line);
      return null;
    }
    return this.invokeNow(cls, m, thisObj, args, line);
  }

  private invokeNow(cls: ClassInfo, m: MethodDecl, thisObj: ApexObject | null, args: Value[], line: number): Value {
    if (!m.body) {
      if (m.mods.includes('abstract') || cls.kind === 'interface')
        throw this.unsupported(`call of abstract method ${cls.name}.${m.name}`, line);
      throw this.unsupported(`method without body ${cls.name}.${m.name}`, line);
    }
    this.ensureStatics(cls);
    const scope = new Scope(null);
    m.params.forEach((p, i) => scope.vars.set(p.n.toLowerCase(), { v: this.coerce(args[i], p.type, line), t: p.type }));
    return this.withFrame({ cls, thisObj, method: m.name, line: m.line }, () => {
      const r = this.execBlock(m.body!, scope);
      if (r instanceof ReturnSignal) return m.ret ? this.coerce(r.value, m.ret, line) : null;
      return null;
    });
  }

  /** Static types of the arguments of the call being resolved (a cast null, `(String) null`, picks its overload). */
  private argHints: (TypeRef | undefined)[] | null = null;

  private hintsOf(args: Expr[]): (TypeRef | undefined)[] {
    return args.map((a) => {
      if (a.k === 'cast') return a.type;
      if (a.k === 'name') return this.scope.lookup(a.n.toLowerCase())?.t;
      return undefined;
    });
  }

  /**
   * Overload resolution: by argument count, then by how well runtime values fit the parameter types. The types are
   * named where the candidates are declared (`declaredIn`): an inner interface of that class, say.
   */
  pickOverload(
    cands: MethodDecl[] | { params: { type: TypeRef }[] }[],
    args: Value[],
    declaredIn: ClassInfo | null = null
  ): number {
    const hints = this.argHints && this.argHints.length === args.length ? this.argHints : null;
    this.argHints = null;
    let best = -1;
    let bestScore = -1;
    cands.forEach((m, i) => {
      if (m.params.length !== args.length) return;
      let score = 1;
      for (let k = 0; k < args.length; k++) {
        const hint = hints?.[k];
        const fit =
          (args[k] === null || args[k] === undefined) && hint
            ? hint.n.toLowerCase() === m.params[k].type.n.toLowerCase() || m.params[k].type.n.toLowerCase() === 'object'
              ? 3
              : -1
            : this.fitScore(args[k], m.params[k].type, declaredIn);
        if (fit < 0) {
          score = -1;
          break;
        }
        score += fit;
      }
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    });
    if (best < 0) {
      // fall back to the arity match when the runtime types are unknown to fitScore
      best = cands.findIndex((m) => m.params.length === args.length);
    }
    return best;
  }

  private fitScore(v: Value, t: TypeRef, declaredIn: ClassInfo | null): number {
    if (v === null || v === undefined) return 1;
    const n = t.n.toLowerCase();
    if (n === 'object') return 1;
    if (this.isInstance(v, t, declaredIn)) return 3;
    if (typeof v === 'number' && (n === 'decimal' || n === 'double' || n === 'long')) return 2;
    if (typeof v === 'string' && (n === 'id' || n === 'string')) return 2;
    return -1;
  }

  /** Finds a method by name in a class chain (virtual dispatch starts at the runtime class). */
  findMethod(
    cls: ClassInfo,
    name: string,
    args: Value[],
    wantStatic: boolean | null
  ): { cls: ClassInfo; m: MethodDecl } | null {
    const key = name.toLowerCase();
    for (let c: ClassInfo | null = cls; c; c = c.superclass) {
      const list = c.methods.get(key);
      if (list) {
        const usable = list.filter(
          (m) =>
            (wantStatic === null || m.mods.includes('static') === wantStatic) &&
            (m.body || c!.kind !== 'class' || !m.mods.includes('abstract'))
        );
        const withBody = usable.filter((m) => m.body);
        const pool = withBody.length > 0 ? withBody : usable;
        const i = this.pickOverload(pool, args, c);
        if (i >= 0) return { cls: c, m: pool[i] };
      }
    }
    return null;
  }

  /** Calls `name` on a user object with virtual dispatch; NOT_FOUND when the class chain has no such method. */
  callObjectMethod(obj: ApexObject, name: string, args: Value[], line: number): Value | typeof NOT_FOUND {
    if (obj.native?.stubProvider) return this.callStub(obj, name, args, line);
    const found = this.findMethod(obj.cls, name, args, false) ?? this.findMethod(obj.cls, name, args, true);
    if (found) return this.invoke(found.cls, found.m, found.m.mods.includes('static') ? null : obj, args, line);
    return NOT_FOUND;
  }

  /** A Test.createStub object: StubProvider.handleMethodCall(stub, name, returnType, paramTypes, paramNames, args). */
  private callStub(obj: ApexObject, name: string, args: Value[], line: number): Value {
    const found = this.findMethod(obj.cls, name, args, false) ?? this.findMethod(obj.cls, name, args, null);
    const m = found?.m;
    const params = m?.params ?? [];
    const typeOf = (t: TypeRef | null): Value =>
      t ? new TypeValue(this.canonicalTypeName(t), t) : new TypeValue('void');
    return this.callMethodOn(
      obj.native!.stubProvider,
      'handleMethodCall',
      [
        obj,
        m?.name ?? name,
        typeOf(m ? m.ret : null),
        new ApexList(
          { n: 'System.Type' },
          params.map((p) => typeOf(p.type))
        ),
        new ApexList(
          { n: 'String' },
          params.map((p) => p.n)
        ),
        new ApexList({ n: 'Object' }, args)
      ],
      line
    );
  }

  // ---- construction ----

  instantiate(cls: ClassInfo, args: Value[], line: number): ApexObject {
    if (cls.decl?.mods.includes('abstract') || cls.kind === 'interface') {
      throw this.unsupported(`new of abstract type ${cls.name}`, line);
    }
    this.ensureStatics(cls);
    const obj = new ApexObject(cls);
    this.construct(cls, obj, args, line);
    return obj;
  }

  private construct(cls: ClassInfo, obj: ApexObject, args: Value[], line: number): void {
    if (!cls.decl) {
      // a built-in superclass (Exception): (), (message), (cause), (message, cause)
      if (cls.isException) this.initException(obj, args, line);
      return;
    }
    const ctors = cls.decl.ctors;
    let ctor: CtorDecl | null = null;
    if (ctors.length > 0) {
      const i = this.pickOverload(ctors, args, cls);
      if (i < 0) {
        if (cls.isException && ctors.every((c) => c.params.length !== args.length)) {
          this.construct(cls.superclass!, obj, args, line);
          this.initFields(cls, obj);
          return;
        }
        throw this.unsupported(`constructor of ${cls.name} with ${args.length} argument(s)`, line);
      }
      ctor = ctors[i];
    } else if (args.length > 0 && !cls.isException) {
      throw this.unsupported(`constructor of ${cls.name} with ${args.length} argument(s)`, line);
    }
    if (!ctor) {
      if (cls.superclass) this.construct(cls.superclass, obj, cls.isException ? args : [], line);
      this.initFields(cls, obj);
      return;
    }
    const c = ctor;
    const scope = new Scope(null);
    c.params.forEach((p, i) => scope.vars.set(p.n.toLowerCase(), { v: this.coerce(args[i], p.type, line), t: p.type }));
    this.withFrame({ cls, thisObj: obj, method: '<init>', line: c.line }, () => {
      const body = c.body.s;
      const first = body[0];
      let rest = body;
      if (first && first.k === 'expr' && first.e.k === 'thisCall') {
        const call = first.e;
        const callArgs = call.args.map((a) => this.evalIn(a, scope));
        this.mark(first.line);
        if (call.sup) {
          if (cls.superclass) this.construct(cls.superclass, obj, callArgs, first.line);
          this.initFields(cls, obj);
        } else {
          this.construct(cls, obj, callArgs, first.line);
        }
        rest = body.slice(1);
      } else {
        if (cls.superclass) this.construct(cls.superclass, obj, [], c.line);
        this.initFields(cls, obj);
      }
      this.execBlock({ k: 'block', line: c.line, s: rest }, scope);
    });
  }

  private initException(obj: ApexObject, args: Value[], line: number): void {
    let message: string | null = null;
    let cause: ApexObject | null = null;
    for (const a of args) {
      if (a instanceof ApexObject && a.exception) cause = a;
      else if (a !== null && a !== undefined) message = apexToString(a);
    }
    // an AuraHandledException's getMessage() is "Script-thrown exception" until setMessage() (Apex Reference Guide)
    if (obj.cls.lname === 'system.aurahandledexception') message = 'Script-thrown exception';
    obj.exception = { message, cause, line, stack: this.stackTrace() };
  }

  private initFields(cls: ClassInfo, obj: ApexObject): void {
    const decl = cls.decl!;
    for (const f of decl.fields) if (!f.mods.includes('static')) obj.fields.set(f.name.toLowerCase(), null);
    for (const p of decl.props) if (!p.mods.includes('static')) obj.fields.set(p.name.toLowerCase(), null);
    this.withFrame({ cls, thisObj: obj, method: '<init>', line: decl.line }, () => {
      for (const step of decl.order) {
        if (step.static) continue;
        if (step.field !== undefined) {
          const f = cls.fields.get(step.field.toLowerCase())!;
          if (f.init) {
            this.frame.line = f.line;
            this.mark(f.line);
            obj.fields.set(f.name.toLowerCase(), this.coerce(this.evalIn(f.init, new Scope(null)), f.type, f.line));
          }
        } else if (step.init !== undefined) {
          this.execBlock(decl.inits[step.init].body, new Scope(null));
        }
      }
    });
  }

  // ---- statements ----

  private mark(line: number): void {
    if (this.currentCovered) this.currentCovered.add(line);
  }

  execBlock(block: Block, parent: Scope): unknown {
    const scope = new Scope(parent);
    for (const s of block.s) {
      const r = this.exec(s, scope);
      if (r !== undefined) return r;
    }
    return undefined;
  }

  /** Runs a top-level statement list (trigger bodies, anonymous code) with a given scope. */
  runBlock(block: Block, vars: Map<string, Value>): void {
    const scope = new Scope(null);
    for (const [k, v] of vars) scope.vars.set(k.toLowerCase(), { v });
    this.execBlock(block, scope);
  }

  exec(s: Stmt, scope: Scope): unknown {
    const f = this.frame;
    f.line = s.line;
    if (this.currentCovered && s.k !== 'block') this.currentCovered.add(s.line);
    switch (s.k) {
      case 'block':
        return this.execBlock(s, scope);
      case 'local':
        this.declareLocals(s, scope);
        return undefined;
      case 'expr':
        this.evalIn(s.e, scope);
        return undefined;
      case 'if':
        if (this.truthy(this.evalIn(s.c, scope), s.line)) return this.execScoped(s.t, scope);
        if (s.f) return this.execScoped(s.f, scope);
        return undefined;
      case 'while':
        while (this.truthy(this.evalIn(s.c, scope), s.line)) {
          const r = this.execScoped(s.body, scope);
          if (r === BREAK) break;
          if (r === CONTINUE) continue;
          if (r !== undefined) return r;
        }
        return undefined;
      case 'dowhile':
        do {
          const r = this.execScoped(s.body, scope);
          if (r === BREAK) break;
          if (r === CONTINUE) continue;
          if (r !== undefined) return r;
        } while (this.truthy(this.evalIn(s.c, scope), s.line));
        return undefined;
      case 'for':
        return this.execFor(s, scope);
      case 'foreach':
        return this.execForeach(s, scope);
      case 'switch':
        return this.execSwitch(s, scope);
      case 'try':
        return this.execTry(s, scope);
      case 'return':
        return new ReturnSignal(s.e ? this.evalIn(s.e, scope) : null);
      case 'throw': {
        const v = this.evalIn(s.e, scope);
        if (!(v instanceof ApexObject) || !v.exception) {
          if (v === null)
            throw this.exception('System.NullPointerException', 'Attempt to de-reference a null object', s.line);
          throw this.unsupported('throw of a non-exception value', s.line);
        }
        if (!v.exception.stack) v.exception.stack = this.stackTrace();
        v.exception.line = v.exception.line || s.line;
        throw new ApexThrown(v);
      }
      case 'break':
        return BREAK;
      case 'continue':
        return CONTINUE;
      case 'dml': {
        const v = this.evalIn(s.e, scope);
        const v2 = s.e2 ? this.evalIn(s.e2, scope) : undefined;
        this.host.dml(s.op, v, { access: s.access, extId: s.extId, value2: v2 }, s.line);
        return undefined;
      }
      case 'runas': {
        const user = this.evalIn(s.args[0], scope);
        let result: unknown;
        this.host.runAs(
          user,
          () => {
            result = this.execBlock(s.body, scope);
          },
          s.line
        );
        return result;
      }
      case 'unsupported':
        throw this.unsupported(s.what, s.line);
    }
    return undefined;
  }

  private execScoped(s: Stmt, scope: Scope): unknown {
    return s.k === 'block' ? this.execBlock(s, scope) : this.exec(s, new Scope(scope));
  }

  private declareLocals(s: LocalDecl, scope: Scope): void {
    for (const d of s.decls) {
      const v = d.init ? this.coerce(this.evalIn(d.init, scope), s.type, d.line) : null;
      scope.vars.set(d.n.toLowerCase(), { v, t: s.type });
    }
  }

  private execFor(s: Extract<Stmt, { k: 'for' }>, outer: Scope): unknown {
    const scope = new Scope(outer);
    if (s.init) this.declareLocals(s.init, scope);
    if (s.initExprs) for (const e of s.initExprs) this.evalIn(e, scope);
    for (;;) {
      if (s.c && !this.truthy(this.evalIn(s.c, scope), s.line)) break;
      const r = this.execScoped(s.body, scope);
      if (r === BREAK) break;
      if (r !== undefined && r !== CONTINUE) return r;
      if (s.update) for (const e of s.update) this.evalIn(e, scope);
    }
    return undefined;
  }

  private execForeach(s: Extract<Stmt, { k: 'foreach' }>, outer: Scope): unknown {
    const coll = this.evalIn(s.e, outer);
    if (coll === null || coll === undefined)
      throw this.exception('System.NullPointerException', 'Attempt to de-reference a null object', s.line);
    let items: Value[];
    if (coll instanceof ApexList) items = [...coll.items];
    else if (coll instanceof ApexSet) items = [...coll.map.values()];
    else {
      // an Iterable: iterator(), then hasNext()/next()
      const it = this.callMethodOn(coll, 'iterator', [], s.line);
      items = [];
      while (this.callMethodOn(it, 'hasNext', [], s.line) === true)
        items.push(this.callMethodOn(it, 'next', [], s.line));
    }
    // SOQL for loops over a list variable (List<SObject> chunks) get the whole list once
    // a SOQL for loop with a list variable gets the rows in chunks of 200 (Apex Developer Guide, "SOQL For Loops")
    const listLoop = s.type.n.toLowerCase() === 'list' && !(items[0] instanceof ApexList);
    if (listLoop) {
      const chunks: Value[] = [];
      for (let i = 0; i < items.length; i += 200)
        chunks.push(new ApexList((coll as ApexList).elemType, items.slice(i, i + 200)));
      items = chunks;
    }
    for (const item of items) {
      const scope = new Scope(outer);
      scope.vars.set(s.n.toLowerCase(), { v: item, t: s.type });
      const r = this.execScoped(s.body, scope);
      if (r === BREAK) break;
      if (r !== undefined && r !== CONTINUE) return r;
    }
    return undefined;
  }

  private execSwitch(s: Extract<Stmt, { k: 'switch' }>, scope: Scope): unknown {
    const v = this.evalIn(s.e, scope);
    for (const w of s.whens) {
      if (w.kind === 'else') return this.execBlock(w.body, scope);
      if (w.kind === 'type') {
        if (v !== null && this.isInstance(v, w.type!)) {
          const inner = new Scope(scope);
          inner.vars.set(w.n!.toLowerCase(), { v, t: w.type });
          return this.execBlock(w.body, inner);
        }
        continue;
      }
      for (const lit of w.values!) {
        let match: boolean;
        if (v instanceof EnumValue && lit.k === 'name') match = v.name.toLowerCase() === lit.n.toLowerCase();
        else {
          const lv = this.evalIn(lit, scope);
          match = typeof v === 'string' && typeof lv === 'string' ? v === lv : apexEquals(v, lv, this);
        }
        if (match) return this.execBlock(w.body, scope);
      }
    }
    return undefined;
  }

  private execTry(s: Extract<Stmt, { k: 'try' }>, scope: Scope): unknown {
    let result: unknown;
    try {
      result = this.execBlock(s.body, scope);
    } catch (e) {
      if (!(e instanceof ApexThrown)) throw e;
      const exc = e.exception;
      const uncatchable = exc.cls.lname === 'system.limitexception' || exc.cls.lname === 'system.assertexception';
      const clause = uncatchable ? undefined : s.catches.find((c) => this.exceptionMatches(exc, c.type.n));
      if (!clause) {
        if (s.fin) {
          const fr = this.execBlock(s.fin, scope);
          if (fr !== undefined) return fr;
        }
        throw e;
      }
      const inner = new Scope(scope);
      inner.vars.set(clause.n.toLowerCase(), { v: exc, t: clause.type });
      try {
        result = this.execBlock(clause.body, inner);
      } catch (e2) {
        if (s.fin) {
          const fr = this.execBlock(s.fin, scope);
          if (fr !== undefined) return fr;
        }
        throw e2;
      }
    }
    if (s.fin) {
      const fr = this.execBlock(s.fin, scope);
      if (fr !== undefined) return fr;
    }
    return result;
  }

  private exceptionMatches(exc: ApexObject, typeName: string): boolean {
    const lname = typeName.toLowerCase();
    if (lname === 'exception' || lname === 'system.exception') return true;
    const target = this.resolveClass(typeName, this.frame.cls) ?? this.classes.get('system.' + lname);
    return !!target && exc.cls.isSubclassOf(target);
  }

  // ---- expressions ----

  truthy(v: Value, line: number): boolean {
    if (v === null || v === undefined)
      throw this.exception('System.NullPointerException', 'Attempt to de-reference a null object', line);
    return v === true;
  }

  private scopes: Scope[] = [];

  /** Evaluates with a scope (the scope is kept on a stack so nested evaluation finds it). */
  evalIn(e: Expr, scope: Scope): Value {
    this.scopes.push(scope);
    try {
      return this.ev(e);
    } finally {
      this.scopes.pop();
    }
  }

  private get scope(): Scope {
    return this.scopes[this.scopes.length - 1];
  }

  ev(e: Expr): Value {
    switch (e.k) {
      case 'lit':
        return literalValue(e);
      case 'name':
        return this.evName(e.n, e.line);
      case 'this':
        return this.frame.thisObj;
      case 'super':
        return this.frame.thisObj;
      case 'classLit':
        return new TypeValue(this.canonicalTypeName(e.type), e.type);
      case 'dot':
        return this.evDot(e);
      case 'call':
        return this.evCall(e);
      case 'new':
        return this.evNew(e);
      case 'idx':
        return this.evIndex(e);
      case 'assign':
        return this.evAssign(e);
      case 'bin':
        return this.evBinary(e);
      case 'cond':
        return this.truthy(this.ev(e.c), e.line) ? this.ev(e.a) : this.ev(e.b);
      case 'unary':
        return this.evUnary(e);
      case 'incdec': {
        const old = this.ev(e.e);
        if (old === null)
          throw this.exception('System.NullPointerException', 'Attempt to de-reference a null object', e.line);
        const nv = this.arith(e.op === '++' ? '+' : '-', old, 1, e.line);
        this.assignTo(e.e, nv);
        return e.prefix ? nv : old;
      }
      case 'cast':
        return this.cast(this.ev(e.e), e.type, e.line);
      case 'instanceof': {
        const v = this.ev(e.e);
        return v !== null && v !== undefined && this.isInstance(v, e.type);
      }
      case 'soql': {
        const binds = new Map<string, Value>();
        e.binds.forEach((b, i) => binds.set(`__b${i}`, this.ev(b)));
        return this.host.soql(e.text, binds, e.line);
      }
      case 'sosl': {
        const binds = new Map<string, Value>();
        e.binds.forEach((b, i) => binds.set(`__b${i}`, this.ev(b)));
        return this.host.sosl(e.text, binds, e.line);
      }
      case 'thisCall':
        throw this.unsupported('this(...)/super(...) outside the first statement of a constructor', e.line);
      case 'unsupported':
        throw this.unsupported(e.what, e.line);
    }
    return null;
  }

  /** An unqualified name: local, field or property of this object, static of the class (or outers), else a type. */
  private evName(name: string, line: number): Value {
    const key = name.toLowerCase();
    const slot = this.scope.lookup(key);
    if (slot) return slot.v;
    const f = this.frame;
    if (f.accessorOf === key && f.thisObj && f.thisObj.fields.has(key)) return f.thisObj.fields.get(key);
    if (f.thisObj) {
      const member = this.readMember(f.thisObj, key, line, f.accessorOf === key);
      if (member !== NOT_FOUND) return member;
    }
    for (let c: ClassInfo | null = f.cls; c; c = c.outer) {
      const st = this.readStatic(c, key, line, f.accessorOf === key);
      if (st !== NOT_FOUND) return st;
    }
    return this.typeValueOf(name, line);
  }

  /** A name that is not a variable: a class, SObject type or built-in namespace. */
  private typeValueOf(name: string, line: number): Value {
    const cls = this.resolveClass(name, this.frame.cls);
    if (cls) return new TypeValue(cls.name);
    const sobj = this.host.isSObjectType(name);
    if (sobj) return new TypeValue(sobj);
    if (this.host.isBuiltinType(name)) return new TypeValue(name);
    throw this.unsupported(`unknown variable or type '${name}'`, line);
  }

  /** Instance field or property (through the class chain). */
  private readMember(obj: ApexObject, key: string, line: number, raw = false): Value | typeof NOT_FOUND {
    for (let c: ClassInfo | null = obj.cls; c; c = c.superclass) {
      const prop = c.props.get(key);
      if (prop && !prop.mods.includes('static')) {
        if (!raw && prop.getter?.body) return this.runAccessor(c, obj, prop, 'get', null, line);
        return obj.fields.get(key) ?? null;
      }
      const fd = c.fields.get(key);
      if (fd && !fd.mods.includes('static')) return obj.fields.get(key) ?? null;
    }
    if (obj.fields.has(key)) return obj.fields.get(key);
    // statics are reachable through an instance's class chain
    for (let c: ClassInfo | null = obj.cls; c; c = c.superclass) {
      const st = this.readStatic(c, key, line, raw);
      if (st !== NOT_FOUND) return st;
    }
    return NOT_FOUND;
  }

  private runAccessor(
    cls: ClassInfo,
    thisObj: ApexObject | null,
    prop: PropDecl,
    kind: 'get' | 'set',
    value: Value,
    line: number
  ): Value {
    const acc = kind === 'get' ? prop.getter! : prop.setter!;
    const scope = new Scope(null);
    if (kind === 'set') scope.vars.set('value', { v: value, t: prop.type });
    return this.withFrame(
      { cls, thisObj, method: `${kind}${prop.name}`, line: prop.line, accessorOf: prop.name.toLowerCase() },
      () => {
        const r = this.execBlock(acc.body!, scope);
        if (r instanceof ReturnSignal) return this.coerce(r.value, prop.type, line);
        return null;
      }
    );
  }

  private readStatic(cls: ClassInfo, key: string, line: number, raw = false): Value | typeof NOT_FOUND {
    for (let c: ClassInfo | null = cls; c; c = c.superclass) {
      const fd = c.fields.get(key);
      const prop = c.props.get(key);
      if ((fd && fd.mods.includes('static')) || (prop && prop.mods.includes('static'))) {
        this.ensureStatics(c);
        if (prop && !raw && prop.getter?.body) return this.runAccessor(c, null, prop, 'get', null, line);
        return this.staticMap(c).get(key) ?? null;
      }
      if (c.kind === 'enum') {
        const i = c.enumValues.findIndex((v) => v.toLowerCase() === key);
        if (i >= 0) return new EnumValue(c.name, c.enumValues[i], i);
      }
    }
    return NOT_FOUND;
  }

  private writeStatic(cls: ClassInfo, key: string, value: Value, line: number, raw = false): boolean {
    for (let c: ClassInfo | null = cls; c; c = c.superclass) {
      const fd = c.fields.get(key);
      const prop = c.props.get(key);
      if ((fd && fd.mods.includes('static')) || (prop && prop.mods.includes('static'))) {
        this.ensureStatics(c);
        if (prop && !raw && prop.setter?.body) {
          this.runAccessor(c, null, prop, 'set', value, line);
          return true;
        }
        this.staticMap(c).set(key, this.coerce(value, (fd ?? prop)!.type, line));
        return true;
      }
    }
    return false;
  }

  private writeMember(obj: ApexObject, key: string, value: Value, line: number, raw = false): boolean {
    for (let c: ClassInfo | null = obj.cls; c; c = c.superclass) {
      const prop = c.props.get(key);
      if (prop && !prop.mods.includes('static')) {
        if (!raw && prop.setter?.body) {
          this.runAccessor(c, obj, prop, 'set', value, line);
          return true;
        }
        obj.fields.set(key, this.coerce(value, prop.type, line));
        return true;
      }
      const fd = c.fields.get(key);
      if (fd && !fd.mods.includes('static')) {
        obj.fields.set(key, this.coerce(value, fd.type, line));
        return true;
      }
    }
    for (let c: ClassInfo | null = obj.cls; c; c = c.superclass)
      if (this.writeStatic(c, key, value, line, raw)) return true;
    return false;
  }

  /** `target.name` where target may be a type path (TypeValue), an object, an SObject or a built-in value. */
  private evDot(e: Extract<Expr, { k: 'dot' }>): Value {
    const target = this.ev(e.e);
    if (target === null || target === undefined) {
      if (e.safe) return null;
      throw this.exception('System.NullPointerException', 'Attempt to de-reference a null object', e.line);
    }
    return this.getMember(target, e.n, e.line);
  }

  /** The row of a single-row query: QueryException when there is none or more than one. */
  singleRow(list: ApexList, line: number): Value {
    if (list.items.length === 0)
      throw this.exception('System.QueryException', 'List has no rows for assignment to SObject', line);
    if (list.items.length > 1)
      throw this.exception('System.QueryException', 'List has more than 1 row for assignment to SObject', line);
    return list.items[0];
  }

  getMember(target: Value, name: string, line: number): Value {
    const key = name.toLowerCase();
    if (target instanceof ApexList && target.items.every((x) => x instanceof SObjectValue))
      target = this.singleRow(target, line);
    if (target instanceof TypeValue) return this.staticMember(target, name, line);
    if (target instanceof ApexObject && target.cls.decl) {
      const raw = this.frame.accessorOf === key && this.frame.thisObj === target;
      const v = this.readMember(target, key, line, raw);
      if (v !== NOT_FOUND) return v;
    }
    const v = this.host.getProperty(target, name, line);
    if (v !== NOT_FOUND) return v;
    throw this.unsupported(`member '${name}' of ${this.typeNameOf(target)}`, line);
  }

  private staticMember(t: TypeValue, name: string, line: number): Value {
    const cls = this.resolveClass(t.name, this.frame.cls);
    if (cls) {
      const key = name.toLowerCase();
      const v = this.readStatic(cls, key, line);
      if (v !== NOT_FOUND) return v;
      const inner = cls.inner.get(key);
      if (inner) return new TypeValue(inner.name);
      throw this.unsupported(`static member '${name}' of ${cls.name}`, line);
    }
    const v = this.host.staticField(t.name, name, line);
    if (v !== NOT_FOUND) return v;
    const path = `${t.name}.${name}`;
    if (this.host.isBuiltinType(path) || this.classes.has(path.toLowerCase())) return new TypeValue(path);
    throw this.unsupported(`static member '${name}' of ${t.name}`, line);
  }

  private evCall(e: Extract<Expr, { k: 'call' }>): Value {
    if (e.e === null) {
      const unqualifiedArgs = e.args.map((a) => this.ev(a));
      this.argHints = this.hintsOf(e.args);
      return this.callUnqualified(e.n, unqualifiedArgs, e.line);
    }
    // Database.getQueryLocator([SELECT ...]) keeps the query for the batch (and getQuery()) instead of running it
    if (
      e.e.k === 'name' &&
      e.e.n.toLowerCase() === 'database' &&
      e.n.toLowerCase() === 'getquerylocator' &&
      e.args[0]?.k === 'soql'
    ) {
      const q = e.args[0];
      const binds = new Map<string, Value>();
      q.binds.forEach((b, i) => binds.set(`__b${i}`, this.ev(b)));
      return this.host.callStatic('Database', '__querylocator', [q.text, binds, q.orig], e.line);
    }
    const isSuper = e.e.k === 'super';
    // record.Field.addError(msg) marks that field of the record, not a String (Apex Reference, "SObject Class")
    if (e.e.k === 'dot' && e.n.toLowerCase() === 'adderror') {
      const owner = this.ev(e.e.e);
      if (owner instanceof SObjectValue)
        return this.host.callMethod(owner, '__addFieldError', [e.e.n, ...e.args.map((a) => this.ev(a))], e.line);
    }
    const target = this.ev(e.e);
    if (target === null || target === undefined) {
      if (e.safe) return null;
      throw this.exception('System.NullPointerException', 'Attempt to de-reference a null object', e.line);
    }
    const args = e.args.map((a) => this.ev(a));
    this.frame.line = e.line;
    this.argHints = this.hintsOf(e.args);
    if (isSuper) {
      const sup = this.frame.cls.superclass;
      const found = sup ? this.findMethod(sup, e.n, args, false) : null;
      if (found) return this.invoke(found.cls, found.m, this.frame.thisObj, args, e.line);
      const r = this.host.callMethod(target, e.n, args, e.line);
      if (r !== NOT_FOUND) return r;
      throw this.unsupported(`super.${e.n}`, e.line);
    }
    return this.callMethodOn(target, e.n, args, e.line);
  }

  callMethodOn(target: Value, name: string, args: Value[], line: number): Value {
    if (target instanceof TypeValue) {
      const cls = this.resolveClass(target.name, this.frame?.cls ?? null);
      if (cls) {
        const found = this.findMethod(cls, name, args, true);
        if (found) return this.invoke(found.cls, found.m, null, args, line);
        if (cls.kind === 'enum') {
          const r = this.enumStatic(cls, name, args, line);
          if (r !== NOT_FOUND) return r;
        }
        // a System.Type value (Type.forName, X.class): its own methods
        const asType = this.host.callMethod(target, name, args, line);
        if (asType !== NOT_FOUND) return asType;
        throw this.unsupported(`static method ${cls.name}.${name} with ${args.length} argument(s)`, line);
      }
      // a System.Type of a collection or an SObject (Type.forName('Account')): the Type's own methods
      const typeMethod = TYPE_METHODS.has(name.toLowerCase()) && !!this.host.isSObjectType(target.name);
      if (target.ref || /[<]/.test(target.name) || typeMethod) {
        const asType = this.host.callMethod(target, name, args, line);
        if (asType !== NOT_FOUND) return asType;
      }
      const r = this.host.callStatic(target.name, name, args, line);
      if (r !== NOT_FOUND) return r;
      throw this.unsupported(`method ${target.name}.${name}`, line);
    }
    if (target instanceof ApexObject && target.cls.decl) {
      const r = this.callObjectMethod(target, name, args, line);
      if (r !== NOT_FOUND) return r;
    }
    const r = this.host.callMethod(target, name, args, line);
    if (r !== NOT_FOUND) return r;
    throw this.unsupported(`method ${this.typeNameOf(target)}.${name}`, line);
  }

  private enumStatic(cls: ClassInfo, name: string, args: Value[], line: number): Value | typeof NOT_FOUND {
    const n = name.toLowerCase();
    if (n === 'values')
      return new ApexList(
        { n: cls.name },
        cls.enumValues.map((v, i) => new EnumValue(cls.name, v, i))
      );
    if (n === 'valueof') {
      // valueOf ignores case (Apex Reference, "Enum Methods": StatusCode.valueOf('delete_failed'))
      const wanted = typeof args[0] === 'string' ? args[0].toUpperCase() : args[0];
      const i = cls.enumValues.findIndex((v) => v.toUpperCase() === wanted);
      if (i < 0) throw this.exception('System.NoSuchElementException', `No enum constant ${cls.name}.${args[0]}`, line);
      return new EnumValue(cls.name, cls.enumValues[i], i);
    }
    return NOT_FOUND;
  }

  private callUnqualified(name: string, args: Value[], line: number): Value {
    const f = this.frame;
    f.line = line;
    if (f.thisObj) {
      const found = this.findMethod(f.thisObj.cls, name, args, null);
      if (found) return this.invoke(found.cls, found.m, found.m.mods.includes('static') ? null : f.thisObj, args, line);
    }
    for (let c: ClassInfo | null = f.cls; c; c = c.outer) {
      const found = this.findMethod(c, name, args, c === f.cls && f.thisObj ? null : true);
      if (found) {
        const inst = found.m.mods.includes('static') ? null : f.thisObj;
        return this.invoke(found.cls, found.m, inst, args, line);
      }
    }
    throw this.unsupported(`method ${name}(${args.length} argument(s)) in ${f.cls.name}`, line);
  }

  private evNew(e: Extract<Expr, { k: 'new' }>): Value {
    const t = e.type;
    const lname = t.n.toLowerCase();
    if (lname === 'list' || lname === 'set' || lname === 'map') {
      if (e.size !== undefined) {
        const n = numberOf(this.ev(e.size));
        return new ApexList(t.a?.[0], new Array(n).fill(null));
      }
      if (e.map) {
        const m = new ApexMap(t.a?.[0], t.a?.[1]);
        for (const [k, v] of e.map) this.mapPut(m, this.ev(k), this.ev(v));
        return m;
      }
      if (e.list) {
        const items = e.list.map((x) => this.coerce(this.ev(x), t.a?.[0], e.line));
        if (lname === 'set') {
          const s = new ApexSet(t.a?.[0]);
          for (const it of items) s.map.set(hashKey(it, this), it);
          return s;
        }
        return new ApexList(t.a?.[0], items);
      }
      const args = (e.args ?? []).map((a) => this.ev(a));
      return this.newCollection(t, args, e.line);
    }
    const cls = this.resolveClass(t.n, this.frame.cls);
    const argExprs = e.args ?? [];
    if (cls && cls.decl) {
      const ctorArgs = argExprs.map((a) => this.ev(a));
      this.argHints = this.hintsOf(argExprs);
      return this.instantiate(cls, ctorArgs, e.line);
    }
    // SObject(Field = value, ...) name-value pairs
    const named: [string, Value][] = [];
    const positional: Value[] = [];
    for (const a of argExprs) {
      if (a.k === 'assign' && a.op === '=' && a.l.k === 'name') named.push([a.l.n, this.ev(a.r)]);
      else positional.push(this.ev(a));
    }
    if (cls && cls.isException) {
      const obj = new ApexObject(cls);
      this.initException(obj, positional, e.line);
      obj.exception!.stack = '';
      return obj;
    }
    const r = this.host.construct(t, positional, named.length > 0 ? named : null, e.line);
    if (r !== NOT_FOUND) return r;
    throw this.unsupported(`new ${typeRefToString(t)}`, e.line);
  }

  newCollection(t: TypeRef, args: Value[], line: number): Value {
    const lname = t.n.toLowerCase();
    const src = args[0];
    if (lname === 'list') {
      const list = new ApexList(t.a?.[0], []);
      if (src instanceof ApexList) list.items = [...src.items];
      else if (src instanceof ApexSet) list.items = [...src.map.values()];
      else if (typeof src === 'number') {
        // new List<T>(n) holds n nulls like new T[n] (inferred: ApexKit's ULID fills one by index in orgs)
        if (src < 0) throw this.unsupported(`new List with a negative size (${src})`, line);
        list.items = new Array<Value>(src).fill(null);
      } else if (src !== undefined && src !== null)
        throw this.unsupported(`new List from ${this.typeNameOf(src)}`, line);
      return list;
    }
    if (lname === 'set') {
      const set = new ApexSet(t.a?.[0]);
      const items = src instanceof ApexList ? src.items : src instanceof ApexSet ? [...src.map.values()] : [];
      for (const it of items) set.map.set(hashKey(it, this), it);
      return set;
    }
    const m = new ApexMap(t.a?.[0], t.a?.[1]);
    if (src instanceof ApexMap) m.map = new Map(src.map);
    else if (src instanceof ApexList) this.putRecordsById(m, src.items, line);
    return m;
  }

  /**
   * Map<Id, SObject>(recordList) keys each record by its Id; a record without one, or an Id twice, is refused:
   * "System.ListException: Row with null Id at index: N" / "Row with duplicate Id at index: N".
   */
  private putRecordsById(m: ApexMap, records: Value[], line: number): void {
    records.forEach((record, index) => {
      const id = record instanceof SObjectValue ? record.get('Id') : null;
      if (id === null || id === undefined)
        throw this.exception('System.ListException', `Row with null Id at index: ${index}`, line);
      if (m.map.has(hashKey(this.coerce(id, m.keyType, line), this)))
        throw this.exception('System.ListException', `Row with duplicate Id at index: ${index}`, line);
      this.mapPut(m, id, record);
    });
  }

  mapPut(m: ApexMap, k: Value, v: Value): Value {
    const key = this.coerce(k, m.keyType, 0);
    const h = hashKey(key, this);
    const old = m.map.get(h);
    m.map.set(h, [old ? old[0] : key, this.coerce(v, m.valueType, 0)]);
    return old ? old[1] : null;
  }

  private evIndex(e: Extract<Expr, { k: 'idx' }>): Value {
    const target = this.ev(e.e);
    const i = this.ev(e.i);
    if (target === null)
      throw this.exception('System.NullPointerException', 'Attempt to de-reference a null object', e.line);
    if (target instanceof ApexList) {
      const n = numberOf(i);
      if (n < 0 || n >= target.items.length)
        throw this.exception('System.ListException', `List index out of bounds: ${n}`, e.line);
      return target.items[n];
    }
    if (target instanceof ApexMap) return target.map.get(hashKey(i, this))?.[1] ?? null;
    throw this.unsupported(`index into ${this.typeNameOf(target)}`, e.line);
  }

  private evAssign(e: Extract<Expr, { k: 'assign' }>): Value {
    let v = this.ev(e.r);
    if (e.op !== '=') {
      const old = this.ev(e.l);
      const op = e.op.slice(0, -1);
      if (old === null || old === undefined) {
        if (op === '+' && typeof v === 'string') v = 'null' + v;
        else throw this.exception('System.NullPointerException', 'Attempt to de-reference a null object', e.line);
      } else v = this.binaryOp(op, old, v, e.line);
    }
    return this.assignTo(e.l, v);
  }

  assignTo(l: Expr, v: Value): Value {
    const line = l.line;
    if (l.k === 'name') {
      const key = l.n.toLowerCase();
      const slot = this.scope.lookup(key);
      if (slot) {
        slot.v = this.coerce(v, slot.t, line);
        return slot.v;
      }
      const f = this.frame;
      const raw = f.accessorOf === key;
      if (f.thisObj && this.writeMember(f.thisObj, key, v, line, raw)) return v;
      for (let c: ClassInfo | null = f.cls; c; c = c.outer) if (this.writeStatic(c, key, v, line, raw)) return v;
      throw this.unsupported(`assignment to unknown variable '${l.n}'`, line);
    }
    if (l.k === 'dot') {
      const target = this.ev(l.e);
      if (target === null || target === undefined)
        throw this.exception('System.NullPointerException', 'Attempt to de-reference a null object', line);
      const key = l.n.toLowerCase();
      if (target instanceof TypeValue) {
        const cls = this.resolveClass(target.name, this.frame.cls);
        if (cls && this.writeStatic(cls, key, v, line)) return v;
        if (!cls && this.host.setProperty(target, l.n, v, line)) return v;
        throw this.unsupported(`assignment to static ${target.name}.${l.n}`, line);
      }
      if (target instanceof ApexObject && target.cls.decl) {
        const raw = this.frame.accessorOf === key && this.frame.thisObj === target;
        if (this.writeMember(target, key, v, line, raw)) return v;
      }
      if (this.host.setProperty(target, l.n, v, line)) return v;
      throw this.unsupported(`assignment to ${this.typeNameOf(target)}.${l.n}`, line);
    }
    if (l.k === 'idx') {
      const target = this.ev(l.e);
      const i = this.ev(l.i);
      if (target === null)
        throw this.exception('System.NullPointerException', 'Attempt to de-reference a null object', line);
      if (target instanceof ApexList) {
        const n = numberOf(i);
        if (n < 0 || n >= target.items.length)
          throw this.exception('System.ListException', `List index out of bounds: ${n}`, line);
        target.items[n] = this.coerce(v, target.elemType, line);
        return v;
      }
      if (target instanceof ApexMap) {
        this.mapPut(target, i, v);
        return v;
      }
    }
    throw this.unsupported('assignment target', line);
  }

  private evUnary(e: Extract<Expr, { k: 'unary' }>): Value {
    const v = this.ev(e.e);
    if (e.op === '!') return !this.truthy(v, e.line);
    if (v === null)
      throw this.exception('System.NullPointerException', 'Attempt to de-reference a null object', e.line);
    if (e.op === '-') return v instanceof ApexDecimal ? new ApexDecimal(-v.v, v.scale, v.isDouble) : -v;
    if (e.op === '+') return v;
    return ~v;
  }

  private evBinary(e: Extract<Expr, { k: 'bin' }>): Value {
    const op = e.op;
    if (op === '&&') return this.truthy(this.ev(e.l), e.line) && this.truthy(this.ev(e.r), e.line);
    if (op === '||') return this.truthy(this.ev(e.l), e.line) || this.truthy(this.ev(e.r), e.line);
    if (op === '??') {
      const l = this.ev(e.l);
      return l !== null && l !== undefined ? l : this.ev(e.r);
    }
    return this.binaryOp(op, this.ev(e.l), this.ev(e.r), e.line);
  }

  binaryOp(op: string, l: Value, r: Value, line: number): Value {
    switch (op) {
      case '==':
        return apexEquals(l, r, this);
      case '!=':
      case '<>':
        return !apexEquals(l, r, this);
      case '===':
        return l === r || (l !== null && typeof l !== 'object' && apexEqualsExact(l, r));
      case '!==':
        return !(l === r || (l !== null && typeof l !== 'object' && apexEqualsExact(l, r)));
      case '<':
      case '>':
      case '<=':
      case '>=': {
        // a comparison with null is false (Apex Developer Guide, "Expression Operators")
        if (l === null || r === null || l === undefined || r === undefined) return false;
        const c = compareValues(l, r);
        return op === '<' ? c < 0 : op === '>' ? c > 0 : op === '<=' ? c <= 0 : c >= 0;
      }
      case '+':
        if (typeof l === 'string' || typeof r === 'string') return this.toApexString(l) + this.toApexString(r);
        return this.arith(op, l, r, line);
      case '-':
      case '*':
      case '/':
        return this.arith(op, l, r, line);
      case '&':
        return typeof l === 'boolean' ? l && r : l & r;
      case '|':
        return typeof l === 'boolean' ? l || r : l | r;
      case '^':
        return typeof l === 'boolean' ? l !== r : l ^ r;
      case '<<':
        return l << r;
      case '>>':
        return l >> r;
      case '>>>':
        return l >>> r;
    }
    throw this.unsupported(`operator ${op}`, line);
  }

  arith(op: string, l: Value, r: Value, line: number): Value {
    if (l === null || r === null || l === undefined || r === undefined) {
      throw this.exception('System.NullPointerException', 'Attempt to de-reference a null object', line);
    }
    if (l instanceof ApexDate || l instanceof ApexDatetime || l instanceof ApexTime) {
      return this.calendarArith(op, l, r, line);
    }
    if (typeof l === 'number' && typeof r === 'number') {
      switch (op) {
        case '+':
          return l + r;
        case '-':
          return l - r;
        case '*':
          return l * r;
        default:
          if (r === 0) throw this.exception('System.MathException', 'Divide by 0', line);
          return Math.trunc(l / r);
      }
    }
    if (!isNumeric(l) || !isNumeric(r))
      throw this.unsupported(`operator ${op} on ${this.typeNameOf(l)} and ${this.typeNameOf(r)}`, line);
    const a = l instanceof ApexDecimal ? l : ApexDecimal.of(l);
    const b = r instanceof ApexDecimal ? r : ApexDecimal.of(r);
    const dbl = a.isDouble || b.isDouble;
    switch (op) {
      case '+':
        return new ApexDecimal(a.v + b.v, Math.max(a.scale, b.scale), dbl);
      case '-':
        return new ApexDecimal(a.v - b.v, Math.max(a.scale, b.scale), dbl);
      case '*':
        // A Double product is a 64-bit float; only a Decimal product keeps the sum of the scales.
        if (dbl) return new ApexDecimal(a.v * b.v, 0, true);
        return new ApexDecimal(roundTo(a.v * b.v, a.scale + b.scale), a.scale + b.scale);
      default: {
        if (b.v === 0) {
          if (dbl) return new ApexDecimal(a.v / b.v, 0, true);
          throw this.exception('System.MathException', 'Divide by 0', line);
        }
        const q = a.v / b.v;
        if (dbl) return new ApexDecimal(q, 0, true);
        return ApexDecimal.of(q);
      }
    }
  }

  /**
   * Apex Developer Guide, "Expression Operators": Date +/- Integer moves the date by whole days; Datetime +/- Integer
   * or Double moves it by days, the fraction being a portion of a day. Nothing else is in that table.
   */
  private calendarArith(op: string, l: ApexDate | ApexDatetime | ApexTime, r: Value, line: number): Value {
    const sign = op === '+' ? 1 : op === '-' ? -1 : 0;
    if (sign !== 0 && l instanceof ApexDate && typeof r === 'number') {
      return ApexDate.fromUtc(new Date(l.toUtc().getTime() + sign * r * MS_PER_DAY));
    }
    if (sign !== 0 && l instanceof ApexDatetime && isNumeric(r)) {
      return new ApexDatetime(l.ms + Math.round(sign * numberOf(r) * MS_PER_DAY));
    }
    throw this.unsupported(`arithmetic operator ${op} on ${this.typeNameOf(l)} and ${this.typeNameOf(r)}`, line);
  }

  /** Resolves a bind of a dynamic query (`:name`, `:obj.field`, `:ids.keySet()`) in the calling scope. */
  evalBindText(text: string, line = 0): Value {
    const parts = text.split('.').map((p) => p.trim());
    const call = (v: Value, part: string): Value => {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)\(\)$/.exec(part);
      if (m) return this.callMethodOn(v, m[1], [], line);
      if (v === null)
        throw this.exception('System.NullPointerException', 'Attempt to de-reference a null object', line);
      return this.getMember(v, part, line);
    };
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(parts[0])) throw this.unsupported(`bind expression :${text}`, line);
    let v: Value = this.scopes.length > 0 ? this.evName(parts[0], line) : this.typeValueOf(parts[0], line);
    for (const part of parts.slice(1)) v = call(v, part);
    return v;
  }

  // ---- types ----

  canonicalTypeName(t: TypeRef): string {
    const cls = this.resolveClass(t.n, this.stack.length > 0 ? this.frame.cls : null);
    if (cls) return cls.name;
    const sobj = this.host.isSObjectType(t.n);
    if (sobj) return sobj;
    return typeRefToString(t);
  }

  typeNameOf(v: Value): string {
    if (v === null || v === undefined) return 'null';
    if (typeof v === 'string') return ID_PATTERN.test(v) && (v.length === 18 || v.length === 15) ? 'Id' : 'String';
    if (typeof v === 'number') return 'Integer';
    if (typeof v === 'boolean') return 'Boolean';
    if (v instanceof ApexDecimal) return v.isDouble ? 'Double' : 'Decimal';
    if (v instanceof ApexDate) return 'Date';
    if (v instanceof ApexDatetime) return 'Datetime';
    if (v instanceof ApexTime) return 'Time';
    if (v instanceof ApexList) return `List<${typeRefToString(v.elemType)}>`;
    if (v instanceof ApexSet) return `Set<${typeRefToString(v.elemType)}>`;
    if (v instanceof ApexMap) return `Map<${typeRefToString(v.keyType)},${typeRefToString(v.valueType)}>`;
    if (v instanceof SObjectValue) return v.type;
    if (v instanceof ApexObject) return v.cls.name;
    if (v instanceof EnumValue) return v.enumType;
    if (v instanceof TypeValue) return 'System.Type';
    return (v.constructor?.name as string) ?? typeof v;
  }

  /** `v instanceof t`, with t named as in `context` (the running class unless given). */
  isInstance(v: Value, t: TypeRef, context: ClassInfo | null = null): boolean {
    const n = t.n
      .toLowerCase()
      .replace(/^system\./, '')
      .replace(/^schema\./, '');
    if (n === 'object') return true;
    if (typeof v === 'string') return n === 'string' || (n === 'id' && ID_PATTERN.test(v));
    if (typeof v === 'number') return n === 'integer' || n === 'long';
    if (typeof v === 'boolean') return n === 'boolean';
    if (v instanceof ApexDecimal) return n === 'decimal' || n === 'double';
    if (v instanceof ApexDate) return n === 'date';
    if (v instanceof ApexDatetime) return n === 'datetime';
    if (v instanceof ApexTime) return n === 'time';
    if (v instanceof ApexBlob) return n === 'blob';
    if (v instanceof ApexList) return n === 'list' && this.elemFits(v.elemType, t.a?.[0], context);
    if (v instanceof ApexSet) return n === 'set' && this.elemFits(v.elemType, t.a?.[0], context);
    if (v instanceof ApexMap)
      return (
        n === 'map' && this.elemFits(v.keyType, t.a?.[0], context) && this.elemFits(v.valueType, t.a?.[1], context)
      );
    if (v instanceof SObjectValue) return n === 'sobject' || n === v.type.toLowerCase();
    if (v instanceof EnumValue) return n === v.enumType.toLowerCase() || v.enumType.toLowerCase().endsWith('.' + n);
    if (v instanceof TypeValue) return n === 'type';
    if (v instanceof ApexObject) {
      const target =
        this.resolveClass(t.n, context ?? (this.stack.length > 0 ? this.frame.cls : null)) ??
        this.classes.get('system.' + n);
      // a built-in interface (Comparable, Queueable, Database.Batchable) has no ClassInfo: match it by name
      return target ? v.cls.isSubclassOf(target) : v.cls.implementsBuiltin(n);
    }
    return this.host.callMethod(v, '__isInstance', [n], 0) === true;
  }

  private elemFits(actual: TypeRef | undefined, wanted: TypeRef | undefined, context: ClassInfo | null): boolean {
    if (!wanted || !actual) return true;
    const a = actual.n.toLowerCase();
    const w = wanted.n.toLowerCase();
    if (w === 'object' || a === w) return true;
    if (w === 'sobject' && this.host.isSObjectType(actual.n)) return true;
    const running = this.stack.length > 0 ? this.frame.cls : null;
    const ac = this.resolveClass(actual.n, running);
    const wc = this.resolveClass(wanted.n, context ?? running);
    return !!ac && !!wc && ac.isSubclassOf(wc);
  }

  /** Conversion on assignment to a declared type: Integer to Decimal/Double, Ids to 18 characters. */
  coerce(v: Value, t: TypeRef | undefined, line: number): Value {
    if (v === null || v === undefined || !t) return v ?? null;
    const n = t.n.toLowerCase();
    switch (n) {
      case 'decimal':
        if (typeof v === 'number') return new ApexDecimal(v, 0);
        if (v instanceof ApexDecimal && v.isDouble) return ApexDecimal.of(v.v);
        return v;
      case 'double':
        if (typeof v === 'number') return new ApexDecimal(v, 0, true);
        if (v instanceof ApexDecimal && !v.isDouble) return new ApexDecimal(v.v, 0, true);
        return v;
      case 'long':
        return v;
      case 'integer':
        if (typeof v === 'number') return v | 0;
        return v;
      case 'id':
        if (typeof v === 'string') {
          if (!ID_PATTERN.test(v)) throw this.exception('System.StringException', `Invalid id: ${v}`, line);
          return to18(v);
        }
        return v;
      case 'list':
        if (v instanceof ApexList && !v.elemType) v.elemType = t.a?.[0];
        return v;
      default:
        // a query result assigned to a single SObject (`Account a = [SELECT ...]`)
        if (v instanceof ApexList && (n === 'sobject' || this.host.isSObjectType(t.n))) return this.singleRow(v, line);
        return v;
    }
  }

  cast(v: Value, t: TypeRef, line: number): Value {
    if (v === null || v === undefined) return null;
    const n = t.n.toLowerCase();
    if (n === 'decimal' || n === 'double') return this.coerce(v, t, line);
    if (n === 'object') return v;
    if (n === 'id' && typeof v === 'string') return this.coerce(v, t, line);
    if (
      v instanceof ApexObject ||
      v instanceof SObjectValue ||
      typeof v === 'string' ||
      typeof v === 'number' ||
      typeof v === 'boolean'
    ) {
      if (!this.isInstance(v, t) && this.isKnownCastTarget(t)) {
        throw this.exception(
          'System.TypeException',
          `Invalid conversion from runtime type ${this.typeNameOf(v)} to ${PRIMITIVE_NAMES[t.n.toLowerCase()] ?? this.canonicalTypeName(t)}`,
          line
        );
      }
    }
    if (v instanceof ApexList && n === 'list' && t.a) {
      return v;
    }
    return v;
  }

  private isKnownCastTarget(t: TypeRef): boolean {
    const n = t.n.toLowerCase();
    if (['string', 'integer', 'long', 'boolean', 'id', 'sobject', 'date', 'datetime'].includes(n)) return true;
    if (this.host.isSObjectType(t.n)) return true;
    return !!this.resolveClass(t.n, this.stack.length > 0 ? this.frame.cls : null);
  }

  /** String conversion that honours a user class's toString() override. */
  toApexString(v: Value): string {
    if (v instanceof ApexObject && v.cls.decl) {
      const found = this.findMethod(v.cls, 'toString', [], false);
      if (found)
        return apexToString(this.invoke(found.cls, found.m, v, [], this.stack.length > 0 ? this.frame.line : 0));
    }
    return apexToString(v);
  }

  /**
   * Whether record sharing applies to the running code: the innermost class declared `with sharing` or `without
   * sharing` decides; `inherited sharing` and undeclared classes take their caller's mode; none at all is without
   * sharing (Apex Developer Guide, "Using the with sharing, without sharing, and inherited sharing Keywords").
   */
  sharingEnforced(): boolean {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const mods = this.stack[i].cls.decl?.mods ?? [];
      if (mods.includes('withsharing')) return true;
      if (mods.includes('withoutsharing')) return false;
    }
    return false;
  }

  // ---- equality hooks ----

  userEquals(a: ApexObject, b: Value): boolean | null {
    if (!a.cls.decl) return null;
    const found = this.findMethod(a.cls, 'equals', [b], false);
    if (!found) return null;
    return this.invoke(found.cls, found.m, a, [b], this.stack.length > 0 ? this.frame.line : 0) === true;
  }

  userHash(a: ApexObject): number | null {
    if (!a.cls.decl) return null;
    const found = this.findMethod(a.cls, 'hashCode', [], false);
    if (!found) return null;
    return this.invoke(found.cls, found.m, a, [], this.stack.length > 0 ? this.frame.line : 0) as number;
  }
}

// helpers on ClassInfo kept here to avoid a cycle
declare module './objects' {
  interface ClassInfo {
    classesInner(lname: string): ClassInfo | undefined;
  }
}
ClassInfo.prototype.classesInner = function (this: ClassInfo, lname: string): ClassInfo | undefined {
  if (lname.includes('.')) {
    const [head, ...rest] = lname.split('.');
    const first = this.inner.get(head);
    return first ? first.classesInner(rest.join('.')) : undefined;
  }
  return this.inner.get(lname);
};

/** Built-in type names as the platform prints them, whatever the case they were written in. */
const PRIMITIVE_NAMES: Record<string, string> = {
  string: 'String',
  integer: 'Integer',
  long: 'Long',
  decimal: 'Decimal',
  double: 'Double',
  boolean: 'Boolean',
  date: 'Date',
  datetime: 'Datetime',
  time: 'Time',
  id: 'Id',
  blob: 'Blob',
  sobject: 'SObject',
  object: 'Object'
};

function apexEqualsExact(a: Value, b: Value): boolean {
  return a === b;
}

function roundTo(v: number, scale: number): number {
  if (scale > 15) return v;
  const f = Math.pow(10, scale);
  return Math.round(v * f) / f;
}

export function compareValues(l: Value, r: Value): number {
  if (isNumeric(l) && isNumeric(r)) return numberOf(l) - numberOf(r);
  if (typeof l === 'string' && typeof r === 'string') return l < r ? -1 : l > r ? 1 : 0;
  if (l instanceof ApexDate && r instanceof ApexDate) return l.toUtc().getTime() - r.toUtc().getTime();
  if (l instanceof ApexDatetime && r instanceof ApexDatetime) return l.ms - r.ms;
  if (l instanceof ApexTime && r instanceof ApexTime) return l.ms - r.ms;
  if (typeof l === 'boolean' && typeof r === 'boolean') return Number(l) - Number(r);
  return 0;
}

export function literalValue(e: Extract<Expr, { k: 'lit' }>): Value {
  switch (e.t) {
    case 'int': {
      const n = Number(e.v);
      return n;
    }
    case 'long':
      return Number(e.v);
    case 'dec': {
      const text = String(e.v);
      if (text.endsWith('d')) return new ApexDecimal(Number(text.slice(0, -1)), 0, true);
      return ApexDecimal.parse(text);
    }
    case 'str':
      return e.v;
    case 'bool':
      return e.v;
    default:
      return null;
  }
}

/** Exposes Scope for the host (trigger context variables). */
export { Scope };

/** Classes and instances of the interpreter: user classes from the syntax tree, and built-in exception types. */
import type { FieldDecl, MethodDecl, PropDecl, TypeDecl } from '../frontend/ast';
import type { Value } from './values';

export interface ExceptionData {
  message: string | null;
  cause: ApexObject | null;
  line: number;
  stack: string;
  /** DmlException rows: status code, message, fields */
  dml?: { code: string; message: string; fields: string[]; id: string | null; index: number }[];
}

export class ClassInfo {
  readonly lname: string;
  superclass: ClassInfo | null = null;
  interfaces: ClassInfo[] = [];
  readonly methods = new Map<string, MethodDecl[]>();
  readonly fields = new Map<string, FieldDecl>();
  readonly props = new Map<string, PropDecl>();
  readonly inner = new Map<string, ClassInfo>();
  enumValues: string[] = [];

  constructor(
    /** full name: "Outer.Inner", or "System.NullPointerException" for built-ins */
    readonly name: string,
    readonly decl: TypeDecl | null,
    readonly outer: ClassInfo | null,
    readonly file: string | null
  ) {
    this.lname = name.toLowerCase();
    if (decl) {
      for (const m of decl.methods) {
        const key = m.name.toLowerCase();
        const list = this.methods.get(key) ?? [];
        list.push(m);
        this.methods.set(key, list);
      }
      for (const f of decl.fields) this.fields.set(f.name.toLowerCase(), f);
      for (const p of decl.props) this.props.set(p.name.toLowerCase(), p);
      this.enumValues = decl.enumValues;
    }
  }

  get kind(): 'class' | 'interface' | 'enum' {
    return this.decl?.kind ?? 'class';
  }

  /** Simple name without outer class. */
  get simpleName(): string {
    const i = this.name.lastIndexOf('.');
    return i < 0 ? this.name : this.name.slice(i + 1);
  }

  isSubclassOf(other: ClassInfo): boolean {
    if (this === other) return true;
    for (const i of this.interfaces) if (i.isSubclassOf(other)) return true;
    return this.superclass ? this.superclass.isSubclassOf(other) : false;
  }

  /**
   * Whether this class, a superclass or an interface they extend names the built-in interface `name` (lower case,
   * without `system.`: `comparable`, `database.batchable`) in its implements or extends list.
   */
  implementsBuiltin(name: string): boolean {
    const named = [...(this.decl?.impl ?? []), ...(this.decl?.ext ? [this.decl.ext] : [])].some(
      (t) => t.n.toLowerCase().replace(/^system\./, '') === name
    );
    return (
      named ||
      this.interfaces.some((i) => i.implementsBuiltin(name)) ||
      (this.superclass ? this.superclass.implementsBuiltin(name) : false)
    );
  }

  get isException(): boolean {
    return this.lname === 'exception' || (this.superclass ? this.superclass.isException : false);
  }

  hasAnnotation(name: string): boolean {
    return !!this.decl?.ann.some((a) => a.name === name.toLowerCase());
  }
}

let nextIdentity = 1;

export class ApexObject {
  readonly fields = new Map<string, Value>();
  exception?: ExceptionData;
  /** identity for hashing objects without hashCode() */
  readonly identity = nextIdentity++;
  /** host data of built-in classes (HttpRequest, RestRequest, ...) */
  native?: Record<string, Value>;
  constructor(readonly cls: ClassInfo) {}
}

/**
 * The runtime's own syntax tree: small, JSON-serialisable (so parsed files can be cached on disk by content hash),
 * built once from the ANTLR parse tree of @apexdevtools/apex-parser. Every node carries its source line.
 */
export interface TypeRef {
  /** dotted name as written, e.g. "List", "Schema.SObjectType", "Outer.Inner" */
  n: string;
  /** generic arguments (List<T>, Map<K,V>) */
  a?: TypeRef[];
}

export type Expr =
  | { k: 'lit'; line: number; t: 'int' | 'long' | 'dec' | 'str' | 'bool' | 'null'; v: string | boolean | null }
  | { k: 'name'; line: number; n: string }
  | { k: 'this'; line: number }
  | { k: 'super'; line: number }
  | { k: 'classLit'; line: number; type: TypeRef }
  | { k: 'dot'; line: number; e: Expr; n: string; safe: boolean }
  | { k: 'call'; line: number; e: Expr | null; n: string; args: Expr[]; safe: boolean }
  | { k: 'thisCall'; line: number; sup: boolean; args: Expr[] }
  | { k: 'new'; line: number; type: TypeRef; args?: Expr[]; list?: Expr[]; map?: [Expr, Expr][]; size?: Expr }
  | { k: 'idx'; line: number; e: Expr; i: Expr }
  | { k: 'assign'; line: number; op: string; l: Expr; r: Expr }
  | { k: 'bin'; line: number; op: string; l: Expr; r: Expr }
  | { k: 'cond'; line: number; c: Expr; a: Expr; b: Expr }
  | { k: 'unary'; line: number; op: string; e: Expr }
  | { k: 'incdec'; line: number; op: '++' | '--'; prefix: boolean; e: Expr }
  | { k: 'cast'; line: number; type: TypeRef; e: Expr }
  | { k: 'instanceof'; line: number; e: Expr; type: TypeRef }
  | { k: 'soql'; line: number; text: string; binds: Expr[]; orig: string }
  | { k: 'sosl'; line: number; text: string; binds: Expr[] }
  | { k: 'unsupported'; line: number; what: string };

export interface LocalDecl {
  k: 'local';
  line: number;
  type: TypeRef;
  decls: { n: string; init?: Expr; line: number }[];
}

export interface WhenClause {
  line: number;
  kind: 'else' | 'values' | 'type';
  values?: Expr[];
  type?: TypeRef;
  n?: string;
  body: Block;
}

export interface Block {
  k: 'block';
  line: number;
  s: Stmt[];
}

export type Stmt =
  | Block
  | LocalDecl
  | { k: 'expr'; line: number; e: Expr }
  | { k: 'if'; line: number; c: Expr; t: Stmt; f?: Stmt }
  | { k: 'while'; line: number; c: Expr; body: Stmt }
  | { k: 'dowhile'; line: number; c: Expr; body: Stmt }
  | { k: 'for'; line: number; init?: LocalDecl; initExprs?: Expr[]; c?: Expr; update?: Expr[]; body: Stmt }
  | { k: 'foreach'; line: number; type: TypeRef; n: string; e: Expr; body: Stmt }
  | { k: 'switch'; line: number; e: Expr; whens: WhenClause[] }
  | {
      k: 'try';
      line: number;
      body: Block;
      catches: { type: TypeRef; n: string; body: Block; line: number }[];
      fin?: Block;
    }
  | { k: 'return'; line: number; e?: Expr }
  | { k: 'throw'; line: number; e: Expr }
  | { k: 'break'; line: number }
  | { k: 'continue'; line: number }
  | { k: 'dml'; line: number; op: string; e: Expr; access?: string; extId?: string; e2?: Expr }
  | { k: 'runas'; line: number; args: Expr[]; body: Block }
  | { k: 'unsupported'; line: number; what: string };

export interface Annotation {
  name: string;
  params: Record<string, string | boolean>;
}

export interface Param {
  type: TypeRef;
  n: string;
}

export interface MethodDecl {
  name: string;
  params: Param[];
  ret: TypeRef | null;
  body?: Block;
  mods: string[];
  ann: Annotation[];
  line: number;
}

export interface CtorDecl {
  params: Param[];
  body: Block;
  mods: string[];
  line: number;
}

export interface FieldDecl {
  name: string;
  type: TypeRef;
  init?: Expr;
  mods: string[];
  line: number;
}

export interface PropDecl {
  name: string;
  type: TypeRef;
  mods: string[];
  getter?: { body?: Block; mods: string[] };
  setter?: { body?: Block; mods: string[] };
  line: number;
}

export interface TypeDecl {
  kind: 'class' | 'interface' | 'enum';
  name: string;
  mods: string[];
  ann: Annotation[];
  ext?: TypeRef;
  impl: TypeRef[];
  fields: FieldDecl[];
  methods: MethodDecl[];
  ctors: CtorDecl[];
  props: PropDecl[];
  inits: { static: boolean; body: Block }[];
  /** field initialisers and initialiser blocks in source order, as the platform runs them */
  order: { static: boolean; field?: string; init?: number }[];
  inner: TypeDecl[];
  enumValues: string[];
  line: number;
}

export interface TriggerDecl {
  name: string;
  object: string;
  events: string[];
  body: Block;
  line: number;
}

export interface CompilationUnit {
  type?: TypeDecl;
  trigger?: TriggerDecl;
}

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type * as Typescript from 'typescript';

/**
 * The TypeScript parser, loaded when the first model is built: loading it costs ~0.3 s of CPU, which a gate run that
 * reads no metadata XML (a --changed run after an Apex edit) would otherwise spend before its Java tools start.
 */
let ts: typeof Typescript;

/** What an element's content must be: a scalar of some shape, or children that follow a complex type. */
export type ValueKind =
  | { kind: 'string' }
  | { kind: 'boolean' }
  | { kind: 'number' }
  | { kind: 'date' }
  | { kind: 'enum'; typeName: string; values: readonly string[] }
  | { kind: 'complex'; typeName: string }
  /** `any` / `unknown` in the types: content is not checked (an `xsi:type`, if present, is). */
  | { kind: 'any' };

/** One child element of a complex type, as the Metadata API WSDL declares it. */
export interface ElementDecl {
  name: string;
  value: ValueKind;
  /** Declared as a list (`T[]`): may appear as one unbroken run of several elements. */
  repeats: boolean;
  /** Declared without `?` and not a list (WSDL minOccurs=1). */
  required: boolean;
  /** The type whose own declaration holds this element (a base type for inherited ones). */
  declaredIn: string;
}

/** A complex type: its elements in WSDL sequence order, base types' elements first. */
export interface ComplexType {
  name: string;
  elements: readonly ElementDecl[];
  /** Indexes into `elements` per name; two when a subtype redeclares a base element (FlowCustomError.description). */
  positions: ReadonlyMap<string, readonly number[]>;
}

/** An element the types lack, spliced into a type's own sequence right after `after`. */
export interface AddedElement {
  type: string;
  element: string;
  value: ValueKind;
  after: string;
}

/** An element whose declared kind is wrong, replaced by `value`. */
export interface RetypedElement {
  type: string;
  element: string;
  value: ValueKind;
}

/** Values an enumeration of the types lacks although orgs write and accept them. */
export interface AddedEnumValues {
  enumType: string;
  values: readonly string[];
}

/** Corrections to the published types, applied while the model is built. */
export interface ModelCorrections {
  added: readonly AddedElement[];
  retyped: readonly RetypedElement[];
  enumValues?: readonly AddedEnumValues[];
}

/** `node_modules/@salesforce/types/lib/metadata.d.ts`: the Metadata API WSDL as TypeScript type aliases. */
export function metadataTypesPath(): string {
  // The package exports `./metadata` (lib/metadata.js) only; the declarations sit beside it.
  return join(dirname(require.resolve('@salesforce/types/metadata')), 'metadata.d.ts');
}

/**
 * The Metadata API types, read from `metadata.d.ts` with the TypeScript parser only (no type checker): every
 * `export type X = Base & { ... }` becomes a complex type, every string-literal union an enum. Complex types are
 * built on first use and cached.
 */
export class MetadataTypeModel {
  private readonly sourceFile: Typescript.SourceFile;
  private readonly aliases = new Map<string, Typescript.TypeNode>();
  /** every element name of every type, built on first use (hasElementNamed) */
  private elementNames: Set<string> | undefined;
  private readonly complexTypes = new Map<string, ComplexType | undefined>();
  private readonly aliasKinds = new Map<string, ValueKind>();
  private readonly corrections: ModelCorrections;

  constructor(dtsText: string, corrections: ModelCorrections = { added: [], retyped: [] }) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    ts ??= require('typescript') as typeof Typescript;
    this.corrections = corrections;
    this.sourceFile = ts.createSourceFile('metadata.d.ts', dtsText, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    for (const statement of this.sourceFile.statements) {
      if (ts.isTypeAliasDeclaration(statement)) {
        this.aliases.set(statement.name.text, statement.type);
      }
    }
    this.checkCorrections();
  }

  static fromFile(path: string, corrections?: ModelCorrections): MetadataTypeModel {
    return new MetadataTypeModel(readFileSync(path, 'utf8'), corrections);
  }

  /** The complex type of that name (an element's children or a file's root), or undefined for enums, scalars and unknown names. */
  complexType(name: string): ComplexType | undefined {
    if (!this.complexTypes.has(name)) {
      // Set first: a type that (indirectly) lists itself as a child must not recurse while it is being built.
      this.complexTypes.set(name, undefined);
      const node = this.aliases.get(name);
      const elements = node ? this.elementsOf(node, name) : undefined;
      this.complexTypes.set(name, elements ? buildComplexType(name, elements) : undefined);
    }
    return this.complexTypes.get(name);
  }

  /** Whether some type of the model (or a correction) has an element of this name. */
  hasElementNamed(name: string): boolean {
    if (!this.elementNames) {
      this.elementNames = new Set(this.corrections.added.map((added) => added.element));
      for (const node of this.aliases.values()) {
        if (ts.isTypeLiteralNode(node))
          for (const member of node.members)
            if (member.name && ts.isIdentifier(member.name)) this.elementNames.add(member.name.text);
        if (ts.isIntersectionTypeNode(node))
          for (const part of node.types)
            if (ts.isTypeLiteralNode(part))
              for (const member of part.members)
                if (member.name && ts.isIdentifier(member.name)) this.elementNames.add(member.name.text);
      }
    }
    return this.elementNames.has(name);
  }

  /** Names of every complex type (candidates for a root element). */
  complexTypeNames(): string[] {
    return [...this.aliases.keys()].filter((name) => this.kindOfAlias(name).kind === 'complex');
  }

  private elementsOf(node: Typescript.TypeNode, owner: string): ElementDecl[] | undefined {
    if (ts.isTypeLiteralNode(node)) {
      return this.ownElements(node, owner);
    }
    if (ts.isIntersectionTypeNode(node)) {
      const parts = node.types.map((part) =>
        ts.isTypeReferenceNode(part) ? this.complexType(referenceName(part))?.elements : this.elementsOf(part, owner)
      );
      return parts.every((part) => part !== undefined) ? parts.flat() : undefined;
    }
    if (ts.isTypeReferenceNode(node)) {
      // `export type FlowEnd = FlowNode;`: same elements under another name.
      return this.complexType(referenceName(node))?.elements.slice();
    }
    return undefined;
  }

  private ownElements(node: Typescript.TypeLiteralNode, owner: string): ElementDecl[] {
    const elements: ElementDecl[] = [];
    for (const member of node.members) {
      if (!ts.isPropertySignature(member) || !member.type) {
        continue;
      }
      const name = propertyName(member.name);
      const isList = ts.isArrayTypeNode(member.type);
      const retyped = this.corrections.retyped.find((entry) => entry.type === owner && entry.element === name);
      elements.push({
        name,
        value:
          retyped?.value ?? this.kindOf(isList ? (member.type as Typescript.ArrayTypeNode).elementType : member.type),
        repeats: isList,
        required: !member.questionToken && !isList,
        declaredIn: owner
      });
      for (const added of this.corrections.added.filter((entry) => entry.type === owner && entry.after === name)) {
        elements.push({ name: added.element, value: added.value, repeats: false, required: false, declaredIn: owner });
      }
    }
    return elements;
  }

  private kindOf(node: Typescript.TypeNode): ValueKind {
    switch (node.kind) {
      case ts.SyntaxKind.StringKeyword:
        return { kind: 'string' };
      case ts.SyntaxKind.BooleanKeyword:
        return { kind: 'boolean' };
      case ts.SyntaxKind.NumberKeyword:
        return { kind: 'number' };
      default:
        if (ts.isTypeReferenceNode(node)) {
          const name = referenceName(node);
          return name === 'Date' ? { kind: 'date' } : this.kindOfAlias(name);
        }
        // `any`, and shapes the file does not use for properties.
        return { kind: 'any' };
    }
  }

  private kindOfAlias(name: string): ValueKind {
    let kind = this.aliasKinds.get(name);
    if (!kind) {
      kind = this.classifyAlias(name);
      this.aliasKinds.set(name, kind);
    }
    return kind;
  }

  private classifyAlias(name: string): ValueKind {
    const node = this.aliases.get(name);
    if (!node) {
      return { kind: 'any' };
    }
    const literals = stringLiterals(node);
    if (literals) {
      const extra = (this.corrections.enumValues ?? [])
        .filter((entry) => entry.enumType === name)
        .flatMap((entry) => entry.values);
      return { kind: 'enum', typeName: name, values: [...literals, ...extra] };
    }
    if (ts.isTypeReferenceNode(node)) {
      const target = this.kindOfAlias(referenceName(node));
      return target.kind === 'complex' ? { kind: 'complex', typeName: name } : target;
    }
    if (ts.isTypeLiteralNode(node) || ts.isIntersectionTypeNode(node)) {
      return { kind: 'complex', typeName: name };
    }
    // `export type X = string;` and `= unknown;`
    return this.kindOf(node);
  }

  /** A correction that names a type or anchor the types do not have would silently do nothing: fail loudly instead. */
  private checkCorrections(): void {
    const ownNames = (type: string): string[] => {
      const node = this.aliases.get(type);
      const literal = node && ts.isIntersectionTypeNode(node) ? node.types.find(ts.isTypeLiteralNode) : node;
      return literal && ts.isTypeLiteralNode(literal)
        ? literal.members.flatMap((member) => (member.name ? [propertyName(member.name)] : []))
        : [];
    };
    for (const { type, after } of this.corrections.added) {
      if (!ownNames(type).includes(after)) {
        throw new Error(`metadata type correction: ${type} has no own element ${after}`);
      }
    }
    for (const { type, element } of this.corrections.retyped) {
      if (!ownNames(type).includes(element)) {
        throw new Error(`metadata type correction: ${type} has no own element ${element}`);
      }
    }
    for (const { enumType } of this.corrections.enumValues ?? []) {
      const node = this.aliases.get(enumType);
      if (!node || !stringLiterals(node)) {
        throw new Error(`metadata type correction: ${enumType} is not an enumeration of the types`);
      }
    }
  }
}

function buildComplexType(name: string, elements: ElementDecl[]): ComplexType {
  const positions = new Map<string, number[]>();
  elements.forEach((element, index) => {
    positions.set(element.name, [...(positions.get(element.name) ?? []), index]);
  });
  return { name, elements, positions };
}

function referenceName(node: Typescript.TypeReferenceNode): string {
  return ts.isIdentifier(node.typeName) ? node.typeName.text : node.typeName.right.text;
}

/** Property names in the file are identifiers; a quoted name would be a string literal. */
function propertyName(name: Typescript.PropertyName): string {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) ? name.text : '';
}

/** The values of `'A' | 'B'` (or of a single `'A'`), or undefined when the node is not made of string literals only. */
function stringLiterals(node: Typescript.TypeNode): string[] | undefined {
  const parts = ts.isUnionTypeNode(node) ? node.types : [node];
  const values: string[] = [];
  for (const part of parts) {
    if (!ts.isLiteralTypeNode(part) || !ts.isStringLiteral(part.literal)) {
      return undefined;
    }
    values.push(part.literal.text);
  }
  return values;
}

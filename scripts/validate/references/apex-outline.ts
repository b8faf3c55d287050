import { scanApex } from './apex-source';
import { nameKey } from './names';

/**
 * The outline of one Apex class file: its classes (outer and inner) and its annotated members, read from the code
 * with comments and string contents blanked. It is enough for the rules that read annotations (one
 * `@InvocableMethod` per class, `@AuraEnabled` methods that components import, `@InvocableVariable` fields that
 * flows pass); it is not a parser, and what it cannot read it leaves out rather than guesses.
 */

export interface ApexClassRange {
  name: string;
  /** Dotted for inner classes: `Outer.Inner`. */
  qualifiedName: string;
  start: number;
  end: number;
  line: number;
  inner: boolean;
}

export interface AnnotatedMember {
  /** Lower-case annotation names, e.g. `invocablemethod`, `auraenabled`. */
  annotations: string[];
  /** Lower-case modifiers before the type: `public`, `static`, `global`, ... */
  modifiers: string[];
  kind: 'method' | 'field';
  name: string;
  /** For a method: its return type; for a field: its type. */
  type: string;
  /** For a method: its parameter list; for a field: empty. */
  parameters: string;
  line: number;
  /** The innermost class that declares the member. */
  owner: ApexClassRange | undefined;
}

export interface ApexOutline {
  classes: ApexClassRange[];
  members: AnnotatedMember[];
}

const CLASS_DECLARATION = /\b(?:class|interface|enum)\s+([A-Za-z_]\w*)[^{;]*\{/g;
const ANNOTATION = /@([A-Za-z_]\w*)/y;
const MODIFIERS = new Set([
  'public',
  'private',
  'protected',
  'global',
  'static',
  'final',
  'override',
  'virtual',
  'abstract',
  'transient',
  'webservice',
  'testmethod',
  'with',
  'without',
  'inherited',
  'sharing'
]);

export function outlineApex(source: string): ApexOutline {
  const code = scanApex(source).code;
  const lineAt = (index: number): number => code.slice(0, index).split('\n').length;
  const classes: ApexClassRange[] = [];
  for (const match of code.matchAll(CLASS_DECLARATION)) {
    const open = match.index + match[0].length - 1;
    const end = matchingBrace(code, open);
    classes.push({
      name: match[1],
      qualifiedName: match[1],
      start: open,
      end: end < 0 ? code.length : end,
      line: lineAt(match.index),
      inner: false
    });
  }
  for (const range of classes) {
    const parents = classes.filter((other) => other !== range && other.start < range.start && range.end <= other.end);
    range.inner = parents.length > 0;
    range.qualifiedName = [...parents.map((parent) => parent.name), range.name].join('.');
  }
  const ownerOf = (index: number): ApexClassRange | undefined =>
    classes
      .filter((range) => range.start < index && index < range.end)
      .sort((left, right) => right.start - left.start)[0];

  const members: AnnotatedMember[] = [];
  let index = code.indexOf('@');
  while (index >= 0) {
    const start = index;
    const annotations: string[] = [];
    let cursor = index;
    // Consecutive annotations, each with its optional (...) arguments.
    for (;;) {
      cursor = skipSpace(code, cursor);
      ANNOTATION.lastIndex = cursor;
      const annotation = ANNOTATION.exec(code);
      if (!annotation) {
        break;
      }
      annotations.push(annotation[1].toLowerCase());
      cursor = skipSpace(code, ANNOTATION.lastIndex);
      if (code[cursor] === '(') {
        const close = matchingParen(code, cursor);
        cursor = close < 0 ? code.length : close + 1;
      }
    }
    const member = readDeclaration(code, cursor);
    if (member && annotations.length > 0) {
      members.push({ ...member, annotations, line: lineAt(start), owner: ownerOf(start) });
    }
    index = code.indexOf('@', Math.max(cursor, start + 1));
  }
  return { classes, members };
}

/** The declaration after annotations: `public static List<X> name(` or `public String name;`/`=`/`{`. */
function readDeclaration(
  code: string,
  from: number
): Pick<AnnotatedMember, 'modifiers' | 'kind' | 'name' | 'type' | 'parameters'> | undefined {
  const stop = code.slice(from).search(/[(;={]/);
  if (stop < 0) {
    return undefined;
  }
  const head = code.slice(from, from + stop).trim();
  if (/\b(class|interface|enum)\b/.test(head)) {
    return undefined;
  }
  const words = head.split(/\s+/).filter(Boolean);
  const modifiers: string[] = [];
  while (words.length > 0 && MODIFIERS.has(words[0].toLowerCase())) {
    modifiers.push(words.shift()!.toLowerCase());
  }
  const name = /([A-Za-z_]\w*)\s*$/.exec(head)?.[1];
  if (!name || words.length === 0) {
    return undefined;
  }
  const type = words.slice(0, -1).join(' ');
  if (code[from + stop] === '(') {
    const close = matchingParen(code, from + stop);
    return {
      modifiers,
      kind: 'method',
      name,
      type,
      parameters: code.slice(from + stop + 1, close < 0 ? code.length : close).trim()
    };
  }
  return { modifiers, kind: 'field', name, type, parameters: '' };
}

function skipSpace(code: string, from: number): number {
  let cursor = from;
  while (cursor < code.length && /\s/.test(code[cursor])) {
    cursor++;
  }
  return cursor;
}

function matchingBrace(code: string, open: number): number {
  return matching(code, open, '{', '}');
}

function matchingParen(code: string, open: number): number {
  return matching(code, open, '(', ')');
}

function matching(code: string, open: number, opening: string, closing: string): number {
  let depth = 0;
  for (let index = open; index < code.length; index++) {
    if (code[index] === opening) {
      depth++;
    } else if (code[index] === closing && --depth === 0) {
      return index;
    }
  }
  return -1;
}

/** `List<Request>` or `List<Outer.Request>` -> `Request` / `Outer.Request`; undefined for anything else. */
export function listElementType(type: string): string | undefined {
  const match = /^\s*List\s*<\s*([\w.]+)\s*>\s*$/i.exec(type);
  return match ? match[1] : undefined;
}

/** The methods of an outline with an annotation (lower-case name). */
export function annotated(outline: ApexOutline, annotation: string, kind?: AnnotatedMember['kind']): AnnotatedMember[] {
  const key = nameKey(annotation);
  return outline.members.filter((member) => member.annotations.includes(key) && (!kind || member.kind === kind));
}

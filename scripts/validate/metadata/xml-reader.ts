import { SaxesParser, SaxesTagNS } from 'saxes';

export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';
export const XSD_NS = 'http://www.w3.org/2001/XMLSchema';
const XMLNS_NS = 'http://www.w3.org/2000/xmlns/';
const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** An attribute other than a namespace declaration. */
export interface XmlAttribute {
  name: string;
  local: string;
  uri: string;
  value: string;
}

/** A parsed element with the line of its start tag. */
export interface XmlElement {
  /** Qualified name as written, e.g. `label` or `x:label`. */
  name: string;
  local: string;
  uri: string;
  line: number;
  attributes: XmlAttribute[];
  children: XmlElement[];
  /** The element's own character data (text and CDATA, entities decoded), without its children's. */
  text: string;
  /** `xsi:type`, its prefix resolved against the namespaces in scope. */
  xsiType?: { written: string; uri: string; local: string };
}

export interface XmlIssue {
  line: number;
  message: string;
  severity: 'error' | 'warning';
  /** Set for a convention the platform does not enforce (what a retrieve writes), not a deploy failure. */
  housePolicy?: boolean;
}

export interface XmlDocument {
  /** Undefined when the file is not well-formed: its structure cannot be trusted. */
  root: XmlElement | undefined;
  issues: XmlIssue[];
}

/**
 * Parses a metadata file with saxes (positions on) and checks what must hold before the root element: the XML
 * declaration comes first, and nothing but whitespace sits between it and the root (the sf CLI's source conversion
 * fails on a comment there). Only the first well-formedness error is reported: later ones are usually its echo.
 */
export function readXml(text: string): XmlDocument {
  const issues: XmlIssue[] = [];
  const parser = new SaxesParser({ xmlns: true, position: true });
  const open: XmlElement[] = [];
  let root: XmlElement | undefined;
  let lastClosed: XmlElement | undefined;
  let startLine = 1;
  let sawDeclaration = false;
  let malformed = false;

  if (text.charCodeAt(0) === 0xfeff) {
    issues.push({
      line: 1,
      severity: 'warning',
      message:
        'the file starts with a byte order mark: save it as UTF-8 without BOM, as `sf project retrieve start` writes it'
    });
  }
  const beforeRoot = (what: string): void => {
    if (!root) {
      issues.push({
        line: parser.line,
        severity: 'error',
        message: `${what} before the root element: the sf CLI cannot convert such a file; move it inside the root element or delete it`
      });
    }
  };

  parser.on('xmldecl', (declaration) => {
    sawDeclaration = true;
    if (declaration.version !== '1.0') {
      issues.push({
        line: parser.line,
        severity: 'error',
        message: `XML version ${declaration.version} declared: use version="1.0"`
      });
    }
    if (declaration.encoding !== undefined && declaration.encoding.toUpperCase() !== 'UTF-8') {
      issues.push({
        line: parser.line,
        severity: 'error',
        message: `encoding "${declaration.encoding}" declared: metadata files are UTF-8`
      });
    }
  });
  parser.on('comment', () => beforeRoot('a comment'));
  parser.on('processinginstruction', (instruction) => beforeRoot(`a processing instruction <?${instruction.target}?>`));
  parser.on('doctype', () => beforeRoot('a DOCTYPE'));
  parser.on('opentagstart', () => {
    startLine = parser.line;
  });
  parser.on('opentag', (tag: SaxesTagNS) => {
    const element = toElement(tag, startLine, (prefix) => parser.resolve(prefix));
    const parent = open[open.length - 1];
    if (parent) {
      parent.children.push(element);
    } else {
      root = element;
    }
    if (!tag.isSelfClosing) {
      open.push(element);
    }
  });
  parser.on('closetag', (tag: SaxesTagNS) => {
    // Self-closing tags were never pushed.
    if (!tag.isSelfClosing) {
      lastClosed = open.pop();
    }
  });
  const addText = (data: string): void => {
    const current = open[open.length - 1];
    if (current) {
      current.text += data;
    }
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('error', (cause) => {
    if (malformed) {
      return;
    }
    malformed = true;
    issues.push(describeSyntaxError(cause.message, parser.line, { lastClosed, open, beforeRoot: !root }));
  });
  parser.write(text).close();
  if (root && !malformed && !sawDeclaration) {
    // XML 1.0 makes the declaration optional and the platform deploys files without it (lwc-recipes' miscLogger);
    // a retrieve writes it, so its absence is a convention, not a deploy failure.
    issues.push({
      line: 1,
      severity: 'warning',
      housePolicy: true,
      message: `no XML declaration: a retrieve writes ${DECLARATION} first`
    });
  }
  return { root: malformed ? undefined : root, issues };
}

function toElement(tag: SaxesTagNS, line: number, resolve: (prefix: string) => string | undefined): XmlElement {
  const attributes = Object.values(tag.attributes)
    .filter((attribute) => attribute.uri !== XMLNS_NS && attribute.name !== 'xmlns')
    .map(({ name, local, uri, value }) => ({ name, local, uri, value }));
  const element: XmlElement = {
    name: tag.name,
    local: tag.local,
    uri: tag.uri,
    line,
    attributes,
    children: [],
    text: ''
  };
  const typeAttribute = attributes.find((attribute) => attribute.uri === XSI_NS && attribute.local === 'type');
  if (typeAttribute) {
    const written = typeAttribute.value.trim();
    const colon = written.indexOf(':');
    const prefix = colon < 0 ? '' : written.slice(0, colon);
    element.xsiType = { written, uri: resolve(prefix) ?? '', local: written.slice(colon + 1) };
  }
  return element;
}

/** saxes says "7:14: unexpected close tag."; point at the element that is really at fault where we know it. */
function describeSyntaxError(
  saxesMessage: string,
  line: number,
  state: { lastClosed: XmlElement | undefined; open: XmlElement[]; beforeRoot: boolean }
): XmlIssue {
  const reason = saxesMessage.replace(/^\d+:\d+: /, '');
  // saxes pops the innermost open element and reports it when a close tag does not match it.
  if (reason.startsWith('unexpected close tag') && state.lastClosed) {
    return {
      line: state.lastClosed.line,
      severity: 'error',
      message: `malformed XML: <${state.lastClosed.name}> is never closed (the close tag at line ${line} does not match it)`
    };
  }
  const unclosed = /^unclosed tag: (.+)$/.exec(reason);
  const element = unclosed ? [...state.open].reverse().find((candidate) => candidate.name === unclosed[1]) : undefined;
  if (element) {
    return { line: element.line, severity: 'error', message: `malformed XML: <${element.name}> is never closed` };
  }
  if (reason.startsWith('text data outside of root node') && state.beforeRoot) {
    return {
      line,
      severity: 'error',
      message: `malformed XML: text before the root element (a damaged byte order mark such as "ï»¿" looks like this); the file must start with ${DECLARATION}`
    };
  }
  return { line, severity: 'error', message: `malformed XML: ${reason}` };
}

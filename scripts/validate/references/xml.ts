import { SaxesParser } from 'saxes';

/** One element of a metadata file, with the 1-based line of its start tag so that problems can point at it. */
export interface XmlElement {
  name: string;
  line: number;
  /** The element's own text and CDATA, trimmed (empty for container elements). */
  text: string;
  attributes: Record<string, string>;
  children: XmlElement[];
}

/** Parses a metadata XML file into elements; throws on malformed XML (the metadata-xml check reports that). */
export function parseXml(source: string): XmlElement {
  const parser = new SaxesParser({ position: true });
  const root: XmlElement = { name: '#document', line: 1, text: '', attributes: {}, children: [] };
  const open: XmlElement[] = [root];
  const texts: string[][] = [[]];
  parser.on('opentagstart', (tag) => {
    const element: XmlElement = { name: tag.name, line: parser.line, text: '', attributes: {}, children: [] };
    open[open.length - 1].children.push(element);
    open.push(element);
    texts.push([]);
  });
  parser.on('attribute', (attribute) => {
    open[open.length - 1].attributes[attribute.name] = attribute.value;
  });
  parser.on('text', (text) => texts[texts.length - 1].push(text));
  parser.on('cdata', (text) => texts[texts.length - 1].push(text));
  parser.on('closetag', () => {
    const element = open.pop();
    const parts = texts.pop();
    if (element && parts) {
      element.text = parts.join('').trim();
    }
  });
  parser.on('error', (error) => {
    throw error;
  });
  parser.write(source).close();
  const [documentElement] = root.children;
  if (!documentElement) {
    throw new Error('no root element');
  }
  return documentElement;
}

/** The direct children with this name. */
export function childElements(parent: XmlElement, name: string): XmlElement[] {
  return parent.children.filter((child) => child.name === name);
}

/** The first direct child with this name. */
export function childElement(parent: XmlElement, name: string): XmlElement | undefined {
  return parent.children.find((child) => child.name === name);
}

/** The text of the first direct child with this name, if it has any. */
export function childText(parent: XmlElement, name: string): string | undefined {
  const text = childElement(parent, name)?.text;
  return text ? text : undefined;
}

/** Every element below `parent` (at any depth) with this name, in document order. */
export function descendants(parent: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (element: XmlElement): void => {
    for (const child of element.children) {
      if (child.name === name) {
        found.push(child);
      }
      visit(child);
    }
  };
  visit(parent);
  return found;
}

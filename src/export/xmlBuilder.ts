// Pure: a small escape-safe XML builder for the diagram writers (draw.io, GraphML). Elements are data; every text and
// attribute value is escaped on output and stripped of characters XML cannot hold, and names are checked, so nothing
// a document says (a name with "<", "&" or a control character) can break the markup.
import { escapeXml } from './exportSvg';

/** An element: name, attributes (undefined ones left out), children (elements or text). */
export interface XmlElement {
  name: string;
  attrs: Record<string, string | number | undefined>;
  children: XmlNode[];
}
export type XmlNode = XmlElement | string;

const NAME = /^[A-Za-z_][\w.:-]*$/;

/** An element; throws on a name XML does not allow (a bug in a writer, never the document's fault). */
export function el(name: string, attrs: XmlElement['attrs'] = {}, children: XmlNode[] = []): XmlElement {
  if (!NAME.test(name)) throw new Error(`export/xmlBuilder: "${name}" is not an XML name — this is a bug; please report it`);
  for (const k of Object.keys(attrs)) if (!NAME.test(k)) throw new Error(`export/xmlBuilder: "${k}" is not an XML attribute name — this is a bug; please report it`);
  return { name, attrs, children };
}

/** A number as XML writes it: at most two decimals, no "-0". */
export function num(x: number): string {
  const r = Math.round(x * 100) / 100;
  return String(Object.is(r, -0) ? 0 : r);
}

function attrText(v: string | number): string {
  return escapeXml(typeof v === 'number' ? num(v) : v).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

/** The element as indented text (text children kept inline, so their whitespace is theirs). */
export function render(node: XmlNode, indent = ''): string {
  if (typeof node === 'string') return escapeXml(node);
  const attrs = Object.entries(node.attrs)
    .filter((e): e is [string, string | number] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${attrText(v)}"`)
    .join('');
  if (!node.children.length) return `${indent}<${node.name}${attrs}/>`;
  if (node.children.every((c) => typeof c === 'string')) return `${indent}<${node.name}${attrs}>${node.children.map((c) => render(c)).join('')}</${node.name}>`;
  const inner = node.children.map((c) => (typeof c === 'string' ? `${indent}  ${render(c)}` : render(c, `${indent}  `))).join('\n');
  return `${indent}<${node.name}${attrs}>\n${inner}\n${indent}</${node.name}>`;
}

/** A whole XML document: the declaration and the root element. */
export function xmlDocument(root: XmlElement): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${render(root)}\n`;
}

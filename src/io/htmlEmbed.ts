// The document carried by an HTML report (export/reportHtml.ts), as the PNG carries it in a text chunk: written into
// an inert <template> element as escaped JSON text (data, never code: a template's content is not rendered or run),
// and read back when the report is opened or dropped on the app.
import type { OwnershipDoc } from '../model';
import { IoError, fileLabel, rethrowAsIo } from './errors';
import { parseDocText, serializeDoc } from './native';

/** The id of the element that carries the document. */
export const HTML_DOC_ID = 'ownership-document';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const UNESCAPES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" };

/** The element carrying `doc`: its JSON with &, < and > escaped, so no text in it can end the element or open a tag. */
export function embedHtmlDoc(doc: OwnershipDoc): string {
  const json = serializeDoc(doc).replace(/[&<>]/g, (c) => ESCAPES[c]);
  return `<template id="${HTML_DOC_ID}" data-format="ownership-graph">${json}</template>`;
}

const CARRIER = new RegExp(`<template id="${HTML_DOC_ID}"[^>]*>([^<]*)</template>`);

/** Whether an HTML text carries a document. */
export function carriesDoc(html: string): boolean {
  return CARRIER.test(html);
}

/** The document an HTML report carries, or null when it carries none; an IoError when it is damaged or invalid. */
export function extractHtmlDoc(html: string, fileName?: string): OwnershipDoc | null {
  const where = `io/html: ${fileLabel(fileName)}`;
  const m = CARRIER.exec(html);
  if (!m) return null;
  const text = m[1].replace(/&(amp|lt|gt|quot|#39|apos);/g, (_, e: string) => UNESCAPES[e]);
  try {
    return parseDocText(text, `${where}the embedded document: `);
  } catch (e) {
    if (e instanceof IoError) throw e;
    rethrowAsIo(e, `${where}the embedded document: `);
  }
}

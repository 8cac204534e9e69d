// A large document crosses between the page and a worker in parts: one message per slice of a record list, then
// the rest of the document. Copying a message (structured clone) blocks the thread that sends or receives it, so
// one message of a 100k-entity graph freezes the page for hundreds of ms; parts of PART_ITEMS records take a few
// ms each, and the page handles input between them. Pure.
import type { OwnershipDoc } from '../model';

/** Records per part. */
export const PART_ITEMS = 10_000;

/** The record lists a document is split along. */
export const PART_FIELDS = ['entities', 'holdings', 'agreements', 'dependencies', 'events', 'scenarios'] as const;
export type PartField = (typeof PART_FIELDS)[number];

/** A slice of one record list of a document. */
export interface DocPart {
  field: PartField;
  items: unknown[];
}

/** Splits `doc`: every list longer than `size` goes out in parts (in order) and is left empty in the shell. */
export function splitDoc(doc: OwnershipDoc, size = PART_ITEMS): { shell: OwnershipDoc; parts: DocPart[] } {
  const parts: DocPart[] = [];
  const shell: Record<string, unknown> = { ...doc };
  for (const field of PART_FIELDS) {
    const list = doc[field];
    if (!list || list.length <= size) continue;
    for (let i = 0; i < list.length; i += size) parts.push({ field, items: list.slice(i, i + size) });
    shell[field] = [];
  }
  return { shell: shell as OwnershipDoc, parts };
}

/** The document `splitDoc` split: the shell with each split list put back together from its parts. */
export function joinDoc(shell: OwnershipDoc, parts: DocPart[]): OwnershipDoc {
  if (!parts.length) return shell;
  const lists = new Map<PartField, unknown[]>();
  for (const { field, items } of parts) {
    let list = lists.get(field);
    if (!list) lists.set(field, (list = []));
    for (const x of items) list.push(x);
  }
  return { ...shell, ...Object.fromEntries(lists) } as OwnershipDoc;
}

/** Resolves in a later task, so that the page can handle input between two parts. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

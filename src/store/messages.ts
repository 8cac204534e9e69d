// Turns a refused edit (ModelError) into a sentence for people: drops the module/op prefix, names entities and
// records by name rather than by id, and writes dates as dates ("9 May 2024").
import type { Op, OwnershipDoc } from '../model';
import { isoDate } from '../model/schema';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2024-05-09" → "9 May 2024"; anything that is not a real date is left as it was. */
export function dateText(iso: string): string {
  if (!isoDate.safeParse(iso).success) return iso;
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** Names for the ids of `doc`: entities by name, holdings as "holder in subject", other records by their title or kind. */
function namesOf(doc: OwnershipDoc): (id: string) => string | undefined {
  let entities: Map<string, string> | null = null;
  let records: Map<string, string> | null = null;
  return (id) => {
    entities ??= new Map(doc.entities.map((e) => [e.id, e.name]));
    if (entities.has(id)) return entities.get(id);
    if (!records) {
      const name = (x: string) => entities!.get(x) ?? x;
      records = new Map<string, string>();
      for (const h of doc.holdings) records.set(h.id, `the holding of ${name(h.holder)} in ${name(h.subject)}`);
      for (const a of doc.agreements ?? []) records.set(a.id, `the agreement on ${name(a.subject)}`);
      for (const d of doc.dependencies ?? []) records.set(d.id, `the dependency of ${name(d.client)} on ${name(d.provider)}`);
      for (const ev of doc.events ?? []) records.set(ev.id, `the event "${ev.title}"`);
    }
    return records.get(id);
  };
}

/** `text` with record ids replaced by names and dates written out (ids only where `doc` names them). */
export function inWords(text: string, doc: OwnershipDoc): string {
  const name = namesOf(doc);
  return text
    // "A Holdings" (ahd): the name is there already; the id in brackets goes.
    .replace(/("[^"]*") \(([^()]+)\)/g, (all, quoted: string, id: string) => (name(id) !== undefined ? quoted : all))
    // holding "h-naver-ahd" → the holding of NAVER in A Holdings; entity "naver" → "NAVER"
    .replace(/\b(holding|agreement|dependency|event|entity|holder|subject|seller|buyer|party|provider|client) "([^"]+)"/g, (all, kind: string, id: string) => {
      const n = name(id);
      if (n === undefined) return all;
      return n.startsWith('the ') ? n : `${kind} "${n}"`;
    })
    .replace(/"([^"]+)"/g, (all, id: string) => {
      const n = name(id);
      return n === undefined ? all : n.startsWith('the ') ? n : `"${n}"`;
    })
    // Bare ids in lists ("lower a stake (h-naver-ahd, h-sbkk-ahd)").
    .replace(/\(([^()"]+)\)/g, (all, inner: string) => {
      const parts = inner.split(', ');
      const named = parts.map((p) => name(p));
      return named.every((n) => n !== undefined) ? `(${named.map((n) => n!.replace(/^the holding of /, '')).join('; ')})` : all;
    })
    .replace(/\b\d{4}-\d{2}-\d{2}\b/g, (d) => dateText(d));
}

/** `doc` with the records `op` would add (a refused new holding, entity…), so that a refusal can name them too. */
export function withRecordsOf(doc: OwnershipDoc, op: Op): OwnershipDoc {
  const adds = { entities: [] as OwnershipDoc['entities'], holdings: [] as OwnershipDoc['holdings'], agreements: [] as NonNullable<OwnershipDoc['agreements']>, dependencies: [] as NonNullable<OwnershipDoc['dependencies']> };
  const walk = (o: Op) => {
    if (o.type === 'batch') o.ops.forEach(walk);
    else if (o.type === 'addEntity') adds.entities.push(o.entity);
    else if (o.type === 'setHolding') adds.holdings.push(o.holding);
    else if (o.type === 'addAgreement') adds.agreements.push(o.agreement);
    else if (o.type === 'addDependency') adds.dependencies.push(o.dependency);
  };
  walk(op);
  if (!adds.entities.length && !adds.holdings.length && !adds.agreements.length && !adds.dependencies.length) return doc;
  // Records already in `doc` come last, so their names win (the lookups keep the last record of an id).
  return {
    ...doc,
    entities: [...adds.entities, ...doc.entities],
    holdings: [...adds.holdings, ...doc.holdings],
    agreements: [...adds.agreements, ...(doc.agreements ?? [])],
    dependencies: [...adds.dependencies, ...(doc.dependencies ?? [])],
  };
}

/**
 * "model/apply: setHolding: holdings of … sum to 130%…" → "Holdings of … sum to 130%…", in words when `doc` is given
 * (and naming the records `op` adds, when the refused operation is given).
 */
export function readableError(e: unknown, doc?: OwnershipDoc, op?: Op): string {
  const raw = e instanceof Error ? e.message : String(e);
  let text = raw.replace(/^model\/(apply|validate|parse):\s*/, '').replace(/^[a-zA-Z]+:\s+/, '').trim();
  if (doc) text = inWords(text, op ? withRecordsOf(doc, op) : doc);
  return text ? text[0].toUpperCase() + text.slice(1) : 'The edit was refused.';
}

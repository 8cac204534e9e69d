// A plain register read into columns (cli/columnarRead.ts) made ready for the analysis that `analyze` prints: the
// snapshot the analysis works on (analysis/snapshot.ts, built by its own fromTable from the columns), and a document
// that carries the file's own fields. The analysis reads records through the snapshot; of the document it reads only
// the fields that change control (an entity's decision rule and board, agreements, relations, bands), which a plain
// register does not have: its entity list holds one empty record per entity, and its holding list is empty.
import type { Entity, OwnershipDoc } from '../model';
import { resolveOptions, type AnalysisOptions } from '../analysis';
import { fromTable, seedSnapshot, type HoldingTable, type Snapshot } from '../analysis/snapshot';
import type { ByteKeys } from './byteKeys';
import { dayNumber, type Columns } from './columnarRead';

/** Entity ids to entity numbers through the reader's byte keys (no second map of millions of strings). */
class IdIndex {
  private enc = new TextEncoder();
  /** The id being looked up, as UTF-8: ASCII is copied by hand (the JSON writers look ids up per entity). */
  private buf = new Uint8Array(256);
  constructor(private keys: ByteKeys) {}
  get size(): number {
    return this.keys.size;
  }
  get(id: string): number | undefined {
    const n = id.length;
    if (this.buf.length < 3 * n) this.buf = new Uint8Array(3 * n);
    const buf = this.buf;
    let len = n;
    for (let i = 0; i < n; i++) {
      const c = id.charCodeAt(i);
      if (c >= 128) {
        len = this.enc.encodeInto(id, buf).written;
        break;
      }
      buf[i] = c;
    }
    const v = this.keys.get(buf, 0, len);
    return v < 0 ? undefined : v;
  }
  has(id: string): boolean {
    return this.get(id) !== undefined;
  }
}

/** An entity of a plain register as the analysis reads it: no decision rule, no board (frozen: nobody writes it). */
const PLAIN: Entity = Object.freeze({}) as Entity;

/**
 * The document of `c` for the analysis under `opts`, with its snapshot on the view date made from the columns.
 * The columns' holding arrays are handed over (read, not kept).
 */
export function columnarDoc(c: Columns, opts: Partial<AnalysisOptions>): OwnershipDoc {
  const doc: OwnershipDoc = { ...c.head, entities: new Array<Entity>(c.n).fill(PLAIN), holdings: [] };
  const date = resolveOptions(doc, opts).date;
  const day = dayNumber(date);
  const h = c.holdings, m = h.count;
  const live = new Uint8Array(m), shares = new Float64Array(m), votes = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    // inForce (model/dates.ts): not before since, and before until.
    live[k] = (h.since && h.since[k] && h.since[k] > day) || (h.until && h.until[k] && h.until[k] <= day) ? 0 : 1;
    shares[k] = h.shares[k] / 100;
    votes[k] = (Number.isNaN(h.votes[k]) ? h.shares[k] : h.votes[k]) / 100;
  }
  const t: HoldingTable = { holder: h.holder.subarray(0, m), subject: h.subject.subarray(0, m), live, shares, votes, seats: new Int32Array(m) };
  const index = new IdIndex(c.keys) as unknown as Map<string, number>;
  const snap: Snapshot = fromTable(doc, date, { n: c.n, ids: c.ids, names: c.names, index, isFloat: c.isFloat }, t, new Map());
  seedSnapshot(doc, date, snap);
  return doc;
}

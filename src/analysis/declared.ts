// Declared indirect interests in the figures (CONTROL-MODEL.md, "Declared indirect interests"): a relation that
// declares P's indirect x% of S through intermediaries whose figures leave P's stakes in them open gives P, in the
// look-through and ultimate owners of S and of everything S's flows pass through, x% of S taken from where the
// recorded figures leave S's flows unexplained on the declared route (the pool: an intermediary nobody is recorded
// holding, an intermediary's or S's unattributed remainder), pro rata, at most all of it. Pure, memoised per snapshot.
import { inForce, type Relation } from '../model';
import { passes, ruleOf } from './decisionRule';
import { lookThroughWalk } from './lookThrough';
import { shareStructure, type ShareStructure } from './shareStructure';
import type { Snapshot } from './snapshot';

const EPS = 1e-12;

/** A declared indirect interest: a shareholding or voting rights relation marked indirect, with its figure and a party. */
export function isDeclaredIndirect(r: Relation): r is Relation & { party: string; share: number } {
  return (r.kind === 'shareholding' || r.kind === 'votingRights') && r.directOrIndirect === 'indirect' && typeof r.share === 'number' && r.party !== undefined;
}

/** One declared indirect interest in force, by entity index: party P, subject S, figure (fraction), intermediaries. */
export interface Declared {
  id: string;
  party: number;
  subject: number;
  share: number;
  through: number[];
}

/** A declaration made ready for a snapshot: its pool in S's own figures and where P's credit goes further up. */
interface Prepared {
  d: Declared;
  /** Pool keys (entity v, or −1 − v for v's unattributed remainder) and the fraction of S's flows ending at each. */
  poolKeys: number[];
  poolFlows: number[];
  /** The share of the pool P takes: min(1, x / pool). */
  ratio: number;
  /** Per unit of P's credit: P's ultimate owners (keys as above) and the look-through stakes of P's upstream. */
  ownKeys: number[];
  ownFlows: number[];
  upKeys: number[];
  upFlows: number[];
}

const declaredMemo = new WeakMap<Snapshot, { doc: object; list: Declared[] }>();
const preparedMemo = new WeakMap<Snapshot, { st: ShareStructure; doc: object; list: Prepared[] }>();

/** The declared indirect interests of the snapshot's document in force on its date, both ends in the snapshot. */
export function declaredOf(s: Snapshot): Declared[] {
  const memo = declaredMemo.get(s);
  if (memo && memo.doc === s.doc) return memo.list;
  const list: Declared[] = [];
  for (const r of s.doc.relations ?? []) {
    if (!isDeclaredIndirect(r) || !inForce(r, s.date)) continue;
    const party = s.index.get(r.party), subject = s.index.get(r.subject);
    if (party === undefined || subject === undefined || party === subject) continue;
    const through = (r.through ?? []).map((id) => s.index.get(id)).filter((v): v is number => v !== undefined && v !== party && v !== subject);
    list.push({ id: r.id, party, subject, share: Math.min(1, Math.max(0, r.share / 100)), through });
  }
  declaredMemo.set(s, { doc: s.doc, list });
  return list;
}

/** The endpoints of an exact walk from v: terminal holders (key v) and unattributed remainders (key −1 − v). */
function endpoints(s: Snapshot, from: number): { keys: number[]; flows: number[]; upKeys: number[]; upFlows: number[] } | undefined {
  const w = lookThroughWalk(s, from);
  if (!w.ok) return undefined;
  const keys: number[] = [], flows: number[] = [], upKeys: number[] = [], upFlows: number[] = [];
  for (let q = 0; q < w.nodes.length; q++) {
    const v = w.nodes[q], mv = w.m[v];
    if (!(mv > EPS)) continue;
    if (v !== from) {
      upKeys.push(v);
      upFlows.push(mv);
    }
    if (s.holderCount[v] === 0) {
      keys.push(v);
      flows.push(v === from ? 1 : mv);
    } else {
      const rem = 1 - s.heldShares[v];
      if (rem > 1e-9) {
        keys.push(-1 - v);
        flows.push(rem * mv);
      }
    }
  }
  return { keys, flows, upKeys, upFlows };
}

/**
 * The declarations of `s`, made ready: each runs look-through walks (of S and of P), so call this before a walk whose
 * arrays are still to be read. A declaration whose subject sits on a cycle of holdings, or whose walks meet a closed
 * loop, is left out (its figures would have no single answer).
 */
export function prepareDeclared(s: Snapshot): Prepared[] {
  const list = declaredOf(s);
  if (!list.length) return [];
  const st = shareStructure(s);
  const memo = preparedMemo.get(s);
  if (memo && memo.st === st && memo.doc === s.doc) return memo.list;
  const out: Prepared[] = [];
  for (const d of list) {
    if (st.members.has(st.comp[d.subject])) continue;
    const of = endpoints(s, d.subject);
    const up = endpoints(s, d.party);
    if (!of || !up) continue;
    const via = new Set(d.through);
    const poolKeys: number[] = [], poolFlows: number[] = [];
    let pool = 0;
    of.keys.forEach((k, i) => {
      const v = k >= 0 ? k : -1 - k;
      if (k === -1 - d.subject || (via.has(v) && v !== d.party)) {
        poolKeys.push(k);
        poolFlows.push(of.flows[i]);
        pool += of.flows[i];
      }
    });
    if (!(pool > EPS)) continue;
    out.push({ d, poolKeys, poolFlows, ratio: Math.min(1, d.share / pool), ownKeys: up.keys, ownFlows: up.flows, upKeys: up.upKeys, upFlows: up.upFlows });
  }
  preparedMemo.set(s, { st, doc: s.doc, list: out });
  return out;
}

/** How the declarations move one target's figures (fractions): deltas to its owners and look-through, and P's declared part. */
export interface DeclaredShift {
  /** Added to (or, negative, taken from) each ultimate owner: entity v, or −1 − v for v's unattributed remainder. */
  owners: Map<number, number>;
  /** Added to the look-through stake of each upstream entity. */
  upstream: Map<number, number>;
  /** Per party, the part of its look-through stake that comes from declared indirect interests. */
  declared: Map<number, number>;
}

/**
 * The shift the prepared declarations make to the figures of `target`, whose exact or cut walk gave `m` over `nodes`
 * (read before the next walk). Declarations apply in document order; each takes at most what is left of its pool, so
 * owners never go below zero and still sum to 1. Undefined when no declaration reaches the target.
 */
export function declaredShift(s: Snapshot, prepared: Prepared[], target: number, nodes: ArrayLike<number>, m: ArrayLike<number>): DeclaredShift | undefined {
  if (!prepared.length) return undefined;
  const flow = new Map<number, number>();
  for (let q = 0; q < nodes.length; q++) flow.set(nodes[q], nodes[q] === target ? 1 : m[nodes[q]]);
  let shift: DeclaredShift | undefined;
  const owner = (k: number): number => {
    const v = k >= 0 ? k : -1 - k;
    const f = flow.get(v) ?? 0;
    const base = k >= 0 ? (s.holderCount[v] === 0 ? f : 0) : Math.max(0, 1 - s.heldShares[v]) * f;
    return base + (shift!.owners.get(k) ?? 0);
  };
  const add = (map: Map<number, number>, k: number, x: number) => map.set(k, (map.get(k) ?? 0) + x);
  for (const p of prepared) {
    const f = flow.get(p.d.subject) ?? 0;
    if (!(f > EPS)) continue;
    shift ??= { owners: new Map(), upstream: new Map(), declared: new Map() };
    let credit = 0;
    p.poolKeys.forEach((k, i) => {
      const x = Math.min(f * p.poolFlows[i] * p.ratio, owner(k));
      if (!(x > 0)) return;
      add(shift!.owners, k, -x);
      credit += x;
    });
    if (!(credit > EPS)) continue;
    add(shift.declared, p.d.party, credit);
    add(shift.upstream, p.d.party, credit);
    p.ownKeys.forEach((k, i) => add(shift!.owners, k, credit * p.ownFlows[i]));
    p.upKeys.forEach((u, i) => add(shift!.upstream, u, credit * p.upFlows[i]));
  }
  return shift && shift.declared.size ? shift : undefined;
}

/**
 * The declared indirect interests that decide ultimate control, by subject: the figure passes the subject's decision
 * rule, the records make the subject controlled or jointly controlled (not circular), and every ultimate controller
 * they give it is one of the declared intermediaries; the party then takes their place. The first per subject.
 */
export function declaredControl(s: Snapshot, topsOf: (v: number) => readonly number[], status: (v: number) => string): Map<number, Declared> {
  const over = new Map<number, Declared>();
  for (const d of declaredOf(s)) {
    const v = d.subject;
    if (over.has(v) || !d.through.length) continue;
    if (!passes(ruleOf(s.doc.entities[v].decisionRule), d.share)) continue;
    const st = status(v);
    if (st !== 'controlled' && st !== 'joint') continue;
    const via = new Set(d.through);
    const tops = topsOf(v);
    if (tops.length && tops.every((t) => via.has(t))) over.set(v, d);
  }
  return over;
}

// The control diff of two analyses (CONTROL-MODEL §4): entities whose status, parent or ultimate controllers
// changed, look-through stakes that moved by more than 0.005 points, and dependencies whose exposure changed.
import { inForce, type OwnershipDoc } from '../model';
import type { Analysis, Status } from './analyze';
import type { Exposure } from './exposure';

export interface ControlSummary {
  status: Status;
  parent: string[];
  ultimate: string[];
}

export interface ControlDiff {
  changes: { entity: string; before: ControlSummary | null; after: ControlSummary | null }[];
  lookThrough: { owner: string; entity: string; before: number; after: number }[];
  dependencies: { id: string; before: Exposure | null; after: Exposure | null }[];
}

const MOVE = 0.005;

function summary(a: Analysis, id: string): ControlSummary | null {
  const c = a.control.get(id);
  return c ? { status: c.status, parent: c.parent, ultimate: c.ultimate } : null;
}

function same(x: ControlSummary | null, y: ControlSummary | null): boolean {
  return JSON.stringify(x) === JSON.stringify(y);
}

/** Subjects whose holdings in force differ between the two documents, and everything they hold downstream. */
function affectedTargets(a: Analysis, b: Analysis): Set<string> {
  const key = (doc: OwnershipDoc, date: string) => {
    const m = new Map<string, string>();
    for (const h of doc.holdings) if (inForce(h, date)) m.set(h.subject, `${m.get(h.subject) ?? ''}|${h.holder}:${h.shares}`);
    return m;
  };
  const ka = key(a.doc, a.options.date), kb = key(b.doc, b.options.date);
  const seeds = new Set<string>();
  for (const [s, v] of ka) if (kb.get(s) !== v) seeds.add(s);
  for (const [s, v] of kb) if (ka.get(s) !== v) seeds.add(s);
  const out = new Set<string>();
  for (const an of [a, b]) {
    const s = an.snap;
    const queue = [...seeds].map((id) => s.index.get(id)).filter((v): v is number => v !== undefined);
    const seen = new Set(queue);
    for (let q = 0; q < queue.length; q++) {
      const v = queue[q];
      out.add(s.ids[v]);
      for (let e = s.outStart[v]; e < s.outStart[v + 1]; e++) if (!seen.has(s.outSubject[e])) { seen.add(s.outSubject[e]); queue.push(s.outSubject[e]); }
    }
  }
  return out;
}

/** Compares two analyses (base → scenario); `lookThrough: false` skips the stakes, the costly part on big graphs. */
export function diffAnalyses(a: Analysis, b: Analysis, opts: { lookThrough?: boolean } = {}): ControlDiff {
  const ids = new Set([...a.control.keys(), ...b.control.keys()]);
  const changes: ControlDiff['changes'] = [];
  for (const id of ids) {
    const before = summary(a, id), after = summary(b, id);
    if (!same(before, after)) changes.push({ entity: id, before, after });
  }
  const lookThrough: ControlDiff['lookThrough'] = [];
  for (const id of opts.lookThrough === false ? [] : [...affectedTargets(a, b)].sort()) {
    const la = a.control.has(id) ? a.lookThrough(id) : null;
    const lb = b.control.has(id) ? b.lookThrough(id) : null;
    const va = la && !('loop' in la) ? la.lookThrough : {};
    const vb = lb && !('loop' in lb) ? lb.lookThrough : {};
    for (const owner of new Set([...Object.keys(va), ...Object.keys(vb)])) {
      const before = va[owner] ?? 0, after = vb[owner] ?? 0;
      if (Math.abs(after - before) > MOVE) lookThrough.push({ owner, entity: id, before, after });
    }
  }
  const da = a.dependencies(), db = b.dependencies();
  const dependencies: ControlDiff['dependencies'] = [];
  for (const id of new Set([...Object.keys(da), ...Object.keys(db)])) {
    const before = da[id] ?? null, after = db[id] ?? null;
    if (JSON.stringify(before) !== JSON.stringify(after)) dependencies.push({ id, before, after });
  }
  return { changes, lookThrough, dependencies };
}

// The summary a live analysis hands the page (summary.ts's AnalysisSummary, as summarize gives for a full analysis):
// statuses, controllers and ultimate controllers as CSR, group sizes, conferring holdings, exposure and loops, made
// in whole-graph passes over typed arrays (no per-entity objects), so an edit at 100k entities costs milliseconds.
import { inForce } from '../model';
import type { Reason } from './control';
import { classifyDependency, type Exposure } from './exposure';
import type { LiveAnalysis } from './live';
import { closedLoops, lookThroughWalk } from './lookThrough';
import type { AnalysisSummary } from './summary';

/**
 * Joint controllers sorted by id, kept per players list: a reason object outlives the edits that do not re-evaluate
 * its entity, so its players are sorted once, not at every summary (ids of an entity never change while live).
 */
const sortedByReason = new WeakMap<readonly number[], number[]>();
function sortedPlayers(players: readonly number[], byId: (a: number, b: number) => number): number[] {
  let sorted = sortedByReason.get(players);
  if (!sorted) sortedByReason.set(players, (sorted = players.slice().sort(byId)));
  return sorted;
}

/** The summary of a live analysis (what summarize(analyze(doc, options)) gives): two passes over typed arrays. */
export function liveSummary(live: LiveAnalysis): AnalysisSummary {
  const { n, ids } = live.snap;
  const { parent, reason, tops, onCycle, joint } = live;
  const byId = (a: number, b: number) => (ids[a] < ids[b] ? -1 : ids[a] > ids[b] ? 1 : 0);
  const status = new Uint8Array(n);
  const parentStart = new Int32Array(n + 1), ultimateStart = new Int32Array(n + 1);
  let np = 0, nu = 0;
  for (let v = 0; v < n; v++) {
    let st: number;
    if (joint[v]) {
      st = 2;
      np += (reason[v] as Extract<Reason, { kind: 'joint' }>).players.length;
    } else if (parent[v] === -1) st = 0;
    else {
      st = onCycle[v] ? 3 : 1;
      np++;
    }
    status[v] = st;
    if (st !== 0) nu += tops[v].length;
    parentStart[v + 1] = np;
    ultimateStart[v + 1] = nu;
  }
  const parentIdx = new Int32Array(np), ultimateIdx = new Int32Array(nu);
  // Group keys: the single top's index, or a shared array of several tops (one per distinct set).
  const key = new Int32Array(n);
  const single = new Int32Array(n);
  const multi = new Int32Array(live.internId.size);
  const topsId = live.topsId;
  for (let v = 0; v < n; v++) {
    let p = parentStart[v];
    if (joint[v]) {
      const players = (reason[v] as Extract<Reason, { kind: 'joint' }>).players;
      for (const x of players.length > 1 ? sortedPlayers(players, byId) : players) parentIdx[p++] = x;
    } else if (parent[v] !== -1) parentIdx[p] = parent[v];
    const t = status[v] === 0 ? null : tops[v];
    if (!t || t.length === 0) {
      key[v] = v;
      single[v]++;
    } else if (t.length === 1) {
      ultimateIdx[ultimateStart[v]] = t[0];
      key[v] = t[0];
      single[t[0]]++;
    } else {
      for (let i = 0, u = ultimateStart[v]; i < t.length; i++) ultimateIdx[u + i] = t[i];
      key[v] = -1;
      multi[topsId[v]]++;
    }
  }
  const groupSize = new Int32Array(n);
  for (let v = 0; v < n; v++) groupSize[v] = key[v] >= 0 ? single[key[v]] : multi[topsId[v]];
  let nc = 0;
  for (let k = 0; k < live.confers.length; k++) nc += live.confers[k];
  const conferring = new Int32Array(nc);
  for (let k = 0, c = 0; k < live.confers.length; k++) if (live.confers[k]) conferring[c++] = k;
  return { options: live.options, status, parentStart, parentIdx, ultimateStart, ultimateIdx, groupSize, conferring, dependencies: dependencies(live), loops: closedLoops(live.snap) };
}

/** Exposure of every dependency in force (as Analysis.dependencies), reading look-through only for their clients. */
function dependencies(live: LiveAnalysis): Record<string, Exposure> {
  const out: Record<string, Exposure> = {};
  const deps = live.doc.dependencies ?? [];
  if (!deps.length) return out;
  const s = live.snap;
  const top = (id: string) => {
    const v = s.index.get(id);
    if (v === undefined) return [id];
    const t = live.reason[v].kind !== 'joint' && live.parent[v] === -1 ? [] : live.tops[v];
    return t.length ? t.map((u) => s.ids[u]).sort() : [id];
  };
  const stake = (owner: string, client: string) => {
    const v = s.index.get(client), o = s.index.get(owner);
    if (v === undefined || o === undefined || o === v) return 0;
    const w = lookThroughWalk(s, v);
    return w.ok ? w.m[o] * 100 * (w.nodes.includes(o) ? 1 : 0) : 0;
  };
  const byId = new Map(live.doc.entities.map((e) => [e.id, e]));
  for (const d of deps) {
    if (!inForce(d, live.options.date)) continue;
    out[d.id] = classifyDependency(d, { top, lookThroughStake: stake, jurisdiction: (id) => byId.get(id)?.jurisdiction });
  }
  return out;
}

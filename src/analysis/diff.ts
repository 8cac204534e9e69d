// The control diff of two analyses (CONTROL-MODEL §4): entities whose status, parent or ultimate controllers
// changed, look-through stakes that moved by more than 0.005 points, dependencies whose exposure changed, how the
// voting game moved (joint control, veto players, board majority, voting power), and control under the other rules.
import { inForce, type OwnershipDoc } from '../model';
import { analyze, type Analysis } from './analyze';
import { controlChanges, dependencyChanges, type ControlChanges, type DependencyChanges } from './diffControl';
import { diffGame, type GameDiff } from './diffGame';
import { RULES, type Rule } from './options';

export type { ControlSummary } from './diffControl';

export interface ControlDiff {
  changes: ControlChanges;
  lookThrough: { owner: string; entity: string; before: number; after: number }[];
  dependencies: DependencyChanges;
  /** How the voting game moved in the companies the change reaches (empty with `game: false`). */
  game: GameDiff;
  /** Control changes under each other rule (only the rules with some; empty with `game: false`). */
  otherRules: { rule: Rule; changes: ControlDiff['changes'] }[];
}

const MOVE = 0.005;

/** Subjects whose holdings in force differ between the two documents. */
function changedSubjects(a: Analysis, b: Analysis): Set<string> {
  const key = (doc: OwnershipDoc, date: string) => {
    const m = new Map<string, string>();
    for (const h of doc.holdings) if (inForce(h, date)) m.set(h.subject, `${m.get(h.subject) ?? ''}|${h.holder}:${h.shares}:${h.votes ?? ''}:${h.boardSeats ?? ''}`);
    return m;
  };
  const ka = key(a.doc, a.options.date), kb = key(b.doc, b.options.date);
  const seeds = new Set<string>();
  for (const [s, v] of ka) if (kb.get(s) !== v) seeds.add(s);
  for (const [s, v] of kb) if (ka.get(s) !== v) seeds.add(s);
  return seeds;
}

/**
 * The companies whose voting game can move: those whose holdings changed, and those held by an entity whose control
 * changed (its votes join another block). Elsewhere the blocks and their weights are the same on both sides.
 */
function gameTargets(a: Analysis, b: Analysis, seeds: Set<string>, changes: ControlDiff['changes']): string[] {
  const out = new Set(seeds);
  for (const c of changes) {
    for (const an of [a, b]) {
      const s = an.snap, v = s.index.get(c.entity);
      if (v === undefined) continue;
      for (let e = s.outStart[v]; e < s.outStart[v + 1]; e++) out.add(s.ids[s.outSubject[e]]);
    }
  }
  return [...out].sort();
}

/** Subjects whose holdings in force differ between the two documents, and everything they hold downstream. */
function affectedTargets(a: Analysis, b: Analysis, seeds: Set<string>): Set<string> {
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

const gameMemo = new WeakMap<Analysis, WeakMap<Analysis, GameDiff>>();

/** The game diff of a pair of analyses, computed once (the panel and the canvas's callouts both ask). */
function gameOf(a: Analysis, b: Analysis, targets: () => string[]): GameDiff {
  let byB = gameMemo.get(a);
  if (!byB) gameMemo.set(a, (byB = new WeakMap()));
  let g = byB.get(b);
  if (!g) byB.set(b, (g = diffGame(a, b, targets())));
  return g;
}

/**
 * Compares two analyses (base → scenario). `lookThrough: false` skips the stakes, the costly part on big graphs;
 * `game: false` skips the voting game and the other rules (the canvas marks need neither).
 */
export function diffAnalyses(a: Analysis, b: Analysis, opts: { lookThrough?: boolean; game?: boolean } = {}): ControlDiff {
  const changes = controlChanges(a, b);
  const seeds = changedSubjects(a, b);
  const affected = opts.lookThrough === false ? [] : [...affectedTargets(a, b, seeds)].sort();
  const lookThrough: ControlDiff['lookThrough'] = [];
  for (const id of opts.lookThrough === false ? [] : affected) {
    const la = a.control.has(id) ? a.lookThrough(id) : null;
    const lb = b.control.has(id) ? b.lookThrough(id) : null;
    const va = la && !('loop' in la) ? la.lookThrough : {};
    const vb = lb && !('loop' in lb) ? lb.lookThrough : {};
    for (const owner of new Set([...Object.keys(va), ...Object.keys(vb)])) {
      const before = va[owner] ?? 0, after = vb[owner] ?? 0;
      if (Math.abs(after - before) > MOVE) lookThrough.push({ owner, entity: id, before, after });
    }
  }
  const dependencies = dependencyChanges(a, b);
  const withGame = opts.game !== false;
  const game = withGame ? gameOf(a, b, () => gameTargets(a, b, seeds, changes)) : { joint: [], veto: [], board: [], power: [] };
  const otherRules: ControlDiff['otherRules'] = [];
  if (withGame) {
    for (const rule of RULES) {
      if (rule === a.options.rule) continue;
      const o = { ...a.options, rule };
      const c = controlChanges(analyze(a.doc, o), analyze(b.doc, { ...b.options, rule }));
      if (c.length) otherRules.push({ rule, changes: c });
    }
  }
  return { changes, lookThrough, dependencies, game, otherRules };
}

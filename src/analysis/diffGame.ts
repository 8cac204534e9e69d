// How the voting game moves between two analyses, whatever the rule (CONTROL-MODEL §3): joint control in the game
// (one minimal winning coalition of two or more blocks), veto players, the board majority, and Banzhaf and
// Shapley–Shubik power moves of at least one point. Pure: no React, no store.
import { inForce } from '../model';
import type { Analysis, PlayerPower } from './analyze';
import { passes, ruleOf } from './decisionRule';

/** A block's voting power (normalised indices, 0..1). */
export interface Power { banzhaf: number; shapleyShubik: number | null }

export interface GameDiff {
  /** Joint control found by the voting game (blocks' ids), before and after; null: none. */
  joint: { entity: string; before: string[] | null; after: string[] | null }[];
  /** Veto players that appear or go. */
  veto: { entity: string; player: string; gained: boolean }[];
  /** The holder appointing more than half the board, before and after; null: none. */
  board: { entity: string; before: string | null; after: string | null }[];
  /** Power moves of at least `POWER_STEP` (either index), absent players at 0. */
  power: { entity: string; player: string; before: Power; after: Power }[];
}

/** One point of voting power. */
export const POWER_STEP = 0.01;

const safePower = (a: Analysis, id: string): PlayerPower[] => (a.control.has(id) ? a.power(id) : []);

/** The blocks that jointly control `id` in its voting game, or null (the veto players, when they win and are ≥ 2). */
export function gameJoint(a: Analysis, id: string, power = safePower(a, id)): string[] | null {
  const veto = power.filter((p) => p.veto);
  if (veto.length < 2) return null;
  const rule = ruleOf(a.doc.entities.find((e) => e.id === id)?.decisionRule);
  return passes(rule, veto.reduce((t, p) => t + p.weight, 0) / 100) ? veto.map((p) => p.id).sort() : null;
}

/** The holder appointing more than half of `id`'s declared board, or null. */
export function boardMajority(a: Analysis, id: string): string | null {
  const size = a.doc.entities.find((e) => e.id === id)?.boardSize;
  if (!size) return null;
  const seats = new Map<string, number>();
  for (const h of a.doc.holdings) {
    if (h.subject !== id || !h.boardSeats || !inForce(h, a.options.date)) continue;
    const top = a.control.get(h.holder)?.ultimate[0] ?? h.holder;
    seats.set(top, (seats.get(top) ?? 0) + h.boardSeats);
  }
  for (const [holder, n] of seats) if (n * 2 > size) return holder;
  return null;
}

const moved = (x: number | null, y: number | null) => x !== null && y !== null && Math.abs(x - y) >= POWER_STEP - 1e-9;

/** The game diff over the given entities (the companies whose holdings, or whose holders' holdings, changed). */
export function diffGame(a: Analysis, b: Analysis, entities: Iterable<string>): GameDiff {
  const out: GameDiff = { joint: [], veto: [], board: [], power: [] };
  for (const id of entities) {
    const pa = safePower(a, id), pb = safePower(b, id);
    const ja = gameJoint(a, id, pa), jb = gameJoint(b, id, pb);
    if ((ja ?? []).join('|') !== (jb ?? []).join('|')) out.joint.push({ entity: id, before: ja, after: jb });
    const va = new Set(pa.filter((p) => p.veto).map((p) => p.id)), vb = new Set(pb.filter((p) => p.veto).map((p) => p.id));
    for (const p of va) if (!vb.has(p)) out.veto.push({ entity: id, player: p, gained: false });
    for (const p of vb) if (!va.has(p)) out.veto.push({ entity: id, player: p, gained: true });
    const ba = boardMajority(a, id), bb = boardMajority(b, id);
    if (ba !== bb) out.board.push({ entity: id, before: ba, after: bb });
    const zero: Power = { banzhaf: 0, shapleyShubik: 0 };
    const ma = new Map(pa.map((p) => [p.id, p])), mb = new Map(pb.map((p) => [p.id, p]));
    for (const player of new Set([...ma.keys(), ...mb.keys()])) {
      const x: Power = ma.get(player) ?? zero, y: Power = mb.get(player) ?? zero;
      if (moved(x.banzhaf, y.banzhaf) || moved(x.shapleyShubik, y.shapleyShubik)) {
        out.power.push({ entity: id, player, before: { banzhaf: x.banzhaf, shapleyShubik: x.shapleyShubik }, after: { banzhaf: y.banzhaf, shapleyShubik: y.shapleyShubik } });
      }
    }
  }
  // Largest power moves first.
  out.power.sort((p, q) => Math.abs(q.after.banzhaf - q.before.banzhaf) - Math.abs(p.after.banzhaf - p.before.banzhaf) || p.entity.localeCompare(q.entity) || p.player.localeCompare(q.player));
  return out;
}

// The words for a control diff (CONTROL-MODEL §4), shared by the command line and the app, so both say the same:
// control under the current rule, how the voting game moved, control under the other rules, stakes, exposure.
import type { ControlDiff, ControlSummary } from './diff';
import type { Power } from './diffGame';
import type { Exposure } from './exposure';
import { RULE_LABELS } from './options';

/** Names an entity id (or a `float:<id>` remainder). */
export type Namer = (id: string) => string;

/** One worded change, with the ids it concerns (for highlighting). */
export interface DiffLine {
  key: string;
  text: string;
  ids: string[];
}

export interface DiffWords {
  control: DiffLine[];
  /** Joint control in the voting game, veto players, board majority, voting power (≥ 1 point). */
  game: DiffLine[];
  /** Control changes under each other rule, each line prefixed with the rule ("Under Votes only: …"). */
  otherRules: DiffLine[];
  /** Look-through stakes that moved by 1 point or more. */
  lookThrough: DiffLine[];
  /** The stakes that moved by less than 1 point, and the one line that stands for them (null when none). */
  tinyLookThrough: DiffLine[];
  tinySummary: DiffLine | null;
  dependencies: DiffLine[];
}

/** Look-through moves below this (points) are grouped into one line. */
export const TINY_MOVE = 1;

/** "A", "A and B", "A, B and C". */
export function listWords(names: string[]): string {
  return names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** "independent", "jointly controlled by A and B", "controlled by A (ultimately C)". */
export function describeControl(s: ControlSummary | null, name: Namer): string {
  if (!s) return 'absent';
  if (s.status === 'independent') return 'independent';
  if (s.status === 'joint') return `jointly controlled by ${listWords(s.parent.map(name))}`;
  const ult = s.ultimate.join('|') === s.parent.join('|') ? '' : ` (ultimately ${listWords(s.ultimate.map(name))})`;
  return `${s.status === 'circular' ? 'circularly ' : ''}controlled by ${listWords(s.parent.map(name))}${ult}`;
}

/** "co-owner, cross-border"; "gone" when the dependency is not in force. */
export function describeExposure(e: Exposure | null): string {
  return e ? `${e.exposure}${e.crossBorder ? ', cross-border' : ''}` : 'gone';
}

/** Percentage points with two decimals: 31.25 → "31.25%". */
const points = (x: number) => `${x.toFixed(2)}%`;

/** A power index as a percentage: 0.5 → "50%", 0.3333 → "33.3%". */
const power = (x: number | null) => (x === null ? '—' : `${Number((x * 100).toFixed(1))}%`);

function powerText(name: Namer, player: string, entity: string, before: Power, after: Power): string {
  const bz = `${power(before.banzhaf)} → ${power(after.banzhaf)}`;
  const ss = `${power(before.shapleyShubik)} → ${power(after.shapleyShubik)}`;
  const indices = bz === ss ? `${bz} (Banzhaf and Shapley–Shubik)` : `${bz} (Banzhaf; Shapley–Shubik ${ss})`;
  return `${possessive(name(player))} voting power in ${name(entity)}: ${indices}`;
}

/** "NAVER Corporation's", "Fubon's" — and "Ministries'" for a plural in s. */
const possessive = (n: string) => (/s$/.test(n) && !/ss$/.test(n) ? `${n}'` : `${n}'s`);

/** The voting-game lines: joint control, veto players, board majority, then power moves, largest first. */
function gameLines(d: ControlDiff, name: Namer): DiffLine[] {
  const g = d.game;
  const names = (ids: string[]) => listWords(ids.map(name));
  const lines: DiffLine[] = [];
  for (const j of g.joint) {
    const text = !j.after
      ? `The joint control of ${name(j.entity)} by ${names(j.before!)} in its voting game ends`
      : !j.before
        ? `${names(j.after)} now jointly control ${name(j.entity)} in its voting game`
        : `Joint control of ${name(j.entity)} in its voting game: ${names(j.before)} → ${names(j.after)}`;
    lines.push({ key: `joint:${j.entity}`, text, ids: [j.entity] });
  }
  for (const v of g.veto) {
    const text = v.gained ? `${name(v.player)} gains a veto over ${name(v.entity)}` : `${possessive(name(v.player))} veto over ${name(v.entity)} ends`;
    lines.push({ key: `veto:${v.entity}:${v.player}`, text, ids: [v.player, v.entity] });
  }
  for (const b of g.board) {
    const text = !b.after
      ? `${name(b.before!)} no longer appoints a majority of ${possessive(name(b.entity))} board`
      : !b.before
        ? `${name(b.after)} now appoints a majority of ${possessive(name(b.entity))} board`
        : `Board majority of ${name(b.entity)}: ${name(b.before)} → ${name(b.after)}`;
    lines.push({ key: `board:${b.entity}`, text, ids: [b.entity] });
  }
  for (const p of g.power) lines.push({ key: `power:${p.entity}:${p.player}`, text: powerText(name, p.player, p.entity, p.before, p.after), ids: [p.player, p.entity] });
  return lines;
}

/** Words every change of `d`; `dependencyName` names a dependency id (defaults to the id). */
export function diffWords(d: ControlDiff, name: Namer, dependencyName: (id: string) => string = (id) => id): DiffWords {
  const stake = (l: ControlDiff['lookThrough'][number]): DiffLine => ({
    key: `${l.owner}>${l.entity}`,
    text: `${name(l.owner)} in ${name(l.entity)}: ${points(l.before)} → ${points(l.after)}`,
    ids: [l.owner, l.entity],
  });
  const big = d.lookThrough.filter((l) => Math.abs(l.after - l.before) >= TINY_MOVE);
  const tiny = d.lookThrough.filter((l) => Math.abs(l.after - l.before) < TINY_MOVE);
  const largest = tiny.reduce((m, l) => Math.max(m, Math.abs(l.after - l.before)), 0);
  const control = (c: ControlDiff['changes'][number]) => `${name(c.entity)}: ${describeControl(c.before, name)} → ${describeControl(c.after, name)}`;
  return {
    control: d.changes.map((c) => ({ key: c.entity, text: control(c), ids: [c.entity] })),
    game: gameLines(d, name),
    otherRules: d.otherRules.flatMap((r) => r.changes.map((c) => ({ key: `${r.rule}:${c.entity}`, text: `Under ${RULE_LABELS[r.rule]}: ${control(c)}`, ids: [c.entity] }))),
    lookThrough: big.map(stake),
    tinyLookThrough: tiny.map(stake),
    tinySummary: tiny.length
      ? { key: 'tiny', text: `${tiny.length} look-through stake${tiny.length === 1 ? '' : 's'} moved by less than ${TINY_MOVE} point (at most ${largest.toFixed(2)})`, ids: [] }
      : null,
    dependencies: d.dependencies.map((x) => ({
      key: x.id,
      text: `${dependencyName(x.id)}: ${describeExposure(x.before)} → ${describeExposure(x.after)}`,
      ids: [],
    })),
  };
}

/** The readable, multi-line rendering of a diff (the CLI's `simulate` output). */
export function diffText(d: ControlDiff, name: Namer, dependencyName?: (id: string) => string): string {
  const w = diffWords(d, name, dependencyName);
  const lines: string[] = [];
  if (!w.control.length) lines.push('Control: no change.');
  else lines.push('Control changes', ...w.control.map((l) => `  ${l.text}`));
  if (w.game.length) lines.push('', 'Voting game', ...w.game.map((l) => `  ${l.text}`));
  if (w.otherRules.length) lines.push('', 'Under the other rules', ...w.otherRules.map((l) => `  ${l.text}`));
  if (w.lookThrough.length || w.tinySummary) {
    lines.push('', 'Look-through stakes that moved', ...w.lookThrough.map((l) => `  ${l.text}`));
    if (w.tinySummary) lines.push(`  ${w.tinySummary.text}`);
  }
  if (w.dependencies.length) lines.push('', 'Dependency exposure changes', ...w.dependencies.map((l) => `  ${l.text}`));
  return lines.join('\n');
}

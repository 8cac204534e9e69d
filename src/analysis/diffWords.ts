// The words for a control diff (CONTROL-MODEL §4), shared by the command line and the app, so both say the same.
import type { ControlDiff, ControlSummary } from './diff';
import type { Exposure } from './exposure';

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
  lookThrough: DiffLine[];
  dependencies: DiffLine[];
}

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

/** Words every change of `d`; `dependencyName` names a dependency id (defaults to the id). */
export function diffWords(d: ControlDiff, name: Namer, dependencyName: (id: string) => string = (id) => id): DiffWords {
  return {
    control: d.changes.map((c) => ({
      key: c.entity,
      text: `${name(c.entity)}: ${describeControl(c.before, name)} → ${describeControl(c.after, name)}`,
      ids: [c.entity],
    })),
    lookThrough: d.lookThrough.map((l) => ({
      key: `${l.owner}>${l.entity}`,
      text: `${name(l.owner)} in ${name(l.entity)}: ${points(l.before)} → ${points(l.after)}`,
      ids: [l.owner, l.entity],
    })),
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
  if (w.lookThrough.length) lines.push('', 'Look-through stakes that moved', ...w.lookThrough.map((l) => `  ${l.text}`));
  if (w.dependencies.length) lines.push('', 'Dependency exposure changes', ...w.dependencies.map((l) => `  ${l.text}`));
  return lines.join('\n');
}

// The cheap part of a control diff (CONTROL-MODEL §4): entities whose status, parent or ultimate controllers changed,
// and dependencies whose exposure changed. The canvas marks need only this; diff.ts adds stakes, the voting game and
// the other rules. Pure: no React, no store.
import type { Analysis, Status } from './analyze';
import type { Exposure } from './exposure';

export interface ControlSummary {
  status: Status;
  parent: string[];
  ultimate: string[];
}

export type ControlChanges = { entity: string; before: ControlSummary | null; after: ControlSummary | null }[];
export type DependencyChanges = { id: string; before: Exposure | null; after: Exposure | null }[];

function summary(a: Pick<Analysis, 'control'>, id: string): ControlSummary | null {
  const c = a.control.get(id);
  return c ? { status: c.status, parent: c.parent, ultimate: c.ultimate } : null;
}

function same(x: ControlSummary | null, y: ControlSummary | null): boolean {
  return JSON.stringify(x) === JSON.stringify(y);
}

/** Entities whose control summary differs between `a` and `b` (present on one side only included). */
export function controlChanges(a: Pick<Analysis, 'control'>, b: Pick<Analysis, 'control'>): ControlChanges {
  const ids = new Set([...a.control.keys(), ...b.control.keys()]);
  const changes: ControlChanges = [];
  for (const id of ids) {
    const before = summary(a, id), after = summary(b, id);
    if (!same(before, after)) changes.push({ entity: id, before, after });
  }
  return changes;
}

/** Dependencies whose exposure differs between `a` and `b` (in force on one side only included). */
export function dependencyChanges(a: Pick<Analysis, 'dependencies'>, b: Pick<Analysis, 'dependencies'>): DependencyChanges {
  const da = a.dependencies(), db = b.dependencies();
  const out: DependencyChanges = [];
  for (const id of new Set([...Object.keys(da), ...Object.keys(db)])) {
    const before = da[id] ?? null, after = db[id] ?? null;
    if (JSON.stringify(before) !== JSON.stringify(after)) out.push({ id, before, after });
  }
  return out;
}

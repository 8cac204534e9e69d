// Pure: what changed at each step of a document's timeline (CONTROL-MODEL §6) — the holdings, agreements and
// dependencies that start or end on each date, and whose control moved from the previous date to it — so the
// timeline can mark every step with its changes.
import type { OwnershipDoc } from '../model';
import { analyze } from './analyze';
import { controlChanges, dependencyChanges, type ControlChanges, type DependencyChanges } from './diffControl';
import type { AnalysisOptions } from './options';
import { timelineDates } from './timeline';

export interface TimelineStep {
  date: string;
  /** Records (holdings, agreements, dependencies) whose `since` is this date. */
  started: number;
  /** Records whose `until` is this date. */
  ended: number;
  /** Events dated this day. */
  events: string[];
  /** Control that moved from the previous step to this one (none on the first step). */
  control: ControlChanges;
  dependencies: DependencyChanges;
}

/** Every timeline date with what changed on it, under the rule and τ of `opts` (its date is ignored). */
export function timelineSteps(doc: OwnershipDoc, opts: Partial<AnalysisOptions> = {}): TimelineStep[] {
  const dates = timelineDates(doc);
  const records = [...doc.holdings, ...(doc.agreements ?? []), ...(doc.dependencies ?? [])];
  return dates.map((date, i) => {
    const prev = i > 0 ? analyze(doc, { ...opts, date: dates[i - 1] }) : null;
    const here = prev ? analyze(doc, { ...opts, date }) : null;
    return {
      date,
      started: records.filter((r) => r.since === date).length,
      ended: records.filter((r) => r.until === date).length,
      events: (doc.events ?? []).filter((e) => e.date === date).map((e) => e.id),
      control: prev && here ? controlChanges(prev, here) : [],
      dependencies: prev && here ? dependencyChanges(prev, here) : [],
    };
  });
}

// The timeline's comparisons: two dates side by side in the split view (the left date chosen here, the right one the
// view date) with the control diff between them in the panel's words, and every step marked with what changed on it.
import { useMemo } from 'react';
import { analyze, diffAnalyses, diffWords, listWords, RULE_LABELS } from '../../analysis';
import { timelineSteps } from '../../analysis/timelineSteps';
import type { OwnershipDoc } from '../../model';
import { MAX_SWAP_ENTITIES } from '../../canvas/useShown';
import { useStore, useStoreApi } from '../../store';
import { useWorkspace, useWorkspaceApi } from '../workspace/workspaceState';
import { namer } from '../names';
import { DiffWordsView } from './DiffView';
import { dependencyNamer, viewOptions } from './words';

/** The control diff of the document between two dates, worded as the panel words a scenario's. */
function DatesDiff({ doc, from, to }: { doc: OwnershipDoc; from: string; to: string }) {
  const view = useStore((s) => s.view);
  const words = useMemo(() => {
    const opts = viewOptions(view);
    const d = diffAnalyses(analyze(doc, { ...opts, date: from }), analyze(doc, { ...opts, date: to }));
    return diffWords(d, namer(doc), dependencyNamer(doc, doc));
  }, [doc, from, to, view]);
  return <DiffWordsView words={words} rule={RULE_LABELS[view.rule]} label={`Changes from ${from} to ${to}`} />;
}

/** Choose the left date and open the split view of the two dates; the diff between them below. */
export function DatesCompare({ dates, date }: { dates: string[]; date: string }) {
  const doc = useStore((s) => s.doc);
  const split = useWorkspace((s) => s.split);
  const compareDate = useWorkspace((s) => s.compareDate);
  const workspace = useWorkspaceApi();
  if (doc.entities.length > MAX_SWAP_ENTITIES || dates.length < 2) return null;
  const on = split && !!compareDate;
  const earlier = dates.filter((d) => d < date);
  const left = compareDate ?? earlier[earlier.length - 1] ?? dates[0];
  const choose = (d: string) => workspace.getState().set({ compareDate: d, split: true, splitSide: 'after' });
  return (
    <div className="dates-compare">
      <h3>Two dates side by side</h3>
      <div className="actions-row">
        <label>
          Left{' '}
          <select value={left} onChange={(e) => choose(e.target.value)} aria-label="Left side's date" data-testid="compare-date">
            {dates.map((d) => <option key={d} value={d}>{d}</option>)}
          </select>
        </label>
        <span aria-hidden="true">|</span>
        <span>right {date}</span>
        <button type="button" aria-pressed={on} onClick={() => (on ? workspace.getState().set({ split: false, compareDate: null }) : choose(left))} data-testid="compare-dates">
          {on ? 'Close split' : 'Split view'}
        </button>
      </div>
      {on && <DatesDiff doc={doc} from={compareDate} to={date} />}
    </div>
  );
}

/** One line per timeline date: what started or ended on it, its events, and whose control moved since the step before. */
export function StepMarks({ date }: { date: string }) {
  const appStore = useStoreApi();
  const doc = useStore((s) => s.doc);
  const view = useStore((s) => s.view);
  const steps = useMemo(() => (doc.entities.length > MAX_SWAP_ENTITIES ? null : timelineSteps(doc, viewOptions(view))), [doc, view.rule, view.threshold]);
  if (!steps) return null;
  const name = namer(doc);
  return (
    <details className="steps" open>
      <summary>What changed at each step</summary>
      <ol aria-label="Timeline steps" data-testid="timeline-steps">
        {steps.map((s) => {
          const marks = [
            s.started ? `+${s.started} start${s.started === 1 ? 's' : ''}` : '',
            s.ended ? `−${s.ended} end${s.ended === 1 ? 's' : ''}` : '',
            s.events.length ? `${s.events.length} event${s.events.length === 1 ? '' : 's'}` : '',
          ].filter(Boolean);
          const moved = s.control.map((c) => c.entity);
          return (
            <li key={s.date} className={`${s.date === date ? 'current' : ''}${moved.length ? ' moved' : ''}`}>
              <button type="button" className="link" onClick={() => appStore.getState().setView({ date: s.date })}>{s.date}</button>{' '}
              <span className="muted small-text">{marks.join(' · ')}</span>
              {moved.length > 0 && <span className="step-control"> · control: {listWords(moved.slice(0, 3).map(name))}{moved.length > 3 ? ` and ${moved.length - 3} more` : ''}</span>}
              {s.dependencies.length > 0 && <span className="small-text"> · exposure: {s.dependencies.length}</span>}
            </li>
          );
        })}
      </ol>
    </details>
  );
}

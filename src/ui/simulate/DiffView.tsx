// The control diff between two documents in words (CONTROL-MODEL §4): control under the current rule, how the
// voting game moved, control under the other rules, look-through stakes (tiny moves grouped) and dependency
// exposure; clicking a line selects its entity.
import { POWER_NOTE } from '../powerWords';
import { useMemo, useState } from 'react';
import { diffWords, listWords, resolveOptions, RULE_LABELS, type DiffLine, type DiffWords } from '../../analysis';
import type { OwnershipDoc } from '../../model';
import { MAX_SWAP_ENTITIES } from '../../canvas/useShown';
import { useStoreApi, useStore } from '../../store';
import { useControlDiff } from '../../store/diffs';
import { dependencyNamer, distanceFromChange, pairNamer, viewOptions } from './words';

/** Lines shown before "Show all". */
const FIRST = 8;

function Lines({ title, lines, testId, empty, tiny, note }: { title: string; lines: DiffLine[]; testId: string; empty?: string; tiny?: { summary: DiffLine; lines: DiffLine[] } | null; note?: string }) {
  const appStore = useStoreApi();
  const [all, setAll] = useState(false);
  if (!lines.length && !empty && !tiny) return null;
  const shown = all ? lines : lines.slice(0, FIRST);
  return (
    <div className="diff-group">
      <h4>{title}</h4>
      {note && <p className="small-text muted">{note}</p>}
      {lines.length || tiny ? (
        <ul className="diff-lines" data-testid={testId}>
          {shown.map((l) => (
            <li key={l.key}>
              {l.ids.length ? (
                <button type="button" className="diff-line" onClick={() => appStore.getState().select({ kind: 'entity', id: l.ids[l.ids.length - 1] })}>{l.text}</button>
              ) : (
                <span className="diff-line">{l.text}</span>
              )}
            </li>
          ))}
          {lines.length > FIRST && (
            <li><button type="button" className="link" onClick={() => setAll(!all)}>{all ? 'Show fewer' : `Show all ${lines.length}`}</button></li>
          )}
          {tiny && (
            <li>
              <details className="diff-tiny">
                <summary className="diff-line">{tiny.summary.text}</summary>
                <ul className="diff-lines">{tiny.lines.map((l) => <li key={l.key}><span className="diff-line">{l.text}</span></li>)}</ul>
              </details>
            </li>
          )}
        </ul>
      ) : (
        <p className="muted small-text" data-testid={testId}>{empty}</p>
      )}
    </div>
  );
}

/** The worded diff of `before` → `after` under the current rule, τ and date. */
export function DiffView({ before, after, label = 'Changes' }: { before: OwnershipDoc; after: OwnershipDoc; label?: string }) {
  const view = useStore((s) => s.view);
  const big = after.entities.length > MAX_SWAP_ENTITIES;
  const [asked, setAsked] = useState(false);
  // Worked out in the analysis worker (store/diffs.ts); huge graphs only on request (both documents are copied to it).
  const opts = useMemo(() => viewOptions(view), [view]);
  const entry = useControlDiff(big && !asked ? null : before, after, opts);
  const d = entry?.diff ?? null;
  const words = useMemo(() => {
    if (!d) return null;
    // Nearest the change first (a buyout moves dozens of downstream stakes by the same few points), larger moves first.
    const dist = distanceFromChange(before, after, resolveOptions(after, opts).date);
    const far = (id: string) => dist.get(id) ?? Infinity;
    const lookThrough = [...d.lookThrough].sort((x, y) => far(x.entity) - far(y.entity) || Math.abs(y.after - y.before) - Math.abs(x.after - x.before));
    return diffWords({ ...d, lookThrough }, pairNamer(before, after), dependencyNamer(before, after));
  }, [d, before, after, opts]);
  const rule = RULE_LABELS[view.rule];
  if (entry?.error) {
    return (
      <section className="diff" aria-label={label}>
        <p className="warning small-text">{entry.error}</p>
      </section>
    );
  }
  if (!words && entry) {
    return (
      <section className="diff" aria-label={label} aria-busy="true">
        <p className="muted small-text">Working out the changes…</p>
      </section>
    );
  }
  if (!words) {
    return (
      <section className="diff" aria-label={label}>
        <p className="muted small-text">This graph is large: the changes are computed on request.</p>
        <button type="button" className="small" onClick={() => setAsked(true)}>Compute the changes</button>
      </section>
    );
  }
  return <DiffWordsView words={words} rule={rule} label={label} />;
}

/** The worded diff itself, in the panel's groups (the split view's two dates use it too). */
export function DiffWordsView({ words, rule, label }: { words: DiffWords; rule: string; label: string }) {
  return (
    <section className="diff" aria-label={label} data-testid="diff">
      <Lines
        title={`Control (${rule})`}
        lines={words.control}
        testId="diff-control"
        empty={`No change in who controls what under ${rule}${words.otherRules.length ? `; under ${listWords([...new Set(words.otherRules.map((l) => l.text.slice(6, l.text.indexOf(':'))))])} it does (below)` : ' or any other rule'}.`}
      />
      <Lines title="Voting game (joint control, veto, board, power ≥ 1 point)" lines={words.game} testId="diff-game" note={words.game.some((l) => l.key.startsWith('power:')) ? POWER_NOTE : undefined} />
      <Lines title="Under the other rules" lines={words.otherRules} testId="diff-rules" />
      <Lines title="Look-through stakes that moved" lines={words.lookThrough} testId="diff-lookthrough" tiny={words.tinySummary ? { summary: words.tinySummary, lines: words.tinyLookThrough } : null} />
      <Lines title="Dependency exposure" lines={words.dependencies} testId="diff-dependencies" />
    </section>
  );
}

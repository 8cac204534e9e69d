// The de facto threshold τ: typed as a percentage ("30" or "27,5"); a value outside 0–100 or not a number is refused
// with a message, never silently ignored.
import { useEffect, useState } from 'react';
import { useStore, useStoreApi } from '../store';
import { parseDecimal } from './numbers';
import { usesThreshold } from '../analysis';

/** Why `text` is not a threshold, or null when it is one. */
export function tauProblem(text: string): string | null {
  const x = parseDecimal(text);
  if (Number.isNaN(x)) return `τ must be a number of percent, such as 25 or 27,5 — "${text.trim()}" was not applied.`;
  if (x < 0 || x > 100) return `τ must be between 0% and 100% — ${text.trim()}% was not applied.`;
  return null;
}

export function TauField() {
  const store = useStoreApi();
  const threshold = useStore((s) => s.view.threshold);
  const defacto = useStore((s) => usesThreshold(s.view.rule));
  const [draft, setDraft] = useState(String(threshold));
  useEffect(() => setDraft(String(threshold)), [threshold]);
  const problem = tauProblem(draft);
  const settle = () => {
    if (!problem) return;
    store.getState().notify(problem, 'error');
    setDraft(String(store.getState().view.threshold));
  };
  return (
    <input
      aria-label="De facto threshold τ in percent"
      className="tau"
      inputMode="decimal"
      disabled={!defacto}
      value={draft}
      aria-invalid={problem ? true : undefined}
      title={problem ?? undefined}
      onChange={(e) => {
        setDraft(e.target.value);
        if (!tauProblem(e.target.value)) store.getState().setView({ threshold: parseDecimal(e.target.value) });
      }}
      onBlur={settle}
      onKeyDown={(e) => e.key === 'Enter' && settle()}
    />
  );
}

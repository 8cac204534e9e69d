// The toolbar's view date: it keeps what is typed as a draft and moves the view only to a complete, plausible date
// (viewDate.ts); anything else is marked invalid and goes back to the date shown when the field is left.
import { useEffect, useState } from 'react';
import { resolveOptions } from '../analysis';
import { useStore, useStoreApi } from '../store';
import { plausibleViewDate, VIEW_YEARS } from './viewDate';

export function DateViewField() {
  const appStore = useStoreApi();
  const asOf = useStore((s) => s.doc.asOf);
  const date = useStore((s) => s.view.date);
  // The date the analysis uses: the one chosen, else the document's, else today.
  const shown = resolveOptions({ asOf }, { date: date ?? undefined }).date;
  const [draft, setDraft] = useState(shown);
  useEffect(() => setDraft(shown), [shown]);
  const bad = draft !== shown && !plausibleViewDate(draft);
  return (
    <input
      aria-label="View date"
      type="date"
      min={`${VIEW_YEARS[0]}-01-01`}
      max={`${VIEW_YEARS[1]}-12-31`}
      value={draft}
      aria-invalid={bad ? true : undefined}
      title={bad ? `A date from ${VIEW_YEARS[0]} to ${VIEW_YEARS[1]}; the graph shows ${shown}` : undefined}
      onChange={(e) => {
        const v = e.target.value;
        setDraft(v);
        if (plausibleViewDate(v) && v !== shown) appStore.getState().setView({ date: v });
      }}
      onBlur={() => setDraft(shown)}
    />
  );
}

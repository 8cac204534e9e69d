// The inspector's form for one holding: shares, votes, board seats, dates, estimated, sources — via setHolding.
import type { Holding } from '../model';
import { useEdits } from './edits';
import { CheckField, DateField, NumberField, TextField } from './fields';
import { SourcesEditor } from './SourcesEditor';

export function HoldingForm({ holding: h, nameOf }: { holding: Holding; nameOf: (id: string) => string }) {
  const { changeHolding } = useEdits();
  return (
    <form className="form" onSubmit={(e) => e.preventDefault()} aria-label={`Edit the holding of ${nameOf(h.holder)} in ${nameOf(h.subject)}`}>
      <p className="edge-ends">
        <strong>{nameOf(h.holder)}</strong> holds <strong>{nameOf(h.subject)}</strong>
      </p>
      <div className="row">
        <NumberField name="shares" label="Shares %" value={h.shares} onCommit={(v) => changeHolding(h, { shares: v ?? Number.NaN })} />
        <NumberField name="votes" label="Votes %" optional placeholder="= shares" value={h.votes} hint="Empty: same as shares" onCommit={(v) => changeHolding(h, { votes: v })} />
      </div>
      <NumberField name="boardSeats" label="Board seats appointed" optional value={h.boardSeats} onCommit={(v) => changeHolding(h, { boardSeats: v })} />
      <div className="row">
        <DateField name="since" label="Since" value={h.since} onCommit={(v) => changeHolding(h, { since: v })} />
        <DateField name="until" label="Until" value={h.until} onCommit={(v) => changeHolding(h, { until: v })} />
      </div>
      <CheckField name="estimated" label="Estimated (figure not confirmed)" value={!!h.estimated} onCommit={(v) => changeHolding(h, { estimated: v ? true : null })} />
      <TextField name="notes" label="Notes" multiline value={h.notes ?? ''} onCommit={(v) => changeHolding(h, { notes: v.trim() === '' ? null : v })} />
      <SourcesEditor sources={h.sources} onCommit={(s) => changeHolding(h, { sources: s })} />
      <p className="muted small-text">Id: <code>{h.id}</code></p>
    </form>
  );
}

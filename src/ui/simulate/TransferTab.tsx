// The transfer control: company, seller, buyer (existing or new) and points (slider and exact number to 0.01). While
// it is filled in, the graph previews the result and the diff is listed; "Apply" commits it as one undo step.
import { useEffect, useMemo, useState } from 'react';
import { isFloatId } from '../../model';
import { useStoreApi, useStore } from '../../store';
import { previewOf } from '../../store/preview';
import { useSimViewApi } from '../../store/simView';
import { namer } from '../names';
import { DiffView } from './DiffView';
import { EntityPicker } from './EntityPicker';
import { NEW_BUYER, sellersOf, transferOp } from './transferOp';
import { parseDecimal } from '../numbers';

const round2 = (x: number) => Math.round(x * 100) / 100;

export function TransferTab() {
  const simView = useSimViewApi();
  const appStore = useStoreApi();
  const doc = useStore((s) => s.doc);
  const viewDate = useStore((s) => s.view.date);
  const date = viewDate ?? doc.asOf ?? new Date().toISOString().slice(0, 10);
  const name = namer(doc);
  const [subject, setSubject] = useState('');
  const [seller, setSeller] = useState('');
  const [buyer, setBuyer] = useState('');
  const [points, setPoints] = useState(0);
  const [text, setText] = useState('');
  const [clamped, setClamped] = useState<string | null>(null);
  const [newName, setNewName] = useState('');
  const [newJur, setNewJur] = useState('');

  const companies = useMemo(() => doc.entities.filter((e) => e.kind !== 'float').sort((a, b) => a.name.localeCompare(b.name)), [doc.entities]);
  const sellers = useMemo(() => (subject ? sellersOf(doc, subject, date) : []), [doc, subject, date]);
  const available = sellers.find((s) => s.id === seller)?.shares ?? 0;
  const buyers = useMemo(() => doc.entities.filter((e) => e.id !== subject && e.id !== seller).sort((a, b) => a.name.localeCompare(b.name)), [doc.entities, subject, seller]);
  const op = useMemo(
    () => transferOp(doc, { subject, seller, buyer, points, newBuyer: { name: newName, kind: 'company', jurisdiction: newJur.trim().toUpperCase() || undefined }, date: viewDate && viewDate !== doc.asOf ? viewDate : undefined }),
    [doc, subject, seller, buyer, points, newName, newJur, viewDate],
  );
  useEffect(() => {
    simView.getState().set({ draft: op });
  }, [op]);
  useEffect(() => () => simView.getState().set({ draft: null }), [simView]);

  const setBoth = (x: number) => {
    const v = round2(Math.max(0, Math.min(available, x)));
    setPoints(v);
    setText(String(v));
    setClamped(null);
  };
  const reset = () => setBoth(0);
  const preview = op ? previewOf(doc, op) : null;
  const commit = () => {
    if (!op) return;
    const r = appStore.getState().commit(op);
    if (r.ok) {
      appStore.getState().notify('Transfer applied as one undo step.');
      reset();
      if (buyer === NEW_BUYER) setNewName('');
    }
  };

  return (
    <form className="sim-tab form" aria-label="Stake transfer" onSubmit={(e) => { e.preventDefault(); commit(); }}>
      <div className="field">
        <label htmlFor="tr-subject">Company</label>
        <EntityPicker id="tr-subject" value={subject} options={companies} placeholder="Choose a company…" onChange={(v) => { setSubject(v); setSeller(''); reset(); }} />
      </div>
      <div className="field">
        <label htmlFor="tr-seller">Seller</label>
        <select id="tr-seller" value={seller} disabled={!subject} onChange={(e) => { setSeller(e.target.value); reset(); }}>
          <option value="">{subject && !sellers.length ? 'Nobody holds it on this date' : 'Choose a seller…'}</option>
          {sellers.map((s) => <option key={s.id} value={s.id}>{isFloatId(s.id) ? 'Unattributed remainder (float)' : name(s.id)} — {s.shares.toFixed(2)}%</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor="tr-buyer">Buyer</label>
        <EntityPicker
          id="tr-buyer" value={buyer} options={buyers} placeholder="Choose a buyer…" disabled={!subject} onChange={setBuyer}
          extra={[{ id: NEW_BUYER, name: 'A new entity…' }, ...(subject && !isFloatId(seller) ? [{ id: `float:${subject}`, name: 'Unattributed remainder (float)' }] : [])]}
        />
      </div>
      {buyer === NEW_BUYER && (
        <div className="row">
          <div className="field">
            <label htmlFor="tr-new-name">New buyer's name</label>
            <input id="tr-new-name" value={newName} onChange={(e) => setNewName(e.target.value)} />
          </div>
          <div className="field narrow">
            <label htmlFor="tr-new-jur">Country</label>
            <input id="tr-new-jur" value={newJur} maxLength={2} placeholder="JP" onChange={(e) => setNewJur(e.target.value)} />
          </div>
        </div>
      )}
      <div className="field">
        <label htmlFor="tr-points">Points of {subject ? name(subject) : 'the company'}{seller ? ` (up to ${available.toFixed(2)})` : ''}</label>
        <div className="points">
          <input type="range" aria-label="Points (slider)" min={0} max={available || 1} step={0.01} value={points} disabled={!seller} onChange={(e) => setBoth(Number(e.target.value))} />
          <input
            id="tr-points" inputMode="decimal" value={text} disabled={!seller} aria-describedby="tr-points-note"
            onChange={(e) => {
              setText(e.target.value);
              const x = parseDecimal(e.target.value);
              if (!Number.isFinite(x)) return setClamped(e.target.value.trim() ? `"${e.target.value.trim()}" is not a number of points.` : null);
              const v = round2(Math.max(0, Math.min(available, x)));
              setPoints(v);
              // Said, not silently corrected: the slider's range is what the seller holds.
              setClamped(v !== round2(x) ? `${e.target.value.trim()} is ${x > available ? `more than the ${available.toFixed(2)} points the seller holds` : 'below 0'}: ${v.toFixed(2)} points are used.` : null);
            }}
            onBlur={() => setText(points ? String(points) : '')}
          />
        </div>
        {clamped && <small id="tr-points-note" className="hint" role="status">{clamped}</small>}
      </div>
      {preview && !preview.ok && <p className="error" role="alert">{preview.error}</p>}
      {preview?.ok && (
        <div className="preview" data-testid="transfer-preview">
          <p className="preview-note">Preview — not applied. The graph shows the result; changed entities are outlined.</p>
          <DiffView before={doc} after={preview.doc} label="What this transfer would change" />
        </div>
      )}
      <div className="actions-row">
        <button type="submit" className="primary" disabled={!preview?.ok}>Apply transfer</button>
        <button type="button" disabled={!op} onClick={reset}>Cancel</button>
      </div>
    </form>
  );
}

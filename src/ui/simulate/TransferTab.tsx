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
import { NEW_BUYER, readPoints, sellersOf, transferOp } from './transferOp';

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
  // The points field's text is the form's one value: the slider writes it, the preview and Apply read it (readPoints).
  const [text, setText] = useState('');
  const [newName, setNewName] = useState('');
  const [newJur, setNewJur] = useState('');

  const companies = useMemo(() => doc.entities.filter((e) => e.kind !== 'float').sort((a, b) => a.name.localeCompare(b.name)), [doc.entities]);
  const sellers = useMemo(() => (subject ? sellersOf(doc, subject, date) : []), [doc, subject, date]);
  const available = sellers.find((s) => s.id === seller)?.shares ?? 0;
  const reading = readPoints(text, available, seller ? (isFloatId(seller) ? 'the unattributed remainder' : name(seller)) : 'the seller');
  const points = reading.ok ? reading.points : 0;
  const buyers = useMemo(() => doc.entities.filter((e) => e.id !== subject && e.id !== seller).sort((a, b) => a.name.localeCompare(b.name)), [doc.entities, subject, seller]);
  const op = useMemo(
    () => transferOp(doc, { subject, seller, buyer, points, newBuyer: { name: newName, kind: 'company', jurisdiction: newJur.trim().toUpperCase() || undefined }, date }),
    [doc, subject, seller, buyer, points, newName, newJur, date],
  );
  useEffect(() => {
    simView.getState().set({ draft: op });
  }, [op]);
  useEffect(() => () => simView.getState().set({ draft: null }), [simView]);

  const reset = () => setText('');
  const preview = op ? previewOf(doc, op) : null;
  const commit = () => {
    if (!op || !reading.ok) return;
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
          <input
            id="tr-points" inputMode="decimal" value={text} disabled={!seller} aria-invalid={!reading.ok && !reading.empty ? true : undefined}
            aria-describedby={!reading.ok && !reading.empty ? 'tr-points-note' : undefined} onChange={(e) => setText(e.target.value)}
          />
          <input
            type="range" aria-label="Points (slider)" min={0} max={available || 1} step={0.01} value={points} disabled={!seller}
            onChange={(e) => setText(String(Math.round(Number(e.target.value) * 100) / 100))}
          />
        </div>
        {!reading.ok && !reading.empty && (
          <small id="tr-points-note" className="error" role="status">
            {reading.error}
            {reading.fix !== undefined && <> <button type="button" className="link" onClick={() => setText(String(reading.fix))}>Use {reading.fix.toFixed(2)}</button></>}
          </small>
        )}
      </div>
      {preview && !preview.ok && <p className="error" role="alert">{preview.error}</p>}
      {preview?.ok && (
        <div className="preview" data-testid="transfer-preview">
          <p className="preview-note">Preview — not applied. The graph shows the result; changed entities are outlined.</p>
          <DiffView before={doc} after={preview.doc} label="What this transfer would change" />
        </div>
      )}
      <div className="actions-row">
        <button type="submit" className="primary" disabled={!reading.ok || !preview?.ok}>Apply transfer</button>
        <button type="button" disabled={!op} onClick={reset}>Cancel</button>
      </div>
    </form>
  );
}

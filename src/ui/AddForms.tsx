// Small forms that create records: a new entity (placed in view) and a new holding from the inspector.
import { useId, useMemo, useState } from 'react';
import { uniqueId, type EntityKind } from '../model';
import { KIND_STYLES } from '../draw/styles';
import { useStoreApi, useStore, useCanvas } from '../store';
import { useEdits } from './edits';
import { EntityPicker, PICKER_SELECT_MAX } from './simulate/EntityPicker';
import { parseDecimal } from './numbers';

/** Adds an entity at the centre of the view and selects it. */
export function AddEntityForm() {
  const appStore = useStoreApi();
  const canvas = useCanvas();
  const id = useId();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<EntityKind>('company');
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    const position = canvas.current()?.centre() ?? { x: 0, y: 0 };
    const created = appStore.getState().addEntity({ name: name.trim() || name, kind, position });
    if (!created) return setError(appStore.getState().message?.text ?? 'Refused.');
    setError(null);
    setName('');
  };
  return (
    <form className="form add-entity" onSubmit={(e) => { e.preventDefault(); submit(); }} aria-label="Add an entity">
      <div className="row">
        <div className={`field${error ? ' invalid' : ''}`}>
          <label htmlFor={`${id}-name`}>New entity name</label>
          <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} aria-invalid={error ? true : undefined} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>Kind</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as EntityKind)}>
            {Object.entries(KIND_STYLES).map(([k, s]) => <option key={k} value={k}>{s.label}</option>)}
          </select>
        </div>
      </div>
      {error && <small className="error" role="alert">{error}</small>}
      <button type="submit">Add entity</button>
    </form>
  );
}

/** Adds a holding between the selected entity and another one, in either direction. */
export function AddHoldingForm({ entityId }: { entityId: string }) {
  const { commitOp } = useEdits();
  const appStore = useStoreApi();
  const id = useId();
  const entities = useStore((s) => s.doc.entities);
  const others = useMemo(() => entities.filter((e) => e.id !== entityId), [entities, entityId]);
  // On huge graphs the other entity is searched for, never listed whole (a select of 100k options takes seconds).
  const search = others.length > PICKER_SELECT_MAX;
  const [dir, setDir] = useState<'ownedBy' | 'owns'>('ownedBy');
  const [other, setOther] = useState('');
  const [shares, setShares] = useState('10');
  const [error, setError] = useState<string | null>(null);
  const submit = () => {
    const o = other || (search ? '' : others[0]?.id);
    if (!o) return setError(search ? 'Choose the other entity: type part of its name and pick it from the list.' : 'There is no other entity to link to: add one first.');
    const holder = dir === 'ownedBy' ? o : entityId;
    const subject = dir === 'ownedBy' ? entityId : o;
    const doc = appStore.getState().doc;
    const hid = uniqueId(`h-${holder}-${subject}`, (x) => doc.holdings.some((h) => h.id === x));
    const err = commitOp({ type: 'setHolding', holding: { id: hid, holder, subject, shares: parseDecimal(shares) } });
    setError(err);
    if (!err) appStore.getState().select({ kind: 'holding', id: hid });
  };
  return (
    <form className="form add-holding" onSubmit={(e) => { e.preventDefault(); submit(); }} aria-label="Add a holding">
      <div className="row">
        <div className="field">
          <label htmlFor={`${id}-dir`}>This entity</label>
          <select id={`${id}-dir`} value={dir} onChange={(e) => setDir(e.target.value as 'ownedBy' | 'owns')}>
            <option value="ownedBy">is held by</option>
            <option value="owns">holds</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-other`}>Other entity</label>
          {search ? (
            <EntityPicker id={`${id}-other`} value={other} options={others} placeholder="Find the entity" onChange={setOther} />
          ) : (
            <select id={`${id}-other`} value={other || others[0]?.id || ''} onChange={(e) => setOther(e.target.value)}>
              {others.map((e) => <option key={e.id} value={e.id}>{e.name}</option>)}
            </select>
          )}
        </div>
        <div className={`field narrow${error ? ' invalid' : ''}`}>
          <label htmlFor={`${id}-shares`}>Shares %</label>
          <input id={`${id}-shares`} inputMode="decimal" value={shares} onChange={(e) => setShares(e.target.value)} aria-invalid={error ? true : undefined} />
        </div>
      </div>
      {error && <small className="error" role="alert">{error}</small>}
      <button type="submit">Add holding</button>
    </form>
  );
}

// What would it take: pick a buyer and a target; the smallest purchases (company, seller, points) that give the
// buyer control of the target under the current rule, smallest first; each can be previewed or applied.
import { useEffect, useMemo, useState } from 'react';
import { controlsNow, resolveOptions, ruleLabel, whatWouldItTake, type Purchase } from '../../analysis';
import { FLOAT_PREFIX, isFloatId, type Op } from '../../model';
import { useStoreApi, useStore } from '../../store';
import { previewOf } from '../../store/preview';
import { useSimViewApi, useSimView } from '../../store/simView';
import { namer, sentence } from '../names';
import { DiffView } from './DiffView';
import { EntityPicker } from './EntityPicker';
import { viewOptions } from './words';

/** Purchases listed before "Show all". */
const FIRST = 10;

export function WhatIfTab() {
  const simView = useSimViewApi();
  const appStore = useStoreApi();
  const doc = useStore((s) => s.doc);
  const view = useStore((s) => s.view);
  const entityName = namer(doc);
  const name = (id: string) => (isFloatId(id) ? `the unattributed remainder of ${entityName(id.slice(FLOAT_PREFIX.length))}` : entityName(id));
  const [buyer, setBuyer] = useState('');
  const [target, setTarget] = useState('');
  const [asked, setAsked] = useState(false);
  const [all, setAll] = useState(false);
  const draft = useSimView((s) => s.draft);
  const entities = useMemo(() => doc.entities.filter((e) => e.kind !== 'float').sort((a, b) => a.name.localeCompare(b.name)), [doc.entities]);
  // The date shown: every proposal is computed, previewed and applied on it (a transfer without a date would act on
  // the holdings in force today, which may not be the ones drawn).
  const date = resolveOptions(doc, viewOptions(view)).date;
  const result = useMemo((): { list: Purchase[]; ops: Map<Purchase, Op>; already: boolean } | { error: string } | null => {
    if (!asked || !buyer || !target) return null;
    try {
      const list = whatWouldItTake(doc, buyer, target, viewOptions(view));
      // One operation per proposal, made once: Preview draws it and Apply commits that same operation.
      const ops = new Map(list.map((p): [Purchase, Op] => [p, { type: 'transfer', seller: p.seller, buyer, subject: p.company, points: p.points, date }]));
      return { list, ops, already: list.length === 0 && buyer !== target && controlsNow(doc, buyer, target, viewOptions(view)) };
    } catch (e) {
      return { error: (e as Error).message.replace(/^analysis\/whatIf: /, '') };
    }
  }, [asked, doc, buyer, target, view, date]);
  useEffect(() => () => simView.getState().set({ draft: null }), [simView]);

  const opOf = (p: Purchase): Op | undefined => (result && 'ops' in result ? result.ops.get(p) : undefined);
  const preview = (p: Purchase) => simView.getState().set({ draft: opOf(p) ?? null });
  const commit = (p: Purchase) => {
    const op = opOf(p);
    simView.getState().set({ draft: null });
    if (op && appStore.getState().commit(op).ok) appStore.getState().notify(sentence(`Applied: ${p.points.toFixed(2)} points of ${name(p.company)} from ${name(p.seller)} to ${name(buyer)}, on ${date}`));
  };
  const pick = (set: (v: string) => void) => (v: string) => {
    set(v);
    setAsked(false);
    simView.getState().set({ draft: null });
  };
  const shown = result && 'list' in result ? (all ? result.list : result.list.slice(0, FIRST)) : [];
  const draftPreview = draft ? previewOf(doc, draft) : null;

  return (
    <div className="sim-tab form">
      <div className="field">
        <label htmlFor="wi-buyer">Buyer</label>
        <EntityPicker id="wi-buyer" value={buyer} options={entities} placeholder="Choose a buyer…" onChange={pick(setBuyer)} />
      </div>
      <div className="field">
        <label htmlFor="wi-target">Target</label>
        <EntityPicker id="wi-target" value={target} options={entities} placeholder="Choose a target…" onChange={pick(setTarget)} />
      </div>
      <button type="button" className="primary" disabled={!buyer || !target} onClick={() => setAsked(true)}>Find the smallest purchases</button>
      <p className="muted small-text">Under the current rule: {ruleLabel(view.rule, view.threshold)}, on {date}.</p>
      {result && 'error' in result && <p className="error" role="alert">{result.error}</p>}
      {result && 'list' in result && (
        result.list.length === 0 ? (
          <p data-testid="whatif-none">
            {buyer === target ? `${name(buyer)} is the target itself.`
              : result.already ? `${name(buyer)} already controls ${name(target)} on ${date} under ${ruleLabel(view.rule, view.threshold)}.`
              : `No single purchase gives ${name(buyer)} control of ${name(target)} on ${date} under ${ruleLabel(view.rule, view.threshold)}.`}
          </p>
        ) : (
          <ol className="purchases" aria-label="Smallest purchases" data-testid="whatif-results">
            {shown.map((p) => {
              const on = draft !== null && draft === opOf(p);
              return (
                <li key={`${p.company}|${p.seller}`} className={on ? 'previewing' : ''}>
                  <span className="purchase-text"><strong>{p.points.toFixed(2)} points</strong> of {name(p.company)} from {name(p.seller)}</span>
                  <span className="purchase-actions">
                    <button type="button" className="small" aria-pressed={on} onClick={() => (on ? simView.getState().set({ draft: null }) : preview(p))}>Preview</button>
                    <button type="button" className="small" onClick={() => commit(p)}>Apply</button>
                  </span>
                </li>
              );
            })}
            {result.list.length > FIRST && <li><button type="button" className="link" onClick={() => setAll(!all)}>{all ? 'Show fewer' : `Show all ${result.list.length}`}</button></li>}
          </ol>
        )
      )}
      {draftPreview?.ok && <DiffView before={doc} after={draftPreview.doc} label="What this purchase would change" />}
    </div>
  );
}

// Case comparison: the two bundled cases side by side, computed from their datasets (analyze on each) under the
// current rule — structure and controller, records exposed, regulators' actions, controlling jurisdiction.
import { useMemo, useRef } from 'react';
import { caseFacts, ruleLabel } from '../../analysis';
import { inForce, type OwnershipDoc } from '../../model';
import { datasetById, useStore } from '../../store';
import { namer } from '../names';
import { CaseColumn } from './CaseColumn';

const CASES = ['line-yahoo', 'ntt-docomo'] as const;

function directHolders(doc: OwnershipDoc, id: string | undefined, date: string) {
  if (!id) return [];
  const name = namer(doc);
  return doc.holdings.filter((h) => h.subject === id && inForce(h, date)).sort((a, b) => b.shares - a.shares).map((h) => ({ name: name(h.holder), shares: h.shares }));
}

export function CaseComparison() {
  const rule = useStore((s) => s.view.rule);
  const threshold = useStore((s) => s.view.threshold);
  const docs = useMemo(() => CASES.map((id) => ({ id, label: datasetById(id)!.label, doc: datasetById(id)!.load() })), []);
  return (
    <>
      <p className="muted small-text">Computed from each bundled dataset on its own date under {ruleLabel(rule, threshold)}; change the rule in the toolbar to compare under another.</p>
      <div className="cases">
        {docs.map(({ id, label, doc }) => {
          const facts = caseFacts(doc, { rule, threshold });
          return <CaseColumn key={id} label={label} facts={facts} holders={directHolders(doc, facts.breached?.id, facts.date)} />;
        })}
      </div>
    </>
  );
}

export function CasesTab() {
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <div className="sim-tab">
      <p>Set the LY Corporation case beside NTT Docomo's: who controls the breached company and from where, how many records were exposed, and what the regulators did.</p>
      <button type="button" className="primary" onClick={() => dialog.current?.showModal()}>Open the side-by-side comparison</button>
      <dialog ref={dialog} className="cases-dialog" aria-labelledby="cases-h">
        <header className="cases-head">
          <h2 id="cases-h">Case comparison</h2>
          <button type="button" onClick={() => dialog.current?.close()} aria-label="Close the case comparison">×</button>
        </header>
        <CaseComparison />
      </dialog>
    </div>
  );
}

// The top toolbar: dataset, rule, τ, date, undo/redo, editing modes, layout and view controls, layers, search,
// table toggle and reset (which asks first).
import { Suspense, useState } from 'react';
import { RULES, RULE_LABELS, usesThreshold, type Rule } from '../analysis';
import { DateViewField } from './DateViewField';
import { useStoreApi, DATASETS, datasetById, useStore } from '../store';
import type { ConfirmRequest } from './ConfirmDialog';
import { Search } from './Search';
import { DatasetPicker } from './DatasetPicker';
import { FileMenu } from './FileMenu';
import { TauField } from './TauField';
import { ConfirmDialogPart } from './parts';

/** The confirmation dialog (fetched after the first drawing, parts.ts). */
const ConfirmDialog = ConfirmDialogPart.Part;

export function Toolbar() {
  const appStore = useStoreApi();
  const view = useStore((s) => s.view);
  const datasetId = useStore((s) => s.datasetId);
  const canUndo = useStore((s) => s.past.length > 0);
  const canRedo = useStore((s) => s.future.length > 0);
  const [confirm, setConfirm] = useState<ConfirmRequest | null>(null);
  const st = appStore.getState;
  const bundled = datasetById(datasetId) ?? DATASETS[0];

  return (
    <header className="toolbar" role="toolbar" aria-label="Explorer controls">
      <h1 className="brand">Ownership Explorer</h1>
      <div className="group">
        <FileMenu />
      </div>
      <div className="group">
        <label className="inline">
          <span>Dataset</span>
<DatasetPicker />
        </label>
      </div>
      <div className="group">
        <label className="inline">
          <span>Rule</span>
          <select aria-label="Control rule" value={view.rule} onChange={(e) => st().setView({ rule: e.target.value as Rule })}>
            {RULES.map((r) => <option key={r} value={r}>{RULE_LABELS[r]}</option>)}
          </select>
        </label>
        {usesThreshold(view.rule) && <label className="inline">
          <span>τ</span>
          <TauField />
        </label>}
        <label className="inline">
          <span>Date</span>
          <DateViewField />
        </label>
      </div>
      <div className="group">
        <button type="button" onClick={() => st().undo()} disabled={!canUndo} aria-label="Undo (Ctrl+Z)" title="Undo (Ctrl+Z)">↶<span className="btn-text"> Undo</span></button>
        <button type="button" onClick={() => st().redo()} disabled={!canRedo} aria-label="Redo (Ctrl+Shift+Z)" title="Redo (Ctrl+Shift+Z or Ctrl+Y)">↷<span className="btn-text"> Redo</span></button>
      </div>
      <div className="group">
        <button type="button" aria-pressed={view.linkMode} onClick={() => st().setView({ linkMode: !view.linkMode })} title="Drag from a holder to what it holds (or hold Shift)">
          + Holding
        </button>
      </div>
      <div className="group grow">
        <Search />
      </div>
      <div className="group">
        <button
          type="button"
          onClick={() =>
            setConfirm({
              title: `Reset to the bundled ${bundled.label} dataset?`,
              body: `This replaces the working graph, with all its edits, by the bundled ${bundled.label} dataset. You can still undo it in this session.`,
              confirmLabel: 'Reset',
              onConfirm: () => {
                st().loadDoc(bundled.load(), bundled.id, 'openDataset');
                st().notify(`Reset to the bundled ${bundled.label} dataset.`);
              },
            })
          }
        >
          Reset…
        </button>
      </div>
      {confirm && (
        <Suspense fallback={null}>
          <ConfirmDialog request={confirm} onClose={() => setConfirm(null)} />
        </Suspense>
      )}
    </header>
  );
}

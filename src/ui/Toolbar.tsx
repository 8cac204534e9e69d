// The top toolbar: dataset, rule, τ, date, undo/redo, editing modes, layout and view controls, layers, search,
// table toggle and reset (which asks first).
import { Suspense, useState } from 'react';
import { resolveOptions, RULES, RULE_LABELS, usesThreshold, type Rule } from '../analysis';
import { useApp, useStoreApi, DATASETS, datasetById, useStore, type DatasetId, type ExplorerApp } from '../store';
import type { ConfirmRequest } from './ConfirmDialog';
import { Search } from './Search';
import { FileMenu } from './FileMenu';
import { TauField } from './TauField';
import { ConfirmDialogPart } from './parts';

/** The confirmation dialog (fetched after the first drawing, parts.ts). */
const ConfirmDialog = ConfirmDialogPart.Part;

/** Generated samples offered in the picker (seeded, from the engine benchmark's generator). */
const SAMPLES = [1_000, 20_000, 100_000];

function loadDataset(app: ExplorerApp, id: DatasetId | `sample:${number}`) {
  if (id.startsWith('sample:')) {
    // A sample is a page of its own (?sample=N): the autosaved work stays untouched underneath.
    void app.autosave.flush().then(() => (location.search = `?sample=${id.slice(7)}`));
    return;
  }
  // The user's own saved work on that dataset, else the dataset as bundled; leaving a sample cleans the address.
  void app.openDataset(id as DatasetId);
}

export function Toolbar() {
  const app = useApp();
  const appStore = useStoreApi();
  const view = useStore((s) => s.view);
  const datasetId = useStore((s) => s.datasetId);
  const asOf = useStore((s) => s.doc.asOf);
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
          <select aria-label="Dataset" value={datasetById(datasetId) ? datasetId : ''} onChange={(e) => loadDataset(app, e.target.value as DatasetId | `sample:${number}`)}>
            {!datasetById(datasetId) && <option value="">{datasetId === 'sample' ? 'Generated sample' : 'Imported graph'}</option>}
            {DATASETS.map((d) => <option key={d.id} value={d.id}>{d.label}</option>)}
            <optgroup label="Generated samples">
              {SAMPLES.map((n) => <option key={n} value={`sample:${n}`}>{`${n.toLocaleString('en')} entities`}</option>)}
            </optgroup>
          </select>
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
          <input
            aria-label="View date"
            type="date"
            // The date the analysis uses: the one chosen, else the document's, else today.
            value={resolveOptions({ asOf }, { date: view.date ?? undefined }).date}
            onChange={(e) => st().setView({ date: /^\d{4}-\d{2}-\d{2}$/.test(e.target.value) ? e.target.value : null })}
          />
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

// The right-hand panel: the selected entity, holding, agreement or dependency (form + live control), or the
// document itself when nothing is selected.
import { useMemo } from 'react';
import { useStoreApi, useStore } from '../store';
import { useShown, type ShownMode } from '../canvas/useShown';
import { useSplit } from './workspace/useSplit';
import { useEdits } from './edits';
import { AddEntityForm, AddHoldingForm } from './AddForms';
import { ControlPanel } from './ControlPanel';
import { CollapseButton } from './CollapseButton';
import { AgreementForm, DependencyForm } from './EdgeForms';
import { EntityForm } from './EntityForm';
import { DateField, Section, TextField } from './fields';
import { HoldingConfers } from './HoldingConfers';
import { HoldingForm } from './HoldingForm';
import { namer } from './names';
import { EntityRegisterInfo, RelationDetails } from './RelationInfo';
import { deleteSelection } from './workspace/deleteSelection';
import { useWorkspace, useWorkspaceApi } from './workspace/workspaceState';

/** Collapses the inspector dock to its rail. */
function Collapse() {
  const workspace = useWorkspaceApi();
  return <button type="button" className="collapse" onClick={() => workspace.getState().set({ inspectorOpen: false })} aria-label="Collapse the inspector" title="Collapse">▸</button>;
}

/** What the inspector describes when it is not the working document. */
function sideWords(mode: ShownMode, beforeInSplit: boolean, date: string): string {
  const what = mode === 'preview' ? 'the preview (not applied)' : mode === 'date' ? 'the working document' : mode === 'base' || beforeInSplit ? 'the base, before the change' : 'the working document';
  return `Describing ${what}, on ${date}. Edits apply to the working document.`;
}

const TITLES = { entity: 'Entity', holding: 'Holding', agreement: 'Agreement', relation: 'Relation', dependency: 'Dependency' } as const;

export function Inspector() {
  const { commitOp } = useEdits();
  const appStore = useStoreApi();
  const doc = useStore((s) => s.doc);
  const selection = useStore((s) => s.selection);
  const othersCount = useStore((s) => s.others.length);
  // One truth per view: the inspector describes the side and date the canvas shows (in the split view, the side
  // last clicked). Edits apply to the working document, so the forms show only on its own side.
  const split = useSplit();
  const splitSide = useWorkspace((s) => s.splitSide);
  const shown = useShown(split ? splitSide : 'auto');
  const analysis = shown.analysis;
  const sideDoc = analysis.doc;
  const readOnly = shown.mode !== 'current' || (split && splitSide === 'before');
  const sideNote = readOnly ? sideWords(shown.mode, split && splitSide === 'before', analysis.options.date) : null;
  const nameOf = namer(sideDoc === doc ? doc : sideDoc);
  const entityOptions = useMemo(() => doc.entities.map((e) => ({ value: e.id, label: e.name })), [doc.entities]);

  let body: React.ReactNode = null;
  if (selection?.kind === 'entity') {
    const e = doc.entities.find((x) => x.id === selection.id);
    const onSide = sideDoc.entities.some((x) => x.id === selection.id);
    if (e)
      body = (
        <div key={e.id}>
          {onSide && <CollapseButton id={e.id} analysis={analysis} />}
          {onSide ? <ControlPanel id={e.id} analysis={analysis} nameOf={nameOf} /> : <p className="muted">Not in the document shown.</p>}
          <EntityRegisterInfo id={e.id} doc={doc} options={analysis.options} nameOf={nameOf} />
          {!readOnly && (
            <>
              <Section title="Details" id="details-h">
                <EntityForm entity={e} />
              </Section>
              <Section title="Add a holding" id="add-holding-h">
                <AddHoldingForm entityId={e.id} />
              </Section>
            </>
          )}
        </div>
      );
  } else if (selection?.kind === 'holding') {
    const h = doc.holdings.find((x) => x.id === selection.id);
    if (h)
      body = (
        <div key={h.id}>
          <HoldingConfers holding={sideDoc.holdings.find((x) => x.id === h.id) ?? h} analysis={analysis} nameOf={nameOf} />
          {!readOnly && (
            <Section title="Details" id="details-h">
              <HoldingForm holding={h} nameOf={nameOf} />
            </Section>
          )}
        </div>
      );
  } else if (selection?.kind === 'agreement') {
    const a = doc.agreements?.find((x) => x.id === selection.id);
    if (a) body = <AgreementForm key={a.id} agreement={a} nameOf={nameOf} entityOptions={entityOptions} />;
  } else if (selection?.kind === 'relation') {
    const r = doc.relations?.find((x) => x.id === selection.id);
    if (r) body = <RelationDetails key={r.id} relation={r} nameOf={nameOf} />;
  } else if (selection?.kind === 'dependency') {
    const d = doc.dependencies?.find((x) => x.id === selection.id);
    if (d) {
      const x = analysis.dependencies()[d.id];
      body = (
        <div key={d.id}>
          <DependencyForm dependency={d} nameOf={nameOf} entityOptions={entityOptions} />
          <section className="panel-section">
            <h3>Exposure</h3>
            <p data-testid="exposure">{x ? `${x.exposure}${x.crossBorder ? ', cross-border' : ''}` : `Not in force on ${analysis.options.date}.`}</p>
          </section>
        </div>
      );
    }
  }

  return (
    <aside className="inspector" aria-label="Inspector">
      {selection && body ? (
        <>
          <header className="inspector-head">
            <h2>{TITLES[selection.kind]}{selection.kind === 'entity' ? `: ${nameOf(selection.id)}` : ''}</h2>
            <div className="actions">
              <button type="button" onClick={() => deleteSelection(appStore)} className="danger" aria-label={othersCount ? `Delete these ${othersCount + 1} entities` : `Delete this ${selection.kind}`}>Delete</button>
              <button type="button" onClick={() => appStore.getState().select(null)} aria-label="Close the inspector">×</button>
              <Collapse />
            </div>
          </header>
          {othersCount > 0 && (
            <p className="side-note" data-testid="inspector-many">
              {othersCount + 1} entities selected: dragging one moves them all, Delete removes them all. Shift+click one to leave it out; the details below are the last clicked.
            </p>
          )}
          {sideNote && <p className="side-note" data-testid="inspector-side">{sideNote}</p>}
          {body}
        </>
      ) : (
        <>
          <header className="inspector-head"><h2>Document</h2><div className="actions"><Collapse /></div></header>
          <form className="form" onSubmit={(e) => e.preventDefault()} aria-label="Document">
            <TextField name="title" label="Title" value={doc.title ?? ''} onCommit={(v) => commitOp({ type: 'setMeta', changes: { title: v.trim() === '' ? null : v } })} />
            <DateField name="asOf" label="As of (default view date)" value={doc.asOf} onCommit={(v) => commitOp({ type: 'setMeta', changes: { asOf: v } })} />
          </form>
          <p className="muted">
            {doc.entities.length} entities, {doc.holdings.length} holdings, {doc.agreements?.length ?? 0} agreements, {doc.dependencies?.length ?? 0} dependencies.
          </p>
          <Section title="Add an entity" id="add-entity-h">
            <AddEntityForm />
          </Section>
          <Section title="How to" id="howto-h">
            <ul className="help">
              <li>Click an entity or a line to inspect and edit it; drag entities to move them.</li>
              <li>Select several entities with Shift, Ctrl or Cmd + click (or Shift + drag a box on the background); dragging one moves them all, as one undo step.</li>
              <li>Add a holding: switch on <em>Add holding</em> (or hold Shift) and drag from the holder to the company it holds.</li>
              <li>Delete the selection with the Delete key; undo with Ctrl+Z, redo with Ctrl+Shift+Z or Ctrl+Y.</li>
              <li>The table view lists every entity and holding and works with the keyboard.</li>
            </ul>
          </Section>
        </>
      )}
    </aside>
  );
}

// What a report made now describes (export/documentReport.ts): the two dates of the split view, else the preview shown,
// else the scenario (or edits) against its base, else the document alone — on the view's rule, τ and date, with the
// lit path — and the action that writes it. The File menu and the Simulate panel both use it.
import { useStore, useStoreApi } from '../store';
import { previewOf } from '../store/preview';
import { baseOf } from '../store/simState';
import { useSimView, useSimViewApi } from '../store/simView';
import type { ReportInput } from '../export/reportContent';
import type { LitPath } from '../analysis/litPath';
import type { ExplorerStore } from '../store';
import type { SimViewStore } from '../store/simView';
import { useWorkspace, useWorkspaceApi, type WorkspaceStore } from './workspace/workspaceState';
import { download, fileBaseName } from './download';
import { viewOptions } from './simulate/words';

/** What a report made now would describe, with a few words for the button. */
export function reportInput(store: ExplorerStore, simView: SimViewStore, workspace: WorkspaceStore): { input: ReportInput; lit: LitPath | null; what: string } {
  const s = store.getState(), v = simView.getState(), w = workspace.getState();
  const options = viewOptions(s.view);
  const lit = v.lit;
  const date = s.view.date ?? s.doc.asOf ?? undefined;
  if (w.split && w.compareDate) {
    return { input: { before: s.doc, after: s.doc, options, beforeDate: w.compareDate, change: { kind: 'dates', title: `${w.compareDate} compared with ${date ?? 'the document date'}` } }, lit, what: `${w.compareDate} | ${date}` };
  }
  const preview = v.draft ? previewOf(s.doc, v.draft) : null;
  if (preview?.ok) return { input: { before: s.doc, after: preview.doc, options, change: { kind: 'preview', title: 'Preview of a change' } }, lit, what: 'the preview' };
  const base = baseOf(s.sim, s.doc);
  if (base) {
    const title = s.sim.scenario?.title ?? 'Your edits';
    const own = s.sim.scenario ? [...(s.doc.scenarios ?? [])].find((x) => x.id === s.sim.scenario!.id) : undefined;
    return { input: { before: base, after: s.doc, options, change: { kind: 'scenario', title, description: own?.description } }, lit, what: s.sim.scenario ? 'the scenario' : 'your edits' };
  }
  return { input: { before: s.doc, after: s.doc, options, change: { kind: 'none', title: 'The document' } }, lit, what: 'the graph' };
}

/** Writes the report of what is shown as `<title>-report.html`, and says so. */
export async function saveReport(store: ExplorerStore, simView: SimViewStore, workspace: WorkspaceStore): Promise<void> {
  const st = store.getState;
  const { input, lit } = reportInput(store, simView, workspace);
  if (!input.after.entities.length) return st().notify('There is nothing to report: the graph is empty. Add an entity first.', 'error');
  st().setBusy('Writing the report…');
  try {
    const { documentReport } = await import('../export/documentReport');
    const html = await documentReport(input, { embed: st().doc, lit, generated: new Date().toISOString().slice(0, 10) });
    const name = `${fileBaseName(st().doc.title)}-report.html`;
    download(html, name, 'text/html');
    st().notify(`Wrote "${name}": one page to read, print or send. It carries the graph: drop it here to open it again.`);
  } catch (e) {
    st().notify(`The report could not be written (${e instanceof Error ? e.message : String(e)}).`, 'error');
  } finally {
    st().setBusy(null);
  }
}

/** The report action of the explorer this component belongs to, and what it would describe (re-rendered as that changes). */
export function useReport(): { run(): void; what: string } {
  const store = useStoreApi();
  const simView = useSimViewApi();
  const workspace = useWorkspaceApi();
  // Subscribed so the words follow the view.
  useStore((s) => s.sim);
  useStore((s) => s.view.date);
  useSimView((s) => s.draft);
  useWorkspace((w) => (w.split ? w.compareDate : null));
  return { run: () => void saveReport(store, simView, workspace), what: reportInput(store, simView, workspace).what };
}

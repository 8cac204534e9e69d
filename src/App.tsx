// The explorer's layout: toolbar on top; the Simulate dock, the canvas (the largest thing on screen) and the
// inspector dock side by side; a status line for messages at the bottom whose height never changes. The explorer
// itself (createApp) is given to every component below through context.
import { lazy, Suspense, useEffect } from 'react';
import { AppProvider, useApp, useStore, type ExplorerApp } from './store';
import { useSimView, useSimViewApi } from './store/simView';
import './ui/simulate/simulate.css';
import { CanvasPane } from './ui/CanvasPane';
import { DropZone } from './ui/DropZone';
import { Messages } from './ui/Messages';
import { PanelBoundary } from './ui/PanelBoundary';
import { Toolbar } from './ui/Toolbar';
import { useFirstDrawn } from './ui/lazyPart';
import { useShortcuts } from './ui/useShortcuts';
import { preloadParts } from './ui/parts';
import { Dock } from './ui/workspace/Dock';
import { useWorkspace, useWorkspaceApi } from './ui/workspace/workspaceState';

/** The Simulate panel loads after the first drawing: it is not needed to show the graph. */
const SimulatePanel = lazy(() => import('./ui/simulate/SimulatePanel').then((m) => ({ default: m.SimulatePanel })));
/** The inspector's contents load after the first drawing (its dock is there from the start, at its width). */
const Inspector = lazy(() => import('./ui/Inspector').then((m) => ({ default: m.Inspector })));
/** The share-link banner loads after the first drawing (a shared graph opened at start-up shows it a moment later). */
const ShareBanner = lazy(() => import('./ui/ShareBanner').then((m) => ({ default: m.ShareBanner })));
/** The table loads when it is first opened. */
const TableView = lazy(() => import('./ui/TableView').then((m) => ({ default: m.TableView })));

/** The inspector's dock on the right; a selection opens it. */
function InspectorDock() {
  const open = useWorkspace((s) => s.inspectorOpen);
  const workspace = useWorkspaceApi();
  const drawn = useFirstDrawn();
  const selection = useStore((s) => s.selection);
  useEffect(() => {
    if (selection && !workspace.getState().inspectorOpen) workspace.getState().set({ inspectorOpen: true });
  }, [selection, workspace]);
  return (
    <Dock id="inspector" side="right" label="Inspector" open={open} onOpen={() => workspace.getState().set({ inspectorOpen: true })} defaultWidth={330} min={260} max={620}>
      {drawn && (
        <PanelBoundary name="Inspector">
          <Suspense fallback={null}>
            <Inspector />
          </Suspense>
        </PanelBoundary>
      )}
    </Dock>
  );
}

/** The explorer `app` on screen. */
export function App({ app }: { app: ExplorerApp }) {
  return (
    <AppProvider app={app}>
      <Layout />
    </AppProvider>
  );
}

function Layout() {
  useShortcuts();
  const tableOpen = useStore((s) => s.view.tableOpen);
  const simOpen = useSimView((s) => s.open);
  const simView = useSimViewApi();
  const drawn = useFirstDrawn();
  const diffs = useApp().diffs;
  // Once the graph is drawn: the worker that works out scenario and preview diffs starts, ready for the first one, and
  // the parts used on the first change are fetched.
  useEffect(() => {
    if (!drawn) return;
    diffs.warm();
    preloadParts();
  }, [drawn, diffs]);
  // The placeholder is the dock itself at its width, so the graph never shifts when the panel arrives.
  const simDock = <Dock id="simulate" side="left" label="Simulate" open={simOpen} onOpen={() => simView.getState().set({ open: true })} defaultWidth={290} min={250} max={560}>{null}</Dock>;
  return (
    <div className="app">
      <PanelBoundary name="Toolbar">
        <Toolbar />
      </PanelBoundary>
      {drawn && (
        <PanelBoundary name="Share banner">
          <Suspense fallback={null}>
            <ShareBanner />
          </Suspense>
        </PanelBoundary>
      )}
      <main className="workspace">
        {drawn ? <PanelBoundary name="Simulate"><Suspense fallback={simDock}><SimulatePanel /></Suspense></PanelBoundary> : simDock}
        <section className={`centre${tableOpen ? ' with-table' : ''}`} aria-label="Graph">
          <PanelBoundary name="The graph">
            <CanvasPane />
          </PanelBoundary>
          {tableOpen && <PanelBoundary name="Table"><Suspense fallback={<div className="table-view" aria-busy="true" />}><TableView /></Suspense></PanelBoundary>}
        </section>
        <InspectorDock />
      </main>
      <PanelBoundary name="Messages">
        <Messages />
      </PanelBoundary>
      <DropZone />
    </div>
  );
}

// The explorer's layout: toolbar on top, the graph (and optionally the table) in the centre, the inspector right;
// the explorer itself (createApp) is given to every component below through context.
import { lazy, Suspense } from 'react';
import { AppProvider, useStore, type ExplorerApp } from './store';
import { useSimView } from './store/simView';
import './ui/simulate/simulate.css';
import { CanvasPane } from './ui/CanvasPane';
import { DropZone } from './ui/DropZone';
import { Inspector } from './ui/Inspector';
import { Messages } from './ui/Messages';
import { ShareBanner } from './ui/ShareBanner';
import { TableView } from './ui/TableView';
import { Toolbar } from './ui/Toolbar';
import { useShortcuts } from './ui/useShortcuts';

/** The Simulate panel loads after the first drawing: it is not needed to show the graph. */
const SimulatePanel = lazy(() => import('./ui/simulate/SimulatePanel').then((m) => ({ default: m.SimulatePanel })));

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
  return (
    <div className="app">
      <Toolbar />
      <ShareBanner />
      <Messages />
      <main className="workspace">
        {/* The placeholder takes the panel's exact width, so the graph never shifts when the panel arrives. */}
        <Suspense fallback={<aside className={`sim-panel${simOpen ? '' : ' closed'}`} aria-label="Simulate" />}>
          <SimulatePanel />
        </Suspense>
        <section className={`centre${tableOpen ? ' with-table' : ''}`} aria-label="Graph">
          <CanvasPane />
          {tableOpen && <TableView />}
        </section>
        <Inspector />
      </main>
      <DropZone />
    </div>
  );
}

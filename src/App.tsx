// The explorer's layout: toolbar on top, the graph (and optionally the table) in the centre, the inspector right.
import { useStore } from './store';
import { CanvasPane } from './ui/CanvasPane';
import { DropZone } from './ui/DropZone';
import { Inspector } from './ui/Inspector';
import { Messages } from './ui/Messages';
import { ShareBanner } from './ui/ShareBanner';
import { TableView } from './ui/TableView';
import { Toolbar } from './ui/Toolbar';
import { SimulatePanel } from './ui/simulate/SimulatePanel';
import { useShortcuts } from './ui/useShortcuts';

export function App() {
  useShortcuts();
  const tableOpen = useStore((s) => s.view.tableOpen);
  return (
    <div className="app">
      <Toolbar />
      <ShareBanner />
      <Messages />
      <main className="workspace">
        <SimulatePanel />
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

// The table view: entities and holdings as sortable, paginated, keyboard-navigable tables — the accessible
// alternative to the picture and the way to read large graphs. Arrow keys move, Enter selects.
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { inForce } from '../model';
import { fmtPct } from '../draw/labels';
import { useStoreApi, useAnalysis, useStore, useCanvas } from '../store';
import { namer } from './names';

const PAGE = 100;
type Cell = string | number;
interface Column { key: string; label: string; numeric?: boolean }
interface Row { id: string; cells: Record<string, Cell> }

const ENTITY_COLS: Column[] = [
  { key: 'name', label: 'Name' }, { key: 'kind', label: 'Kind' }, { key: 'jurisdiction', label: 'Jurisdiction' },
  { key: 'status', label: 'Control status' }, { key: 'ultimate', label: 'Ultimate controller(s)' }, { key: 'holders', label: 'Holders', numeric: true },
];
const HOLDING_COLS: Column[] = [
  { key: 'holder', label: 'Holder' }, { key: 'subject', label: 'Subject' }, { key: 'shares', label: 'Shares %', numeric: true },
  { key: 'votes', label: 'Votes %', numeric: true }, { key: 'estimated', label: 'Estimated' }, { key: 'since', label: 'Since' },
  { key: 'until', label: 'Until' }, { key: 'confers', label: 'Confers control' },
];

export function TableView() {
  const appStore = useStoreApi();
  const canvas = useCanvas();
  const doc = useStore((s) => s.doc);
  const selection = useStore((s) => s.selection);
  const analysis = useAnalysis();
  const [tab, setTab] = useState<'entity' | 'holding'>('entity');
  const [sort, setSort] = useState<{ key: string; dir: 1 | -1 }>({ key: 'name', dir: 1 });
  const [filter, setFilter] = useState('');
  const [page, setPage] = useState(0);
  const [active, setActive] = useState(0);
  const body = useRef<HTMLTableSectionElement>(null);
  const nameOf = namer(doc);

  const rows: Row[] = useMemo(() => {
    if (tab === 'entity') {
      const holders = new Map<string, number>();
      for (const h of doc.holdings) if (inForce(h, analysis.options.date)) holders.set(h.subject, (holders.get(h.subject) ?? 0) + 1);
      return doc.entities.map((e) => {
        const c = analysis.control.get(e.id);
        return { id: e.id, cells: { name: e.name, kind: e.kind ?? 'company', jurisdiction: e.jurisdiction ?? '', status: c?.status ?? '', ultimate: (c?.ultimate ?? []).map(nameOf).join(', '), holders: holders.get(e.id) ?? 0 } };
      });
    }
    const conferring = analysis.conferring();
    return doc.holdings.map((h) => ({
      id: h.id,
      cells: {
        holder: nameOf(h.holder), subject: nameOf(h.subject), shares: h.shares, votes: h.votes ?? h.shares, estimated: h.estimated ? 'yes' : '',
        since: h.since ?? '', until: h.until ?? '', confers: !inForce(h, analysis.options.date) ? 'not in force' : conferring.has(h.id) ? 'yes' : '',
      },
    }));
  }, [tab, doc, analysis, nameOf]);

  const cols = tab === 'entity' ? ENTITY_COLS : HOLDING_COLS;
  const shown = useMemo(() => {
    const t = filter.trim().toLowerCase();
    const list = t ? rows.filter((r) => Object.values(r.cells).some((v) => String(v).toLowerCase().includes(t))) : rows.slice();
    const col = cols.find((c) => c.key === sort.key) ?? cols[0];
    list.sort((a, b) => {
      const x = a.cells[col.key], y = b.cells[col.key];
      const d = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return d * sort.dir || a.id.localeCompare(b.id);
    });
    return list;
  }, [rows, filter, sort, cols]);

  const pages = Math.max(1, Math.ceil(shown.length / PAGE));
  const p = Math.min(page, pages - 1);
  const pageRows = shown.slice(p * PAGE, p * PAGE + PAGE);
  const choose = (id: string) => {
    if (tab === 'entity') {
      appStore.getState().select({ kind: 'entity', id });
      canvas.current()?.focus(id);
    } else appStore.getState().select({ kind: 'holding', id });
  };
  const focusRow = (i: number) => {
    const n = Math.max(0, Math.min(pageRows.length - 1, i));
    setActive(n);
    (body.current?.children[n] as HTMLElement | undefined)?.focus();
  };
  const onKey = (e: KeyboardEvent, i: number, id: string) => {
    const moves: Record<string, () => void> = {
      ArrowDown: () => focusRow(i + 1), ArrowUp: () => focusRow(i - 1), Home: () => focusRow(0), End: () => focusRow(pageRows.length - 1),
      PageDown: () => { setPage(Math.min(pages - 1, p + 1)); setActive(0); }, PageUp: () => { setPage(Math.max(0, p - 1)); setActive(0); },
      Enter: () => choose(id), ' ': () => choose(id),
    };
    if (moves[e.key]) { e.preventDefault(); moves[e.key](); }
  };
  const switchTab = (t: 'entity' | 'holding') => {
    setTab(t);
    setSort({ key: t === 'entity' ? 'name' : 'subject', dir: 1 });
    setPage(0);
    setActive(0);
  };

  return (
    <section className="table-view" aria-label="Table view">
      <div className="table-head">
        <div role="tablist" aria-label="Table">
          <button role="tab" type="button" aria-selected={tab === 'entity'} onClick={() => switchTab('entity')}>Entities ({doc.entities.length})</button>
          <button role="tab" type="button" aria-selected={tab === 'holding'} onClick={() => switchTab('holding')}>Holdings ({doc.holdings.length})</button>
        </div>
        <input type="search" aria-label="Filter rows" placeholder="Filter…" value={filter} onChange={(e) => { setFilter(e.target.value); setPage(0); }} />
        <span className="pager">
          <button type="button" onClick={() => setPage(Math.max(0, p - 1))} disabled={p === 0} aria-label="Previous page">‹</button>
          <span aria-live="polite">{shown.length ? `${p * PAGE + 1}–${p * PAGE + pageRows.length} of ${shown.length}` : 'No rows'}</span>
          <button type="button" onClick={() => setPage(Math.min(pages - 1, p + 1))} disabled={p >= pages - 1} aria-label="Next page">›</button>
        </span>
      </div>
      <div className="table-scroll">
        <table role="grid" aria-label={tab === 'entity' ? 'Entities' : 'Holdings'} aria-rowcount={shown.length + 1}>
          <thead>
            <tr>
              {cols.map((c) => (
                <th key={c.key} scope="col" aria-sort={sort.key === c.key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}>
                  <button type="button" onClick={() => setSort({ key: c.key, dir: sort.key === c.key ? (-sort.dir as 1 | -1) : 1 })}>
                    {c.label}{sort.key === c.key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody ref={body}>
            {pageRows.map((r, i) => (
              <tr
                key={r.id}
                tabIndex={i === Math.min(active, pageRows.length - 1) ? 0 : -1}
                aria-selected={selection?.kind === tab && selection.id === r.id}
                aria-rowindex={p * PAGE + i + 2}
                onClick={() => { setActive(i); choose(r.id); }}
                onKeyDown={(e) => onKey(e, i, r.id)}
              >
                {cols.map((c) => {
                  const v = r.cells[c.key];
                  return <td key={c.key} className={c.numeric ? 'num' : undefined}>{typeof v === 'number' && c.key !== 'holders' ? fmtPct(v) : v}</td>;
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

// Find an entity by name, other name or identifier (searchEntities.ts): a combobox listing matches; Enter or a click focuses the entity on the canvas.
import { useEffect, useId, useMemo, useState } from 'react';
import { needsCjk } from '../export/cjkFonts';
import { useStoreApi, useStore, useCanvas } from '../store';
import { searchEntities } from './searchEntities';

const NONE: ReturnType<typeof searchEntities> = [];

export function Search() {
  const appStore = useStoreApi();
  const canvas = useCanvas();
  const id = useId();
  const entities = useStore((s) => s.doc.entities);
  const [q, setQ] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const matches = useMemo(() => searchEntities(entities, q), [q, entities]);
  // A match shown by a Japanese, Korean or Chinese name draws it with the shipped fonts, even when no name on the canvas
  // has loaded them yet (a Latin document found by its native name).
  const shown = open ? matches : NONE;
  useEffect(() => {
    const texts = shown.flatMap(({ entity, via }) => [entity.name, via ?? '']).filter(needsCjk);
    if (!texts.length) return;
    void import('../canvas/cjkFontsBrowser').then((m) => m.ensureCjkFonts(texts)).catch(() => {}); // a font that fails leaves the system's fallback
  }, [shown]);
  const pick = (entityId: string) => {
    const api = canvas.current();
    if (api) api.focus(entityId);
    else appStore.getState().select({ kind: 'entity', id: entityId });
    setOpen(false);
  };
  return (
    <div className="search">
      <label htmlFor={id} className="sr-only">Find an entity</label>
      <input
        id={id}
        type="search"
        role="combobox"
        placeholder="Find entity…"
        aria-expanded={open && matches.length > 0}
        aria-controls={`${id}-list`}
        aria-activedescendant={open && matches[active] ? `${id}-opt-${active}` : undefined}
        aria-autocomplete="list"
        value={q}
        onChange={(e) => { setQ(e.target.value); setOpen(true); setActive(0); }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') { e.preventDefault(); setOpen(true); setActive((a) => Math.min(a + 1, matches.length - 1)); }
          if (e.key === 'ArrowUp') { e.preventDefault(); setActive((a) => Math.max(a - 1, 0)); }
          if (e.key === 'Enter' && matches[active]) { e.preventDefault(); pick(matches[active].entity.id); }
          if (e.key === 'Escape') setOpen(false);
        }}
      />
      {open && matches.length > 0 && (
        <ul id={`${id}-list`} role="listbox" className="search-list" aria-label="Matching entities">
          {matches.map(({ entity: e, via }, i) => (
            <li key={e.id} id={`${id}-opt-${i}`} role="option" aria-selected={i === active} onMouseDown={(ev) => { ev.preventDefault(); pick(e.id); }}>
              {e.name}
              {via && <span className="search-via"> — {via}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

// Wires Cytoscape events to store actions: select on tap (Shift, Ctrl or Cmd + click adds or removes an entity; a box
// drawn with Shift + drag on the background adds what it covers), commit a drag once on release (all the selected
// entities moved, one undo step), draw a holding by dragging from one entity to another (in "add holding" mode, or
// with Shift held). Handlers read the store when they run, so they are never stale.
import type { Core, EventObject, NodeCollection, NodeSingular } from 'cytoscape';
import type { StoreApi } from 'zustand/vanilla';
import type { ExplorerState } from '../store/store';
import { analysisOf } from '../store/analysis';
import { effectiveFocus } from '../analysis/focus';
import type { SelectionKind } from '../store/types';

/** Attaches the handlers; returns a function that detaches them. */
export function wireInteractions(cy: Core, store: StoreApi<ExplorerState>): () => void {
  const get = store.getState;
  let pending: Record<string, { x: number; y: number }> = Object.create(null); // keyed by entity id (any string)
  let flush: ReturnType<typeof setTimeout> | null = null;
  let shift = false;
  let link: { source: NodeSingular } | null = null;

  const linking = () => get().view.linkMode || shift;
  const syncGrab = () => {
    cy.autoungrabify(linking());
    cy.container()?.classList.toggle('linking', linking());
  };

  const onTap = (evt: EventObject) => {
    const e = evt.originalEvent as MouseEvent | undefined;
    const toggle = !!e && (e.shiftKey || e.ctrlKey || e.metaKey);
    if (evt.target === cy) return toggle ? undefined : get().select(null);
    const kind = evt.target.data('kind') as SelectionKind | undefined;
    const ref = evt.target.data('ref') as string | undefined;
    if (kind && ref) get()[toggle ? 'toggleSelect' : 'select']({ kind, id: ref });
    // Focus mode: a node with undrawn neighbours expands on click.
    if (kind === 'entity' && ref && evt.target.hasClass('has-more')) {
      const s = get();
      const focus = effectiveFocus(s.doc, s.view.focus, analysisOf.options(s).date);
      if (focus && !focus.ids.includes(ref)) s.setView({ focus: { ...focus, ids: [...focus.ids, ref] } });
    }
  };
  // Several nodes dragged together fire one dragfree each: gather them into one moveEntities (one undo step).
  const onDragFree = (evt: EventObject) => {
    const n = evt.target as NodeSingular;
    if (!n.hasClass('entity')) return;
    const p = n.position();
    pending[n.data('ref')] = { x: Math.round(p.x), y: Math.round(p.y) };
    if (flush) clearTimeout(flush);
    flush = setTimeout(() => {
      flush = null;
      const positions = pending;
      pending = Object.create(null);
      const doc = get().doc;
      const moved = Object.entries(positions).some(([id, p]) => {
        const e = doc.entities.find((x) => x.id === id);
        return !e?.position || e.position.x !== p.x || e.position.y !== p.y;
      });
      if (moved) get().commit({ type: 'moveEntities', positions });
    }, 0);
  };

  // A box drawn with Shift + drag on the background: Cytoscape selects what it covers, one boxselect each; the entities
  // join the store's selection together.
  let boxed: string[] = [];
  let boxFlush: ReturnType<typeof setTimeout> | null = null;
  const onBoxSelect = (evt: EventObject) => {
    const ref = evt.target.data('ref') as string | undefined;
    if (!evt.target.hasClass('entity') || !ref) return;
    boxed.push(ref);
    if (boxFlush) return;
    boxFlush = setTimeout(() => {
      boxFlush = null;
      const ids = boxed;
      boxed = [];
      get().selectMore(ids);
    }, 0);
  };

  const clearLink = () => {
    cy.userPanningEnabled(true);
    cy.remove('.ghost');
    cy.nodes('.link-source').removeClass('link-source');
    link = null;
  };
  const onTapStart = (evt: EventObject) => {
    if (!linking() || evt.target === cy || !evt.target.isNode?.() || !evt.target.hasClass('entity')) return;
    link = { source: evt.target };
    cy.userPanningEnabled(false); // the drag draws a line; it must not pan the view under it
    evt.target.addClass('link-source');
    cy.add([
      { group: 'nodes', data: { id: '__ghost', label: '' }, classes: 'ghost', position: { ...evt.position } },
      { group: 'edges', data: { id: '__ghost-edge', source: evt.target.id(), target: '__ghost', label: '' }, classes: 'ghost' },
    ]);
  };
  const onTapDrag = (evt: EventObject) => {
    if (link) cy.getElementById('__ghost').position({ ...evt.position });
  };
  const onTapEnd = (evt: EventObject) => {
    if (!link) return;
    const source = link.source;
    const at = evt.position;
    const target = cy.nodes('.entity').filter((n) => {
      const b = n.boundingBox({ includeLabels: false });
      return at.x >= b.x1 && at.x <= b.x2 && at.y >= b.y1 && at.y <= b.y2;
    })[0];
    clearLink();
    if (target && target.id() !== source.id()) get().addHolding(source.data('ref'), target.data('ref'));
  };

  // Arrow keys move the selected entities while the graph has focus; one gesture (keys held or tapped in a burst) is
  // one undoable moveEntities, committed when the keys are released.
  let nudged: { nodes: NodeCollection; key: string; timer: ReturnType<typeof setTimeout> | null } | null = null;
  const ARROWS: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
  const commitNudge = () => {
    if (!nudged) return;
    const nodes = nudged.nodes.filter((n) => !n.removed());
    nudged = null;
    if (nodes.empty()) return;
    const positions: Record<string, { x: number; y: number }> = Object.create(null); // keyed by entity id (any string)
    nodes.forEach((n) => {
      const p = n.position();
      positions[n.data('ref')] = { x: Math.round(p.x), y: Math.round(p.y) };
    });
    get().commit({ type: 'moveEntities', positions });
  };
  const onArrow = (e: KeyboardEvent) => {
    const d = ARROWS[e.key];
    if (!d || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.type === 'keyup') {
      if (nudged) {
        if (nudged.timer) clearTimeout(nudged.timer);
        nudged.timer = setTimeout(commitNudge, 250);
      }
      return;
    }
    const nodes = cy.$('node.entity:selected');
    if (nodes.empty()) return;
    e.preventDefault();
    const key = nodes.map((n) => n.id()).sort().join(',');
    if (nudged && nudged.key !== key) commitNudge();
    if (nudged?.timer) clearTimeout(nudged.timer);
    nudged = { nodes, key, timer: null };
    const step = e.shiftKey ? 50 : 10;
    nodes.forEach((n) => {
      const p = n.position();
      n.position({ x: p.x + d[0] * step, y: p.y + d[1] * step });
    });
  };
  const container = cy.container();
  container?.addEventListener('keydown', onArrow);
  container?.addEventListener('keyup', onArrow);
  // Cytoscape blurs whatever has focus on mousedown (its blurActiveDomElement), so a click on the graph left the
  // keyboard nowhere: on release the graph takes focus, and the arrow keys that follow move what was just selected.
  const onPointerUp = () => {
    if (container && document.activeElement !== container) container.focus({ preventScroll: true });
  };
  container?.addEventListener('pointerup', onPointerUp);

  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Shift') return;
    const down = e.type === 'keydown';
    if (down === shift) return;
    shift = down;
    syncGrab();
  };
  const onBlur = () => {
    shift = false;
    syncGrab();
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.view.linkMode !== prev.view.linkMode) syncGrab();
  });

  cy.on('tap', onTap);
  cy.on('dragfree', 'node', onDragFree);
  cy.on('boxselect', 'node', onBoxSelect);
  cy.on('tapstart', onTapStart);
  cy.on('tapdrag', onTapDrag);
  cy.on('tapend', onTapEnd);
  window.addEventListener('keydown', onKey);
  window.addEventListener('keyup', onKey);
  window.addEventListener('blur', onBlur);
  syncGrab();
  return () => {
    if (flush) clearTimeout(flush);
    if (boxFlush) clearTimeout(boxFlush);
    if (nudged?.timer) clearTimeout(nudged.timer);
    container?.removeEventListener('keydown', onArrow);
    container?.removeEventListener('keyup', onArrow);
    container?.removeEventListener('pointerup', onPointerUp);
    unsubscribe();
    window.removeEventListener('keydown', onKey);
    window.removeEventListener('keyup', onKey);
    window.removeEventListener('blur', onBlur);
    cy.removeAllListeners();
  };
}

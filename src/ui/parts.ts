// The parts of the interface loaded after the first drawing, each fetched ahead by preloadParts() once the graph is
// painted, so that the first use (a scenario's callouts, the split view, a confirmation) draws at
// once rather than a frame or two later.
import { preloadable } from './lazyPart';

/** Callouts of a change on the canvas (canvas/Callouts.tsx). */
export const CalloutsPart = preloadable(() => import('../canvas/Callouts').then((m) => m.Callouts));
/** The split view's left side. */
export const MirrorCanvasPart = preloadable(() => import('../canvas/MirrorCanvas').then((m) => m.MirrorCanvas));
/** The confirmation dialog. */
export const ConfirmDialogPart = preloadable(() => import('./ConfirmDialog').then((m) => m.ConfirmDialog));

/** Fetches every part above (call once the first drawing is painted). */
export function preloadParts(): void {
  for (const p of [CalloutsPart, MirrorCanvasPart, ConfirmDialogPart]) p.preload();
}

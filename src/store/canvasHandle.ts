// The app's handle on its mounted canvas: toolbar buttons, the search and the table reach the canvas through it (fit,
// zoom, focus, re-layout, where a new entity goes). Each app made by createApp() has its own; a canvas registers on
// mount and unregisters on unmount, and nothing is held by the module.

export interface CanvasApi {
  fit(): void;
  zoom(factor: number): void;
  /** Centres and selects an entity. */
  focus(entityId: string): void;
  /** Runs the layered layout (the app's, autoLayout.ts) and commits the positions as one undo step, then frames them. */
  relayout(): Promise<void>;
  /** The canvas's size in CSS pixels: the shape the layout suits the drawing to. */
  shape(): { width: number; height: number };
  /** Where a new entity should go (model coordinates): beside the selection, else in the visible area, never on a node. */
  centre(): { x: number; y: number };
}

export interface CanvasHandle {
  /** The mounted canvas, if any (the last one mounted). */
  current(): CanvasApi | null;
  /** Registers a mounted canvas; the function returned unregisters it (leaving a canvas mounted since in place). */
  register(api: CanvasApi): () => void;
  /** Calls `listener` whenever a canvas registers; returns a function that stops it. */
  onRegister(listener: () => void): () => void;
}

/** A handle with no canvas mounted yet. */
export function createCanvasHandle(): CanvasHandle {
  let api: CanvasApi | null = null;
  const listeners = new Set<() => void>();
  return {
    current: () => api,
    register(next) {
      api = next;
      listeners.forEach((l) => l());
      return () => {
        if (api === next) api = null;
      };
    },
    onRegister(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}

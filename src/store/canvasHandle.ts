// The app's handle on its mounted canvas: toolbar buttons, the search and the table reach the canvas through it (fit,
// zoom, focus, re-layout, where a new entity goes). Each app made by createApp() has its own; a canvas registers on
// mount and unregisters on unmount, and nothing is held by the module.

export interface CanvasApi {
  fit(): void;
  zoom(factor: number): void;
  /** Centres and selects an entity. */
  focus(entityId: string): void;
  /** Runs the layered layout and commits the positions as one undo step. */
  relayout(): Promise<void>;
  /** Where a new entity should go (model coordinates): beside the selection, else in the visible area, never on a node. */
  centre(): { x: number; y: number };
}

export interface CanvasHandle {
  /** The mounted canvas, if any (the last one mounted). */
  current(): CanvasApi | null;
  /** Registers a mounted canvas; the function returned unregisters it (leaving a canvas mounted since in place). */
  register(api: CanvasApi): () => void;
}

/** A handle with no canvas mounted yet. */
export function createCanvasHandle(): CanvasHandle {
  let api: CanvasApi | null = null;
  return {
    current: () => api,
    register(next) {
      api = next;
      return () => {
        if (api === next) api = null;
      };
    },
  };
}

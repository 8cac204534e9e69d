// A small registry through which toolbar buttons reach the mounted canvas (fit, zoom, focus, re-layout).

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

let current: CanvasApi | null = null;

/** Registers the mounted canvas (null on unmount). */
export function setCanvasApi(api: CanvasApi | null) {
  current = api;
}

/** The mounted canvas, if any. */
export function canvasApi(): CanvasApi | null {
  return current;
}

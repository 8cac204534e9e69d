// The big-graph edge layer (edgeLayer.ts, with cytoscape-layers) and the WebGL check (webgl.ts) load only when a big
// drawing is about to be shown: the LY graph and other small ones never need them. `loadEdgeLayer` starts (or joins) the load; `edgeLayerModule`
// returns the module once it has arrived.
type Module = typeof import('./edgeLayer') & typeof import('./webgl');

let loaded: Module | null = null;
let loading: Promise<Module> | null = null;

/** Loads the edge layer's module (once). */
export function loadEdgeLayer(): Promise<Module> {
  return (loading ??= Promise.all([import('./edgeLayer'), import('./webgl')]).then(([a, b]) => (loaded = { ...a, ...b })));
}

/** The edge layer's module, or null until loadEdgeLayer has resolved. */
export function edgeLayerModule(): Module | null {
  return loaded;
}

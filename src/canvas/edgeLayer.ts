// Big fully drawn graphs (thousands of entities, all on screen at once): Cytoscape holds every entity but only the
// edges a person can read or click — those near the viewport once zoomed in to reading level, the selected one and
// any carrying a mark — and every other holding, agreement and dependency is drawn as a plain line on a canvas
// under the nodes (cytoscape-layers). Thousands of Cytoscape edges cost over a second at load (styles, bounds,
// layered textures); the same lines drawn in bulk take milliseconds. The colours come from the stylesheet's tables,
// so the legend stays true.
import type { Core, NodeSingular } from 'cytoscape';
import cytoscape from 'cytoscape';
import Layers from 'cytoscape-layers';
import { batchLines, drawBatches, liveEdges, type Batch, type Selected } from './edgeLines';
import type { ElementDef } from '../draw/toElements';

let registered = false;

/** The canvas layer under a Cytoscape instance's nodes that draws the edges it does not hold. */
export class EdgeLayer {
  private edges: ElementDef[] = [];
  private live = new Set<string>();
  private batches: Batch[] = [];
  private at = new Map<string, { x: number; y: number }>();
  private nodes = new Map<string, NodeSingular>();
  private readonly layer: { update(): void; remove(): void; updateOnRender: boolean };

  constructor(private readonly cy: Core) {
    if (!registered) {
      cytoscape.use(Layers as unknown as cytoscape.Ext);
      registered = true;
    }
    type Layer = EdgeLayer['layer'] & { callback(f: (ctx: CanvasRenderingContext2D) => void): void };
    const layers = (cy as unknown as { layers(): { nodeLayer: { insertBefore(type: 'canvas', o: object): Layer } } }).layers();
    const layer = layers.nodeLayer.insertBefore('canvas', { pixelRatio: 1 });
    // Lines are drawn where Cytoscape has the nodes now, so they follow a drag before it is committed.
    layer.callback((ctx) => drawBatches(ctx, this.batches, (id) => this.nodes.get(id)?.position()));
    // Redrawn on every Cytoscape frame as well as on pan and zoom.
    layer.updateOnRender = true;
    this.layer = layer;
  }

  /** Takes the elements to draw; returns those Cytoscape should hold: every node and the live edges. */
  split(elements: ElementDef[], selected: Selected): ElementDef[] {
    this.at = new Map();
    this.edges = [];
    for (const el of elements) {
      if (el.group === 'edges') this.edges.push(el);
      else if (el.position) this.at.set(el.data.id, el.position);
    }
    this.live = this.pick(selected);
    this.batches = batchLines(this.edges, this.live);
    return elements.filter((el) => el.group === 'nodes' || this.live.has(el.data.id));
  }

  /** Whether the live edges would change for the current viewport and selection. */
  stale(selected: Selected): boolean {
    const next = this.pick(selected);
    return next.size !== this.live.size || [...next].some((id) => !this.live.has(id));
  }

  /** Edges drawn in all: live and bulk-drawn. */
  get count(): number {
    return this.edges.length;
  }

  /** Call after Cytoscape's nodes were added or removed. */
  indexNodes() {
    this.nodes = new Map(this.cy.nodes().map((n) => [n.id(), n] as const));
    this.layer.update();
  }

  remove() {
    this.layer.remove();
  }

  private pick(selected: Selected): Set<string> {
    return liveEdges(this.edges, (id) => this.at.get(id), { zoom: this.cy.zoom(), extent: this.cy.extent() }, selected);
  }
}

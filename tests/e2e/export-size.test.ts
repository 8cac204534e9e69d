// The export draws each node the size the canvas draws it: every LY entity's node height on the real Cytoscape canvas
// equals the height the Node-side export (the CLI's) gives it, and every name, as the canvas wraps it, fits its node —
// the long ones (Ministry of Internal Affairs and Communications: four lines) included.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { toElements } from '../../src/draw/toElements';
import { drawElements } from '../../src/draw/geometry';
import type { NodeDraw } from '../../src/draw/drawing';
import { approxMetrics } from '../../src/draw/text';
import { positionsFor } from '../../src/draw/layout';
import { parseDoc } from '../../src/model';
import { shot } from './browser';
import { appSession } from './session';

const s = appSession();

describe('node sizes: canvas and export', () => {
  it('every LY node is as tall on the canvas as in the export, and its name fits inside it', async () => {
    const doc = parseDoc(readFileSync(new URL('../../data/line-yahoo.ownership.json', import.meta.url), 'utf8'));
    const elements = toElements(doc, analyze(doc), { layers: { holdings: true, agreements: true, dependencies: true } });
    const exported = new Map(
      drawElements(elements, await positionsFor(doc, elements), approxMetrics)
        .filter((d): d is NodeDraw => d.group === 'nodes')
        .map((d) => [d.id, d.h]),
    );
    const canvas = (await s.page.evaluate(`document.querySelector('.graph')._cyreg.cy.nodes('.entity').map((n) => ({
      id: n.id(), h: n.height(), label: n.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true }).h,
    }))`)) as { id: string; h: number; label: number }[];
    expect(canvas).toHaveLength(doc.entities.length);
    for (const n of canvas) {
      expect([n.id, n.h]).toEqual([n.id, exported.get(n.id)]);
      expect([n.id, n.label <= n.h]).toEqual([n.id, true]);
    }
    const mic = canvas.find((n) => n.id === 'e:mic')!;
    expect(mic.h).toBeGreaterThan(Math.min(...canvas.map((n) => n.h)));
    await shot(s.page, 'export-size-canvas');
  });
});

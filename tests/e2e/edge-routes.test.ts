// E2E: on the rendered canvas no edge passes under a node other than its two ends — each bundled dataset, and under each
// of its bundled scenarios, at 1280×720 (NTT Nexia → Docomo once ran under the PPC node and read as PPC → Docomo) — and
// under each scenario every holding it changes shows its label (once 10 of 27 labels hid, the changed 49.99% among them).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { shot } from './browser';
import { pickDataset } from './files';
import { settle } from './readable';
import { appSession } from './session';

const scenarios = readdirSync(new URL('../../data/scenarios/', import.meta.url)).sort().map((f) => JSON.parse(readFileSync(new URL(`../../data/scenarios/${f}`, import.meta.url), 'utf8')) as { id: string; title: string; dataset: string });

/** Every (edge, node) pair where the edge as Cytoscape draws it passes through the box of a node that is not its end. */
function under(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type P = { x: number; y: number };
    type Box = { x1: number; y1: number; x2: number; y2: number };
    type E = { id(): string; visible(): boolean; sourceEndpoint(): P; targetEndpoint(): P; controlPoints(): P[] | undefined; source(): { id(): string }; target(): { id(): string } };
    type N = { id(): string; boundingBox(o: object): Box };
    type Cy = { edges(): { toArray(): E[] }; nodes(s: string): { toArray(): N[] } };
    const cy = (document.querySelector('.graph') as unknown as { _cyreg: { cy: Cy } })._cyreg.cy;
    /** Points along an edge as Cytoscape draws it: straight, or quadratic pieces through its control points. */
    const along = (e: E): P[] => {
      const a = e.sourceEndpoint(), b = e.targetEndpoint(), c = e.controlPoints() ?? [];
      const pts = [a];
      c.forEach((p, i) => {
        pts.push(p);
        if (c[i + 1]) pts.push({ x: (p.x + c[i + 1].x) / 2, y: (p.y + c[i + 1].y) / 2 });
      });
      pts.push(b);
      const out: P[] = [];
      if (!c.length) for (let i = 0; i <= 128; i++) out.push({ x: a.x + ((b.x - a.x) * i) / 128, y: a.y + ((b.y - a.y) * i) / 128 });
      else for (let k = 0; k + 2 < pts.length; k += 2) for (let i = 0; i <= 64; i++) {
        const t = i / 64, u = 1 - t, [p, q, r] = [pts[k], pts[k + 1], pts[k + 2]];
        out.push({ x: u * u * p.x + 2 * u * t * q.x + t * t * r.x, y: u * u * p.y + 2 * u * t * q.y + t * t * r.y });
      }
      return out;
    };
    // The node's own box (its border included), 1 unit in: a line along a box's very edge is not under it.
    const nodes = cy.nodes('.entity').toArray().map((n) => {
      const b = n.boundingBox({ includeLabels: false, includeOverlays: false, includeUnderlays: false, includeOutlines: false });
      return { id: n.id(), b: { x1: b.x1 + 1, y1: b.y1 + 1, x2: b.x2 - 1, y2: b.y2 - 1 } };
    });
    const out: string[] = [];
    for (const e of cy.edges().toArray().filter((x) => x.visible())) {
      const pts = along(e), ends = [e.source().id(), e.target().id()];
      for (const n of nodes) {
        if (ends.includes(n.id)) continue;
        if (pts.some((p) => p.x > n.b.x1 && p.x < n.b.x2 && p.y > n.b.y1 && p.y < n.b.y2)) out.push(`${e.id()} under ${n.id}`);
      }
    }
    return out;
  });
}

/** The changed holdings (marked sim-changed) whose label is not drawn, or drawn outside the canvas. */
function unlabelled(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    type Box = { x1: number; y1: number; x2: number; y2: number; w: number; h: number };
    type E = { id(): string; style(k: string): string; renderedBoundingBox(o: object): Box };
    type Cy = { width(): number; height(): number; edges(s: string): { toArray(): E[] } };
    const cy = (document.querySelector('.graph') as unknown as { _cyreg: { cy: Cy } })._cyreg.cy;
    const only = { includeNodes: false, includeEdges: false, includeLabels: true, includeMainLabels: true, includeSourceLabels: false, includeTargetLabels: false, includeOverlays: false, includeUnderlays: false };
    return cy.edges('.holding.sim-changed').toArray().filter((e) => {
      const b = e.renderedBoundingBox(only);
      return !e.style('label') || !(b.w > 0) || b.x1 < 0 || b.y1 < 0 || b.x2 > cy.width() || b.y2 > cy.height();
    }).map((e) => e.id());
  });
}

describe('edges at 1280×720', () => {
  const s = appSession({ viewport: { width: 1280, height: 720 }, prepare: (c) => c.addInitScript(() => localStorage.setItem('ownership-explorer:simulate-open', '1')) });

  it.each(['line-yahoo', 'ntt-docomo'])('%s and each of its scenarios: no edge passes under a node it does not touch', async (dataset) => {
    const page = s.page;
    if (dataset !== 'line-yahoo') await pickDataset(page, dataset);
    await settle(page);
    // Polled: edges bend in the frame after the drawing changes.
    await expect.poll(() => under(page), { timeout: 10_000 }).toEqual([]);
    await shot(page, `edge-routes-${dataset}`);
    for (const sc of scenarios.filter((x) => x.dataset === dataset)) {
      await page.getByRole('complementary', { name: 'Simulate' }).getByRole('button', { name: sc.title, exact: true }).click();
      await page.waitForFunction((id) => window.__explorer!.getState().sim.scenario?.id === id, sc.id, { timeout: 15_000 });
      await settle(page);
      await expect.poll(() => under(page), { timeout: 10_000 }).toEqual([]);
      await expect.poll(() => unlabelled(page), { timeout: 10_000 }).toEqual([]);
      await shot(page, `edge-routes-${dataset}-${sc.id}`);
    }
  });
});

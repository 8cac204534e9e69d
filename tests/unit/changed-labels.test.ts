// Labels of what a scenario changed are never hidden: a label that must show (`keep`) takes a spot even when every spot
// is held by others (which move or hide), and for every bundled scenario every holding it changes is labelled in the
// kernel's drawing (the canvas lays its labels out with the same kernel, edgeLabels.ts).
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { drawElements } from '../../src/draw/geometry';
import { placeLabels, type LabelItem } from '../../src/draw/labelPlace';
import { positionsFor } from '../../src/draw/layout';
import { changeMarks, decorate } from '../../src/draw/simMarks';
import { toElements } from '../../src/draw/toElements';
import type { EdgeDraw } from '../../src/draw/drawing';
import { approxMetrics } from '../../src/draw/text';
import { apply, parseDoc, parseScenario, type OwnershipDoc } from '../../src/model';

const data = (rel: string) => readFileSync(new URL(`../../data/${rel}`, import.meta.url), 'utf8');
const line = (x1: number, y1: number, x2: number, y2: number) => [{ x: x1, y: y1 }, { x: x2, y: y2 }];

describe('a label that must show', () => {
  // Two edges crossing at one point, each with room for its label only there (nodes fill the rest of both lines).
  const nodes = [{ x1: -100, y1: -8, x2: -12, y2: 8 }, { x1: 12, y1: -8, x2: 100, y2: 8 }, { x1: -8, y1: -100, x2: 8, y2: -12 }, { x1: -8, y1: 12, x2: 8, y2: 100 }];
  const item = (id: string, path: { x: number; y: number }[], rank: number, keep = false): LabelItem => ({ id, path, shapes: [{ w: 20, h: 20 }], rank, says: id, ...(keep ? { keep } : {}) });

  it('loses the only spot to a label of lower rank when it need not show', () => {
    const out = placeLabels([item('first', line(-50, 0, 50, 0), 0), item('second', line(0, -50, 0, 50), 1)], nodes);
    expect([out.get('first')!.clear, out.get('second')!.clear]).toEqual([true, false]);
  });
  it('takes it when it must show, whatever its rank; the other label is hidden', () => {
    const out = placeLabels([item('first', line(-50, 0, 50, 0), 0), item('second', line(0, -50, 0, 50), 1, true)], nodes);
    expect([out.get('first')!.clear, out.get('second')!.clear]).toEqual([false, true]);
  });
});

/** Every bundled scenario, with the dataset it is written for. */
function cases(): [string, OwnershipDoc, OwnershipDoc, string | undefined][] {
  const docs: Record<string, OwnershipDoc> = { 'line-yahoo': parseDoc(data('line-yahoo.ownership.json')), 'ntt-docomo': parseDoc(data('ntt-docomo.ownership.json')) };
  return readdirSync(new URL('../../data/scenarios/', import.meta.url)).sort().flatMap((file) => {
    const s = parseScenario(JSON.parse(data(`scenarios/${file}`)), file);
    const base = docs[s.dataset ?? ''];
    return base ? [[s.id, base, apply(base, { type: 'batch', ops: s.ops }), s.date] as [string, OwnershipDoc, OwnershipDoc, string | undefined]] : [];
  });
}

describe('every bundled scenario', () => {
  it.each(cases())('%s: every holding it changes is labelled', async (_, base, after, date) => {
    for (const rule of ['legal', 'votes'] as const) {
      const opts = { rule, ...(date ? { date } : {}) };
      const a = analyze(after, opts);
      const marks = changeMarks(analyze(base, opts), a);
      const elements = decorate(toElements(after, a, { layers: { holdings: true, agreements: true, dependencies: true } }), { marks, focus: [], lens: null });
      const changed = elements.filter((e) => e.data.kind === 'holding' && / sim-changed\b/.test(e.classes)).map((e) => e.data.id);
      const draws = drawElements(elements, await positionsFor(after, elements, { width: 1280, height: 800 }), approxMetrics);
      const labelled = new Set(draws.filter((d): d is EdgeDraw => d.group === 'edges' && !!d.label?.lines.join('')).map((d) => d.id));
      expect(changed.filter((id) => !labelled.has(id))).toEqual([]);
    }
  }, 60_000); // ELK lays each document out on its first use in this process: seconds under load
});

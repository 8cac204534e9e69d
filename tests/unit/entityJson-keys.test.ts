// cli/entityJson writes keys two ways: from their numbers when the ids are a running number behind one prefix (our
// generator's and exports' e0, e1, …), else from each id's JSON text encoded once. Both give the same bytes.
import { describe, expect, it } from 'vitest';
import { generateGraph } from '../../src/model';
import { analyzeChunks } from '../../src/cli/analyze';
import { runningPrefix } from '../../src/cli/mapKeys';

function jsonl(doc: Parameters<typeof analyzeChunks>[0], minStake: number): Map<string, string> {
  const dec = new TextDecoder();
  let text = '';
  for (const c of analyzeChunks(doc, {}, { format: 'jsonl', minStake })) text += typeof c === 'string' ? c : dec.decode(c, { stream: true });
  text += dec.decode();
  return new Map(text.split('\n').slice(1).map((line) => [JSON.parse(line).id as string, line]));
}

describe('entity keys', () => {
  it.each([
    [['e0', 'e1', 'e2'], 'e'],
    [['0', '1', '2'], ''],
    [['x10', 'x11'], 'x1'],
    [['h0', 'h2'], null],
    [['e0', 'e01'], null],
    [['a"0', 'a"1'], null],
    [['é0', 'é1'], null],
    [['e0', 'f1'], null],
    [[], null],
  ])('runningPrefix(%j) is %j', (ids, prefix) => expect(runningPrefix(ids)).toBe(prefix));

  it('writes the same lines from numbers as from encoded ids', () => {
    const doc = generateGraph({ entities: 300, seed: 7, core: 0.3, depth: 12, wide: 2 });
    expect(runningPrefix(doc.entities.map((e) => e.id))).toBe('e');
    // One entity more, alone and last, with an id out of the run: the others' figures are made the same way.
    const other = { ...doc, entities: [...doc.entities, { id: 'zz', name: 'Alone', kind: 'person' as const }] };
    for (const minStake of [0.01, 0]) {
      const a = jsonl(doc, minStake), b = jsonl(other, minStake);
      expect(b.size).toBe(a.size + 1);
      for (const [id, line] of a) expect(b.get(id)).toBe(line);
    }
  });
});

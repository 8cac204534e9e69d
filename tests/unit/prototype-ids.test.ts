// Ids equal to keys of Object.prototype ("__proto__", "constructor", "toString", …) are ids like any other: a drag
// keeps the position, autosave reads back, analysis results and `analyze --json` list them and their owners sum to 100.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { layeredPositions, placeNear } from '../../src/analysis/placement';
import { analyzeChunks } from '../../src/cli/analyze';
import { parseDocText, serializeDoc } from '../../src/io/native';
import { parseDoc } from '../../src/model';
import { createAutosave } from '../../src/store/autosave';
import { boot } from '../../src/store/boot';
import { memoryKv } from '../../src/store/kv';
import { createPersistence } from '../../src/store/persistence';
import { createExplorerStore } from '../../src/store/store';
import { explainStake } from '../../src/analysis/paths';
import { importCsv } from '../../src/io/csv';
import { PROTO_IDS } from './arbitraries';

/** `__proto__` and `constructor` own 60% and 40% of `toString`, which owns all of `hasOwnProperty`. */
const doc = () =>
  parseDoc({
    format: 'ownership-graph', version: 1, asOf: '2024-01-01',
    entities: ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'].map((id, i) => ({ id, name: `N${i}`, position: { x: i * 100, y: 0 } })),
    holdings: [
      { id: 'h1', holder: '__proto__', subject: 'toString', shares: 60 },
      { id: 'h2', holder: 'constructor', subject: 'toString', shares: 40 },
      { id: 'valueOf', holder: 'toString', subject: 'hasOwnProperty', shares: 100 },
    ],
    dependencies: [{ id: 'constructor', provider: 'valueOf', client: 'toString', kind: 'cloud-hosting' }],
  });

describe('ids that are Object.prototype keys', () => {
  it('the property tests use them', () => expect(PROTO_IDS).toEqual(expect.arrayContaining(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])));

  it('a drag keeps the dragged position, and the autosave reads back', async () => {
    const kv = memoryKv();
    const p = createPersistence(kv);
    const s = createExplorerStore({ doc: doc(), datasetId: 'line-yahoo' });
    const auto = createAutosave({ store: s, persistence: p, tab: 't', saveFile() {} });
    const positions = Object.fromEntries([['__proto__', { x: 7, y: 8 }], ['constructor', { x: 9, y: 10 }]]);
    expect(s.getState().commit({ type: 'moveEntities', positions })).toEqual({ ok: true });
    expect(s.getState().doc.entities.map((e) => e.position)).toEqual([{ x: 7, y: 8 }, { x: 9, y: 10 }, { x: 200, y: 0 }, { x: 300, y: 0 }, { x: 400, y: 0 }]);
    s.getState().commit({ type: 'moveEntity', id: 'toString', position: { x: 1, y: 1 } });
    await auto.saveNow();
    const back = await boot(p);
    expect(back.doc).toEqual(s.getState().doc);
    expect(parseDocText(serializeDoc(s.getState().doc))).toEqual(s.getState().doc);
    auto.stop();
  });

  it('analysis results keep every id: look-through and ultimate owners sum to 100', () => {
    const a = analyze(doc());
    const lt = a.lookThrough('hasOwnProperty');
    if ('loop' in lt) throw new Error('no loop here');
    expect(Object.keys(lt.ultimateOwners).sort()).toEqual(['__proto__', 'constructor']);
    expect(lt.ultimateOwners.__proto__).toBeCloseTo(60, 9);
    expect(Object.values(lt.ultimateOwners).reduce((x, y) => x + y, 0)).toBeCloseTo(100, 9);
    expect(a.stake('__proto__', 'hasOwnProperty')).toBeCloseTo(60, 9);
    expect(a.stake('valueOf', 'hasOwnProperty')).toBe(0); // not an owner: not Object.prototype.valueOf
    expect(Object.keys(a.dependencies())).toEqual(['constructor']);
    expect(a.dependencies().toString).toBeUndefined();
  });

  it('analyze --json lists "__proto__" and its owners sum to 100', () => {
    // Each chunk is read before the next is asked for (its buffer is written again).
    const decoder = new TextDecoder();
    let text = '';
    for (const c of analyzeChunks(doc(), {}, { format: 'json', minStake: 0 })) text += typeof c === 'string' ? c : decoder.decode(c, { stream: true });
    const json = JSON.parse(text);
    expect(Object.keys(json.entities)).toEqual(expect.arrayContaining(['__proto__', 'constructor', 'toString']));
    const owners = json.entities.hasOwnProperty.ultimateOwners as Record<string, number>;
    expect(Object.keys(owners).sort()).toEqual(['__proto__', 'constructor']);
    expect(Object.values(owners).reduce((x, y) => x + y, 0)).toBeCloseTo(100, 4);
  });

  it('placement gives every entity a position, "__proto__" included', () => {
    const d = doc();
    const all = layeredPositions(d);
    expect(Object.keys(all).sort()).toEqual(d.entities.map((e) => e.id).sort());
    const some = placeNear({ ...d, entities: d.entities.map((e) => (e.id === '__proto__' ? { ...e, position: undefined } : e)) });
    expect(Object.keys(some)).toEqual(['__proto__']);
  });

  it('the paths behind a stake: "Alice,Constructor,60" (the CSV that blanked the app) and loops through such ids', () => {
    const csv = importCsv('holder,subject,shares\nAlice,Constructor,60\n');
    expect(explainStake(analyze(csv), 'alice', 'constructor')).toMatchObject({ total: 60, paths: [{ ids: ['alice', 'constructor'], stakes: [60], product: 60 }], count: 1 });
    const d = doc();
    expect(explainStake(analyze(d), '__proto__', 'hasOwnProperty').paths).toEqual([{ ids: ['__proto__', 'toString', 'hasOwnProperty'], stakes: [60, 100], product: 60 }]);
    const loop = parseDoc({
      format: 'ownership-graph', version: 1,
      entities: ['valueOf', 'constructor', 'toString'].map((id) => ({ id, name: id })),
      holdings: [
        { id: 'h1', holder: 'valueOf', subject: 'constructor', shares: 50 },
        { id: 'h2', holder: 'constructor', subject: 'toString', shares: 50 },
        { id: 'h3', holder: 'toString', subject: 'constructor', shares: 20 },
      ],
    });
    expect(explainStake(analyze(loop), 'valueOf', 'toString').loops).toEqual([['constructor', 'toString', 'constructor']]);
  });
});

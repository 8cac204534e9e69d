// `analyze --json` and `--jsonl` at register scale (FORMAT.md): maps cut at --min-stake with the rest in "others"
// (every ultimate-owner map still sums to 100), --entity gives full detail, power only for games of at most 64
// blocks (or named entities), JSON Lines carry the same content one entity per line.
import { describe, expect, it } from 'vitest';
import { analyzeChunks, type AnalyzeOutput } from '../../src/cli/analyze';
import type { OwnershipDoc } from '../../src/model';
import { graph, type EdgeSpec } from './helpers';

const text = (doc: OwnershipDoc, out: Partial<AnalyzeOutput>, opts = {}) => {
  const decoder = new TextDecoder();
  let s = '';
  for (const c of analyzeChunks(doc, opts, { format: 'json', minStake: 0.01, ...out })) s += typeof c === 'string' ? c : decoder.decode(c, { stream: true });
  return s + decoder.decode();
};
const json = (doc: OwnershipDoc, out: Partial<AnalyzeOutput> = {}, opts = {}) => JSON.parse(text(doc, out, opts));
const sum = (m: Record<string, number>) => Object.values(m).reduce((a, b) => a + b, 0);

// Y: A holds 60%, five small holders 0.004% each (below the default cut), the rest unattributed. Z: Y holds 80%.
const small: EdgeSpec[] = [1, 2, 3, 4, 5].map((i) => [`p${i}`, 'y', 0.004]);
const doc = graph([['a', 'y', 60], ...small, ['y', 'z', 80]], { kinds: { a: 'person', p1: 'person', p2: 'person', p3: 'person', p4: 'person', p5: 'person' } });

// W: 70 holders of 1% each: a voting game of 70 blocks.
const wide = graph(Array.from({ length: 70 }, (_, i): EdgeSpec => [`h${i}`, 'w', 1]));

describe('analyze --json at scale', () => {
  it('cuts both maps at --min-stake and sums the cut owners into "others", so the map still sums to 100', () => {
    const y = json(doc).entities.y;
    expect(y.lookThrough).toEqual({ a: 60 });
    expect(y.ultimateOwners).toEqual({ a: 60, 'float:y': 39.98, others: 0.02 });
    expect(sum(y.ultimateOwners)).toBeCloseTo(100, 9);
    const z = json(doc).entities.z;
    expect(z.ultimateOwners).toEqual({ a: 48, 'float:y': 31.984, 'float:z': 20, others: 0.016 });
    expect(sum(z.ultimateOwners)).toBeCloseTo(100, 9);
  });

  it('--min-stake 0 lists every owner and needs no "others"', () => {
    const y = json(doc, { minStake: 0 }).entities.y;
    expect(Object.keys(y.lookThrough)).toHaveLength(6);
    expect(y.ultimateOwners.others).toBeUndefined();
    expect(y.ultimateOwners.p1).toBe(0.004);
    expect(sum(y.ultimateOwners)).toBeCloseTo(100, 9);
  });

  it('a larger --min-stake cuts more', () => {
    expect(json(doc, { minStake: 30 }).entities.z.ultimateOwners).toEqual({ a: 48, 'float:y': 31.984, others: 20.016 });
  });

  it('lists equal figures in key order, whatever the order of the entities in the document', () => {
    // Entities in document order k2, t, k10, k1, u: string order puts k1 before k10 before k2.
    const tied = graph([['k2', 't', 20], ['k10', 't', 20], ['k1', 't', 20], ['u', 't', 20]]);
    const t = json(tied).entities.t;
    expect(Object.keys(t.lookThrough)).toEqual(['k1', 'k10', 'k2', 'u']);
    expect(Object.keys(t.ultimateOwners)).toEqual(['float:t', 'k1', 'k10', 'k2', 'u']);
  });

  it('--entity gives only the named entities, each with every owner', () => {
    const out = json(doc, { entities: ['z'] });
    expect(Object.keys(out.entities)).toEqual(['z']);
    expect(out.entities.z.ultimateOwners.p3).toBeCloseTo(0.0032, 9);
    expect(out.entities.z.ultimateOwners.others).toBeUndefined();
    expect(Object.keys(out.entities.z)).toEqual(['status', 'parent', 'ultimate', 'lookThrough', 'ultimateOwners', 'power', 'explanation']);
    expect(() => text(doc, { entities: ['nope'] })).toThrow(/--entity "nope" is not an entity/);
  });

  it('power is null beyond 64 blocks, unless the entity is named', () => {
    expect(json(wide).entities.w.power).toBeNull();
    const named = json(wide, { entities: ['w'] }).entities.w.power;
    expect(Object.keys(named.banzhaf)).toHaveLength(70);
    expect(named.banzhaf.h0).toBeCloseTo(1 / 70, 9);
    expect(json(doc).entities.y.power).toEqual({ banzhaf: { a: 1, p1: 0, p2: 0, p3: 0, p4: 0, p5: 0 }, shapleyShubik: { a: 1, p1: 0, p2: 0, p3: 0, p4: 0, p5: 0 } });
  });

  it('--jsonl: a first line of rule, date, loops and dependencies, then one line per entity with the same content', () => {
    const lines = text(doc, { format: 'jsonl' }).split('\n').map((l) => JSON.parse(l));
    expect(Object.keys(lines[0])).toEqual(['rule', 'date', 'loops', 'dependencies']);
    const whole = json(doc);
    expect(lines.slice(1).map((l) => l.id)).toEqual(Object.keys(whole.entities));
    for (const { id, ...fields } of lines.slice(1)) expect(fields).toEqual(whole.entities[id]);
  });

  it('a closed ownership loop makes the maps unavailable, not wrong', () => {
    const loop = json(graph([['a', 'b', 100], ['b', 'a', 100], ['a', 'c', 50]]));
    expect(loop.loops).toEqual([['a', 'b']]);
    expect(loop.entities.c).toMatchObject({ lookThrough: null, ultimateOwners: null, unavailable: 'closed ownership loop: a, b' });
  });
});

describe('analyze table', () => {
  it('prints one line per entity whatever its name holds: line breaks as " / ", tabs as spaces', () => {
    const d = graph([['a', 'b', 60], ['b', 'c', 70]], { kinds: { a: 'person' } });
    d.entities.find((e) => e.id === 'a')!.name = 'Line one\nLine two';
    d.entities.find((e) => e.id === 'b')!.name = 'B\tTab\r\nCo';
    const lines = text(d, { format: 'table' }).split('\n');
    expect(lines).toHaveLength(4 + d.entities.length); // title, blank, head, rule, then one row each
    const row = (start: string) => lines.find((l) => l.startsWith(start))!;
    expect(row('Line one / Line two ')).toMatch(/independent/);
    expect(row('B Tab / Co ')).toMatch(/controlled\s+Line one \/ Line two\s+Line one \/ Line two$/);
    // The columns line up: every row's status starts where the head's does.
    const at = lines[2].indexOf('Status');
    for (const l of lines.slice(4)) expect(l.slice(at)).toMatch(/^(independent|controlled)/);
  });
});

// cli/entityJson writes power and explanations from the analysis' columns (Analysis.gameAt, explainCodes) and keeps
// each explanation line's bytes once made (cli/explanationJson.ts). These tests pin the bytes on hand-made cases and
// check every entity of generated graphs with hostile ids and names against the general path: JSON.stringify of what
// the app reads (Analysis.power, Analysis.explain), whatever order entities are written in and however small the chunks.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { generateGraph, type OwnershipDoc } from '../../src/model';
import { Analysis } from '../../src/analysis';
import type { Evaluator } from '../../src/analysis/evaluator';
import { docArb } from './arbitraries';
import { analyzeChunks } from '../../src/cli/analyze';
import { ByteOut } from '../../src/cli/byteOut';
import { EntityWriter, POWER_MAX_BLOCKS } from '../../src/cli/entityJson';
import { ExplanationWriter } from '../../src/cli/explanationJson';
import { importBods } from '../../src/io';
import { company, person, rel, shares } from '../fixtures/io/bodsBuild';

const dec = new TextDecoder();

/** The JSON Lines of `analyze --jsonl`, by id. */
function jsonl(doc: OwnershipDoc): Map<string, string> {
  let text = '';
  for (const c of analyzeChunks(doc, {}, { format: 'jsonl', minStake: 0.01 })) text += typeof c === 'string' ? c : dec.decode(c, { stream: true });
  text += dec.decode();
  return new Map(text.split('\n').slice(1).map((line) => [JSON.parse(line).id as string, line]));
}

/** The fields after the maps, as JSON.stringify writes what the app reads. */
function expected(a: Analysis, id: string): string {
  const round = (x: number) => Math.round(x * 1e9) / 1e9;
  const players = a.powerUpTo(id, POWER_MAX_BLOCKS);
  const power = players && {
    banzhaf: Object.fromEntries(players.map((p) => [p.id, round(p.banzhaf)])),
    shapleyShubik: Object.fromEntries(players.map((p) => [p.id, p.shapleyShubik === null ? null : round(p.shapleyShubik)])),
  };
  return `,"power":${JSON.stringify(power)},"explanation":${JSON.stringify(a.explain(id))}`;
}

/** What EntityWriter.rest writes for each entity, taken in `order`. */
function rest(a: Analysis, order: number[]): string[] {
  const w = new EntityWriter(a, 0.01, false), o = new ByteOut();
  const out: string[] = [];
  for (const v of order) {
    w.rest(o, v);
    out[v] = dec.decode(o.take());
  }
  return out;
}

/** What ExplanationWriter writes for each entity, taken in `order`, with chunks of 2^bits bytes. */
function explanations(a: Analysis, order: number[], bits?: number): string[] {
  const w = new ExplanationWriter(a, bits), o = new ByteOut();
  const out: string[] = [];
  for (const v of order) {
    w.write(o, v);
    out[v] = dec.decode(o.take());
  }
  return out;
}

const entity = (id: string, name: string) => ({ id, name, kind: 'company' as const });
const holding = (id: string, holder: string, subject: string, shares: number) => ({ id, holder, subject, shares });

/**
 * Ids that read as array indices (listed first by objects: the power maps' general path) or are Object.prototype's,
 * names with quotes, backslashes, a line break, non-ASCII text and a lone surrogate (escaped by JSON.stringify).
 */
const hand: OwnershipDoc = {
  format: 'ownership-graph',
  version: 1,
  entities: [
    entity('__proto__', 'The "Q" Fund'),
    entity('17', 'Société Générale ü'),
    entity('0', 'A\\B Holdings'),
    entity('constructor', '日本株式会社'),
    entity('x', 'Line\nbreak \ud800 Ltd'),
    entity('y', 'Y Corp'),
    entity('p', 'P'),
    entity('q', 'Q'),
    entity('r', 'R'),
    entity('j', 'Joint Venture'),
    entity('z', 'Zed'),
    entity('s', 'S'),
    entity('t', 'T'),
    entity('c1', 'Circle One'),
    entity('c2', 'Circle Two'),
    ...Array.from({ length: 45 }, (_, i) => entity(`chain${i}`, `Link ${i}`)),
  ],
  holdings: [
    holding('h1', '__proto__', '17', 60),
    holding('h2', 'x', '17', 30),
    holding('h3', '17', '0', 100),
    holding('h4', '0', 'constructor', 51),
    holding('h5', 'x', 'constructor', 49),
    // Any two of three win: fractional power, a sentence of nobody in control.
    holding('h6', 'p', 'y', 40),
    holding('h7', 'q', 'y', 35),
    holding('h8', 'r', 'y', 25),
    // Half each: joint control, both named in its sentence.
    holding('h9', 'constructor', 'j', 50),
    holding('h10', 'x', 'j', 50),
    // Weight first, but an id that reads as an array index first in an object: the power maps' general path.
    holding('h13', 'p', 'z', 60),
    holding('h14', '17', 'z', 40),
    // Each holds the other's majority: circular control.
    holding('h11', 'c1', 'c2', 60),
    holding('h12', 'c2', 'c1', 60),
    // A chain of 45: explanations stop at 40 lines.
    ...Array.from({ length: 44 }, (_, i) => holding(`hc${i}`, `chain${i}`, `chain${i + 1}`, 100)),
  ],
  // A sentence longer than any line kept: written afresh every time.
  agreements: [{ id: 'g', kind: 'control', parties: ['s'], subject: 't', basis: 'a long basis, '.repeat(2000) }],
};

describe('power and explanations of analyze --json', () => {
  it('writes the hand-made cases byte for byte', () => {
    const lines = jsonl(hand);
    const after = (id: string) => lines.get(id)!.replace(/^.*?(,"power":)/, '$1');
    expect(after('constructor')).toBe(
      ',"power":{"banzhaf":{"0":1,"x":0},"shapleyShubik":{"0":1,"x":0}},"explanation":["A\\\\B Holdings holds 51.00% of 日本株式会社\'s votes (> 50%).","Société Générale ü holds 100.00% of A\\\\B Holdings\'s votes (> 50%).","The \\"Q\\" Fund holds 60.00% of Société Générale ü\'s votes (> 50%).","Nobody controls The \\"Q\\" Fund: it has no recorded holders with votes."]}',
    );
    expect(after('17')).toBe(
      ',"power":{"banzhaf":{"__proto__":1,"x":0},"shapleyShubik":{"__proto__":1,"x":0}},"explanation":["The \\"Q\\" Fund holds 60.00% of Société Générale ü\'s votes (> 50%).","Nobody controls The \\"Q\\" Fund: it has no recorded holders with votes."]}',
    );
    expect(after('y')).toBe(
      ',"power":{"banzhaf":{"p":0.333333333,"q":0.333333333,"r":0.333333333},"shapleyShubik":{"p":0.333333333,"q":0.333333333,"r":0.333333333}},"explanation":["Nobody controls Y Corp: the largest block, P with 40.00% of the votes, does not pass > 50%."]}',
    );
    expect(after('j')).toBe(
      ',"power":{"banzhaf":{"constructor":0.5,"x":0.5},"shapleyShubik":{"constructor":0.5,"x":0.5}},"explanation":["Joint Venture is jointly controlled by 日本株式会社 and Line\\nbreak \\ud800 Ltd: together they hold 100.00% of the votes (> 50%) and each can block any decision (日本株式会社 50.00%, Line\\nbreak \\ud800 Ltd 50.00%).","A\\\\B Holdings holds 51.00% of 日本株式会社\'s votes (> 50%).","Nobody controls Line\\nbreak \\ud800 Ltd: it has no recorded holders with votes.","Société Générale ü holds 100.00% of A\\\\B Holdings\'s votes (> 50%).","The \\"Q\\" Fund holds 60.00% of Société Générale ü\'s votes (> 50%).","Nobody controls The \\"Q\\" Fund: it has no recorded holders with votes."]}',
    );
    expect(after('c1')).toBe(
      ',"power":{"banzhaf":{"c2":1},"shapleyShubik":{"c2":1}},"explanation":["Circle Two holds 60.00% of Circle One\'s votes (> 50%).","Circle One controls one of its own controllers: control is circular.","Circle One holds 60.00% of Circle Two\'s votes (> 50%)."]}',
    );
    expect(after('c2')).toBe(
      ',"power":{"banzhaf":{"c1":1},"shapleyShubik":{"c1":1}},"explanation":["Circle One holds 60.00% of Circle Two\'s votes (> 50%).","Circle Two controls one of its own controllers: control is circular.","Circle Two holds 60.00% of Circle One\'s votes (> 50%)."]}',
    );
    expect(after('z')).toBe(',"power":{"banzhaf":{"17":0,"p":1},"shapleyShubik":{"17":0,"p":1}},"explanation":["P holds 60.00% of Zed\'s votes (> 50%).","Nobody controls P: it has no recorded holders with votes."]}');
    expect(after('t')).toBe(`,"power":{"banzhaf":{},"shapleyShubik":{}},"explanation":["S controls T by agreement (${'a long basis, '.repeat(2000)}).","Nobody controls S: it has no recorded holders with votes."]}`);
    const chain = JSON.parse(lines.get('chain44')!).explanation as string[];
    expect(chain.length).toBe(40);
    expect(chain[39]).toBe('Link 4 holds 100.00% of Link 5\'s votes (> 50%).');
    expect(after('p')).toBe(',"power":{"banzhaf":{},"shapleyShubik":{}},"explanation":["Nobody controls P: it has no recorded holders with votes."]}');
  });

  it('writes every entity as the general path does, in any order and with any size of chunk', () => {
    // A generated graph (chains, a core of cycles, joint control), its first entities given hostile ids and names.
    const doc = generateGraph({ entities: 400, seed: 3, core: 0.3, depth: 12 });
    const ids = ['__proto__', 'constructor', '0', '17', '4294967294', '4294967295', 'é"x', 'a\\b', '日本', 'toString', 'float:e5'];
    const names = ['The "Q" Fund', 'Société ü', 'A\\B', '日本株式会社', 'Tab\there', 'Bad \udc00 half'];
    const rename = new Map(doc.entities.map((e, i) => [e.id, ids[i] ?? `k${i}`]));
    const hostile: OwnershipDoc = {
      ...doc,
      entities: doc.entities.map((e, i) => ({ ...e, id: rename.get(e.id)!, name: names[i % 7] ?? e.name })),
      holdings: doc.holdings.map((h) => ({ ...h, holder: rename.get(h.holder)!, subject: rename.get(h.subject)! })),
    };
    // A declared indirect interest that decides (tests/unit/declared-indirect.test.ts): a line of its own.
    const { doc: declared } = importBods([
      company('a', 'Company A'), company('b', 'Company B'), company('c', 'Company C'), company('d', 'Company D'), person('p1', 'Person "1"'),
      rel('r-b', 'a', 'b', [shares(80)]),
      rel('r-c', 'b', 'c', [shares(50)]), rel('r-d', 'b', 'd', [shares(50)]),
      rel('r-p1', 'b', 'p1', [shares(60, { directOrIndirect: 'indirect' })], { componentRecords: ['c', 'd', 'r-c', 'r-d'] }),
      company('e', 'Company É'), company('f', 'Company F'), company('g', 'Company G'), person('p2', 'Person 2'),
      rel('r-f', 'e', 'f', [shares(50)]), rel('r-g', 'e', 'g', [shares(50)]),
      rel('r-p2', 'e', 'p2', [shares(70, { directOrIndirect: 'indirect' })], { componentRecords: ['f', 'g', 'r-f', 'r-g'] }),
    ]);
    const both = new Analysis(declared, {});
    expect(both.explain('a').join('\n')).toMatch(/Person "1" declares an indirect/);
    expect(both.explain('e').join('\n')).toMatch(/Person 2 declares an indirect/);
    for (const d of [hand, doc, hostile, declared]) {
      const a = new Analysis(d, {});
      const n = a.snap.n;
      const forward = Array.from({ length: n }, (_, v) => v);
      const backward = forward.slice().reverse();
      const want = forward.map((v) => expected(a, a.snap.ids[v]));
      expect(rest(a, forward)).toEqual(want);
      expect(rest(a, backward)).toEqual(want);
      // Chunks of 256 bytes: lines fill many, and the longer ones (over 254 bytes) are written afresh, never kept.
      const lines = forward.map((v) => JSON.stringify(a.explain(a.snap.ids[v])));
      expect(explanations(a, forward, 8)).toEqual(lines);
      expect(explanations(a, backward, 8)).toEqual(lines);
    }
  });

  it('words every sentence with the right names, whatever place the entities take', () => {
    // Names are read through a small cache by index (Analysis.nameOf): over a thousand entities, places share its
    // entries. The same document with its entities in reverse gives every entity other places, and the same words.
    const doc = generateGraph({ entities: 2500, seed: 5, depth: 8 });
    const named: OwnershipDoc = { ...doc, entities: doc.entities.map((e, i) => ({ ...e, name: `${e.name} #${i}` })) };
    const a = new Analysis(named, {}), b = new Analysis({ ...named, entities: named.entities.slice().reverse() }, {});
    let compared = 0;
    for (const e of named.entities) {
      const lines = a.explain(e.id);
      expect(lines[0]).toContain(`${e.name}`);
      // A joint control's sentence lists the players' figures in the order of their records: left out.
      if (lines.some((x) => x.includes('jointly'))) continue;
      expect(b.explain(e.id)).toEqual(lines);
      compared++;
    }
    expect(compared).toBeGreaterThan(2000);
  });

  it("finds each company's blocks as the evaluator does, cycles of control included", () => {
    // Analysis.gameAt finds a chain's end from the ends of all chains, found at once; Evaluator.blocksOf walks it.
    let circular = 0;
    fc.assert(
      fc.property(docArb, fc.constantFrom('legal', 'defacto', 'votes' as const), (doc, rule) => {
        const a = new Analysis(doc, { rule });
        const evaluator = (a as unknown as { evaluator: Evaluator }).evaluator;
        for (let v = 0; v < a.snap.n; v++) {
          if (a.statusAt(v) === 'circular') circular++;
          expect(a.gameAt(v, Infinity)!.blocks).toEqual(evaluator.blocksOf(v));
        }
      }),
      { numRuns: 400 },
    );
    expect(circular).toBeGreaterThan(0);
  });
});

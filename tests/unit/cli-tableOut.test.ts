// The table `analyze` prints, written as bytes (cli/tableOut.ts), is byte for byte the table made as strings and
// printed as the command line did before (kept here as the reference): hostile names (astral characters cut in half
// at a column's edge, CJK, combining marks, long names, line breaks, tabs, control characters, bidi overrides,
// whitespace of every kind, lone surrogates, empty names) in every column, with joint and circular controllers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, controlCertainty, ruleLabel, type Analysis } from '../../src/analysis';
import { analyzeChunks } from '../../src/cli/analyze';
import { printable } from '../../src/cli/sanitize';
import type { OwnershipDoc } from '../../src/model';
import { generateGraph } from '../../src/model/generate';
import { graph } from './helpers';

/** The string writer as it was (commit 7f688c5, cli/analyze.ts), with the command line's printable() and UTF-8. */
function reference(a: Analysis): Buffer {
  const WIDTH = 48;
  const oneLineNames = (names: string[]) => names.map((s) => s.replace(/\r\n|\r|\n/g, ' / ').replace(/\t/g, ' '));
  function* tableChunks(): Generator<string> {
    const { snap, doc, options } = a;
    const sn = oneLineNames(snap.names);
    const name = (id: string) => {
      const v = snap.index.get(id);
      return v === undefined ? id : sn[v];
    };
    const names = (vs: readonly number[]) => (vs.length === 0 ? '—' : vs.length === 1 ? sn[vs[0]] : vs.map((v) => sn[v]).join(' + '));
    const length = (vs: readonly number[]) => {
      if (vs.length < 2) return vs.length === 0 ? 1 : sn[vs[0]].length;
      let l = 3 * (vs.length - 1);
      for (const v of vs) l += sn[v].length;
      return l;
    };
    const head = ['Entity', 'Status', 'Parent', 'Ultimate controller(s)'];
    const widths = head.map((h) => h.length);
    for (let i = 0; i < snap.n; i++) {
      const l0 = sn[i].length, l1 = a.statusAt(i).length, l2 = length(a.parentsAt(i)), l3 = length(a.ultimatesAt(i));
      if (l0 > widths[0]) widths[0] = Math.min(WIDTH, l0);
      if (l1 > widths[1]) widths[1] = Math.min(WIDTH, l1);
      if (l2 > widths[2]) widths[2] = Math.min(WIDTH, l2);
      if (l3 > widths[3]) widths[3] = Math.min(WIDTH, l3);
    }
    const [w0, w1, w2, w3] = widths;
    const cell = (c: string, w: number) => (c.length > w ? `${c.slice(0, w - 1)}…` : c.padEnd(w));
    const fmt = (c0: string, c1: string, c2: string, c3: string) => `${cell(c0, w0)}  ${cell(c1, w1)}  ${cell(c2, w2)}  ${cell(c3, w3)}`.trimEnd();
    yield `Control under ${ruleLabel(options.rule, options.threshold)} (--rule ${options.rule}) on ${options.date}\n\n`;
    yield `${fmt(head[0], head[1], head[2], head[3])}\n${widths.map((w) => '─'.repeat(w)).join('  ')}`;
    let chunk = '';
    for (let i = 0; i < snap.n; i++) {
      chunk += `\n${fmt(sn[i], a.statusAt(i), names(a.parentsAt(i)), names(a.ultimatesAt(i)))}`;
      if (chunk.length >= 1 << 16) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
    if (a.loops.length) yield `\n\nClosed ownership loops: ${a.loops.map((l) => l.map(name).join(' ↔ ')).join('; ')}`;
    const certainty = controlCertainty(doc, a);
    if (certainty.size) {
      yield '\n\nWithin published bands (figures given as ranges)';
      for (const [id, c] of certainty) yield `\n  ${name(id)}: control ${c.control === 'certain' ? 'certain' : 'only possible'} — ${c.note}`;
    }
    const deps = Object.entries(a.dependencies());
    if (deps.length) {
      const byId = new Map((doc.dependencies ?? []).map((d) => [d.id, d]));
      yield '\n\nDependencies';
      for (const [id, e] of deps) {
        const d = byId.get(id)!;
        yield `\n  ${name(d.provider)} → ${name(d.client)} (${d.kind}): ${e.exposure}${e.crossBorder ? ', cross-border' : ''}`;
      }
    }
  }
  return Buffer.from([...tableChunks()].map(printable).join(''), 'utf8');
}

/** What analyze prints now, the chunks copied as they come (each is valid until the next). */
function bytes(doc: OwnershipDoc): Buffer {
  const parts: Buffer[] = [];
  for (const c of analyzeChunks(doc, {}, { format: 'table', minStake: 0.01 })) parts.push(Buffer.from(typeof c === 'string' ? printable(c) : c));
  return Buffer.concat(parts);
}

// Independent holders, a sole parent, 50/50 and three-way joint ventures (controllers joined by " + "), control below
// a joint venture, a circular pair, and a fully held loop (its names in the loops line).
const shape = () =>
  graph([
    ['a', 'y', 60], ['y', 'z', 70],
    ['a', 'j', 50], ['b', 'j', 50], ['j', 'k', 62.5],
    ['c', 't', 34], ['d', 't', 33], ['e', 't', 33],
    ['t', 'u', 51], ['j', 'u', 49],
    ['p', 'q', 60], ['q', 'p', 60], ['q', 'r', 80],
    ['l1', 'l2', 100], ['l2', 'l1', 100],
  ], { kinds: { a: 'person', b: 'person', c: 'person', d: 'person', e: 'person' } });

const named = (names: string[]) => {
  const d = shape();
  d.entities.forEach((e, i) => (e.name = names[i % names.length]));
  return d;
};

const HOSTILE = [
  '😀', '𝕏', '中文', '株式会社', 'e\u0301', 'Company', ' ', '  ', 'x'.repeat(20), '\r\n', '\n', '\r', '\t',
  '\u0007', '\u001b[31m', '\u0085', '\u009b', '\u202e', '\u2066', '\u000b', '\u000c', '\u00a0', '\u3000', '\u2028',
  '\ufeff', '\ud800', '\udc00', '…', '—', '+', '',
];

describe('the table written as bytes', () => {
  it.each([
    ['plain ASCII', ['Alpha', 'Beta Holdings', 'C', 'Delta & Sons Ltd.']],
    ['long names cut at 48', ['N'.repeat(47), 'M'.repeat(48), 'L'.repeat(49), 'K'.repeat(200)]],
    ['astral characters across the cut', ['a'.repeat(46) + '😀😀', 'a'.repeat(47) + '😀', '😀'.repeat(30), '𝕏'.repeat(23) + 'ab', '中'.repeat(60)]],
    ['CJK and combining marks', ['株式会社テスト', 'Société Générale', 'e\u0301'.repeat(30), '한국전력공사']],
    ['line breaks and tabs', ['Line one\r\nLine two', 'A\tB', 'x\ry\nz', '\r\n'.repeat(30)]],
    ['control characters and bidi overrides', ['\u001b[31mRed\u001b[0m', 'bell\u0007', 'nel\u0085x', '\u202eevil', 'end\u000b', 'end\u000c', 'del\u007f']],
    ['whitespace at the end', ['trail ', 'nbsp\u00a0', 'ideo\u3000', 'ls\u2028', 'bom\ufeff', ' ', '   ']],
    ['lone surrogates', ['hi\ud800', '\udc00lo', 'a'.repeat(47) + '\ud83d', '\ud800'.repeat(60)]],
    ['empty names', ['', '', 'Only one']],
  ])('%s', (_, names) => {
    const d = named(names);
    expect(bytes(d).equals(reference(analyze(d)))).toBe(true);
  });

  it('equals the string writer on random hostile names', () => {
    const piece = fc.oneof(fc.constantFrom(...HOSTILE), fc.string({ unit: 'grapheme', maxLength: 8 }), fc.string({ unit: 'binary', maxLength: 6 }));
    const name = fc.array(piece, { maxLength: 14 }).map((p) => p.join(''));
    fc.assert(
      fc.property(fc.array(name, { minLength: 1, maxLength: 19 }), (names) => {
        const d = named(names);
        const got = bytes(d), want = reference(analyze(d));
        if (!got.equals(want)) expect(got.toString('utf8')).toBe(want.toString('utf8')); // shows the difference
        expect(got.equals(want)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('writes a table of many rows in chunks that are used again', () => {
    const d = generateGraph({ entities: 20_000, seed: 7, core: 0.2, depth: 5 });
    d.entities.forEach((e, i) => (e.name = i % 7 ? `Entity ${i} 😀 中` : `Plain ${i}`));
    expect(bytes(d).equals(reference(analyze(d)))).toBe(true);
  });
});

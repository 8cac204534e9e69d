// Declared indirect interests (analysis/declared.ts) in the live analysis the app reads for graphs analysed in the
// worker (issue 20 §1): on random documents with declared indirect interests, and after every step of random edits
// (holdings, declarations added, changed and removed, undo), what the app reads from the live summary — status,
// controllers, ultimate controllers and whether they are declared, group sizes, conferring holdings, exposure, loops —
// equals the full analysis.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyWithInverse, parseDoc, type Op, type OwnershipDoc, type Relation } from '../../src/model';
import { Analysis, viewOfSummary, type AnalysisSummary, type ControlView, type Rule } from '../../src/analysis';
import { LiveAnalysis } from '../../src/analysis/live';
import { docArb, opOf, opSeedArb } from './arbitraries';

/** What the app reads from a control view, entity by entity, in plain values. */
function shown(v: Pick<ControlView, 'groupSize' | 'conferring' | 'dependencies' | 'loops'> & { control: { get(id: string): unknown } }, doc: OwnershipDoc) {
  return {
    control: doc.entities.map((e) => {
      const c = v.control.get(e.id) as { status: string; parent: string[]; ultimate: string[]; ultimateDeclared?: true };
      return { id: e.id, status: c.status, parent: c.parent, ultimate: c.ultimate, declared: c.ultimateDeclared === true };
    }),
    groupSize: doc.entities.map((e) => v.groupSize(e.id)),
    conferring: [...v.conferring()].sort(),
    dependencies: { ...v.dependencies() },
    loops: v.loops,
  };
}
const ofSummary = (s: AnalysisSummary, doc: OwnershipDoc) => shown(viewOfSummary(s, doc.entities.map((e) => e.id), doc.holdings.map((h) => h.id)), doc);

/** A declared indirect interest: party, subject, figure, and intermediaries (or, `viaTops`, the subject's controllers by the records). */
const declArb = fc.record({
  p: fc.nat(), s: fc.nat(), x: fc.oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 51, max: 100 })), via: fc.array(fc.nat(), { maxLength: 2 }),
  viaTops: fc.oneof(fc.constant(true), fc.boolean()), person: fc.boolean(),
});
type Decl = { p: number; s: number; x: number; via: number[]; viaTops: boolean; person: boolean };

/** The relation `d` makes in `doc` (id `dr<k>`): a person or any entity declaring x% of a company through others. */
function relationOf(doc: OwnershipDoc, d: Decl, k: number, rule: Rule): Relation {
  const ids = doc.entities.map((e) => e.id);
  const persons = ids.filter((id) => id.startsWith('P'));
  const party = d.person && persons.length ? persons[d.p % persons.length] : ids[d.p % ids.length];
  const subject = ids[d.s % ids.length] === party ? ids[(d.s + 1) % ids.length] : ids[d.s % ids.length];
  const tops = d.viaTops ? new Analysis(doc, { rule }).entity(subject).ultimate : [];
  const through = tops.length ? tops : d.via.map((i) => ids[i % ids.length]);
  return { id: `dr${k}`, kind: d.x % 3 ? 'shareholding' : 'votingRights', party, subject, directOrIndirect: 'indirect', share: d.x, through } as Relation;
}

/** The random document with two persons (holding nothing), a dependency and the declarations. */
function withDeclared(doc: OwnershipDoc, decls: Decl[], rule: Rule): OwnershipDoc {
  const ids = doc.entities.map((e) => e.id);
  let out = parseDoc({
    ...doc,
    entities: [...doc.entities, { id: 'P1', name: 'Person 1', kind: 'person' }, { id: 'P2', name: 'Person 2', kind: 'person' }],
    dependencies: [{ id: 'd-1', provider: 'P1', client: ids[0], kind: 'it-operations' }, { id: 'd-2', provider: ids[1], client: ids[0], kind: 'cloud-hosting' }],
  });
  decls.forEach((d, k) => (out = { ...out, relations: [...(out.relations ?? []), relationOf(out, d, k, rule)] }));
  return parseDoc(out);
}

/** Edits of the declarations: one added or replaced (new figure, party or route), or one removed, or dated out. */
const declEditArb = fc.record({ kind: fc.nat(3), k: fc.nat(3), d: declArb });
function declOp(doc: OwnershipDoc, e: { kind: number; k: number; d: Decl }, rule: Rule): Op {
  const id = `dr${e.k}`;
  const has = (doc.relations ?? []).some((r) => r.id === id);
  if (e.kind === 0 || !has) return has ? { type: 'removeRelation', id } : { type: 'addRelation', relation: relationOf(doc, e.d, e.k, rule) };
  if (e.kind === 1) return { type: 'updateRelation', id, changes: { share: e.d.x, through: relationOf(doc, e.d, e.k, rule).through } };
  if (e.kind === 2) return { type: 'updateRelation', id, changes: { until: e.d.x % 2 ? '2023-01-01' : null } };
  return { type: 'removeRelation', id };
}

describe('live analysis with declared indirect interests', () => {
  it('shows what the full analysis gives after every edit and every undo', () => {
    let declaredTops = 0, steps = 0;
    const stepArb = fc.oneof(opSeedArb.map((seed) => ({ seed })), declEditArb.map((decl) => ({ decl })));
    fc.assert(
      fc.property(docArb, fc.constantFrom<Rule>('votes', 'legal', 'defacto'), fc.array(declArb, { minLength: 1, maxLength: 3 }), fc.array(fc.tuple(stepArb, fc.boolean()), { maxLength: 6 }), (start, rule, decls, edits) => {
        let doc = withDeclared(start, decls, rule);
        let live = new LiveAnalysis(doc, { rule });
        const check = (next: OwnershipDoc) => {
          steps++;
          if (!(live.fits(next, { rule }) && live.update(next))) live = new LiveAnalysis(next, { rule });
          const full = new Analysis(next, { rule });
          const want = shown(full, next);
          expect(ofSummary(live.summary(), next)).toEqual(want);
          if (want.control.some((c) => c.declared)) declaredTops++;
        };
        check(doc);
        for (const [step, undo] of edits) {
          const op = 'seed' in step ? opOf(doc, step.seed) : declOp(doc, step.decl, rule);
          let r: ReturnType<typeof applyWithInverse>;
          try {
            r = applyWithInverse(doc, op);
          } catch {
            continue; // refused: the document is unchanged
          }
          check(r.doc);
          if (undo) {
            check(applyWithInverse(r.doc, r.inverse).doc);
            check(r.doc);
          }
          doc = r.doc;
        }
      }),
      { numRuns: 150 },
    );
    // Declarations decided ultimate control in a fair share of the steps checked, about one in ten (not vacuous).
    expect(declaredTops).toBeGreaterThan(steps / 25);
  }, 60_000); // 150 random documents and edit sequences, each step against a full analysis: a few seconds idle
});

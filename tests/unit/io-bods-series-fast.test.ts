// The short ways a large register is read by (issue 20 §4) give what the general ways give: a relationship record of
// one statement cut into periods without rows or bundles (bodsSeries loneStatement) equals the general cut, on random
// interests; and a file read as it streams, in pieces of any size, gives the document the whole text gives.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readStatement, type ReadInterest } from '../../src/io/bodsRead';
import { relationshipSeries } from '../../src/io/bodsSeries';
import { importBods } from '../../src/io';
import { streamedImport } from '../../src/io/importFile';

const where = 'test: ';
const date = fc.option(fc.constantFrom('2010-01-01', '2015-06-30', '2020-01-01'), { nil: undefined });
const interest = fc.record({
  // Figures of few values and few types, so two interests of one statement often restate each other.
  type: fc.constantFrom('shareholding', 'shareholding', 'votingRights', 'appointmentOfBoard', 'settlor'),
  directOrIndirect: fc.option(fc.constantFrom('direct', 'indirect'), { nil: undefined, freq: 2 }),
  share: fc.option(fc.oneof(fc.record({ exact: fc.constantFrom(25, 50) }), fc.record({ minimum: fc.constant(10), maximum: fc.constant(20) })), { nil: undefined }),
  startDate: date,
  endDate: date,
}, { requiredKeys: ['type'] }).map((i) => {
  // An end before the start is refused by readInterests: swap them, so the generated statement is a valid one.
  if (i.startDate && i.endDate && i.endDate < i.startDate) return { ...i, startDate: i.endDate, endDate: i.startDate };
  return i;
});
const statement = fc.record({
  recordStatus: fc.constantFrom('new', 'updated'),
  statementDate: date,
  interests: fc.array(interest, { maxLength: 4 }),
});

/** What a series says, as plain values: each statement's interests in force with their dates and inferred marks. */
function cut(list: ReturnType<typeof readStatement>[], lone: boolean) {
  const inferred = new WeakSet<ReadInterest>();
  return relationshipSeries(list, where, inferred, lone).map((r) => ({
    index: r.st.index,
    read: r.read.map((x) => ({ ...x, raw: undefined })),
    interests: r.interests.map((x) => ({ ...x, raw: undefined, inferred: inferred.has(x) })),
  }));
}

describe('short ways of reading a large BODS file', () => {
  it('a relationship record of one statement is cut into the periods the general way gives', () => {
    fc.assert(fc.property(statement, (s) => {
      const raw = {
        statementId: 's1', recordId: 'r1', recordType: 'relationship', recordStatus: s.recordStatus,
        ...(s.statementDate ? { statementDate: s.statementDate } : {}),
        recordDetails: { subject: 'a', interestedParty: 'b', interests: s.interests },
      };
      const list = [readStatement(raw, 1, where)];
      expect(cut(list, true)).toEqual(cut(list, false));
    }), { numRuns: 1000 });
  });

  it('two periods of one figure in one statement are one period, as the general way reads them', () => {
    const figure = (startDate: string, endDate: string) => ({ type: 'shareholding', share: { exact: 25 }, startDate, endDate });
    const raw = {
      statementId: 's1', recordId: 'r1', recordType: 'relationship', recordStatus: 'new',
      recordDetails: { subject: 'a', interestedParty: 'b', interests: [figure('2010-01-01', '2015-06-30'), figure('2015-06-30', '2020-01-01')] },
    };
    const [row] = relationshipSeries([readStatement(raw, 1, where)], where, new WeakSet());
    expect(row.interests.map((x) => [x.since, x.until])).toEqual([['2010-01-01', '2020-01-01']]);
  });

  it('a file streamed in pieces of any size gives the document its whole text gives', () => {
    const statements = [
      { statementId: 'e', recordId: 'e', recordType: 'entity', recordStatus: 'new', statementDate: '2020-01-01', recordDetails: { entityType: { type: 'registeredEntity' }, name: 'Éclair Ltd' }, annotations: [{ motivation: 'commenting', description: 'a note' }] },
      { statementId: 'p', recordId: 'p', recordType: 'person', recordStatus: 'new', recordDetails: { personType: 'knownPerson', names: [{ type: 'legal', fullName: 'Zoë' }] }, source: { type: ['selfDeclaration'], description: 'Filing' } },
      { statementId: 'r', recordId: 'r', recordType: 'relationship', recordStatus: 'new', statementDate: '2020-01-01', recordDetails: { subject: 'e', interestedParty: 'p', interests: [{ type: 'shareholding', share: { exact: 60 }, startDate: '2019-01-01' }] } },
      { statementId: 'r2', recordId: 'r', recordType: 'relationship', recordStatus: 'updated', statementDate: '2022-01-01', recordDetails: { subject: 'e', interestedParty: 'p', interests: [{ type: 'shareholding', share: { exact: 70 }, startDate: '2022-01-01' }] } },
    ];
    const texts = [JSON.stringify(statements, null, 2), `${statements.map((s) => JSON.stringify(s)).join('\n')}\n`];
    const bytes = texts.map((t) => new TextEncoder().encode(t));
    fc.assert(fc.property(fc.constantFrom(0, 1), fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 8 }), (k, sizes) => {
      const whole = importBods(texts[k], { fileName: 'x.json' });
      const s = streamedImport('x.json', 'bods');
      for (let at = 0, n = 0; at < bytes[k].length; n++) {
        const size = sizes[n % sizes.length];
        s.push(bytes[k].subarray(at, at + size));
        at += size;
      }
      const streamed = s.finish();
      expect(streamed.doc).toEqual(whole.doc);
      expect(streamed.warnings).toEqual(whole.warnings);
    }), { numRuns: 60 });
  });
});

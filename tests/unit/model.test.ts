// The document model: parsing and validation with clear errors, and apply(doc, op) for every operation.
import { describe, expect, it } from 'vitest';
import { apply, emptyDoc, ModelError, parseDoc, type Op, type OwnershipDoc } from '../../src/model';
import { graph } from './helpers';

const base = () => graph([['a', 'y', 50], ['b', 'y', 30], ['p', 'a', 100, { since: '2020-01-01' }]], { kinds: { p: 'person' } });
const raw = (over: Record<string, unknown> = {}) => ({
  format: 'ownership-graph',
  version: 1,
  entities: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B' }],
  holdings: [{ id: 'h1', holder: 'a', subject: 'b', shares: 40 }],
  ...over,
});

describe('parseDoc', () => {
  it('keeps unknown fields, at the top and in records', () => {
    const doc = parseDoc(raw({ futureField: { x: 1 }, entities: [{ id: 'a', name: 'A', colour: 'red' }, { id: 'b', name: 'B' }] }));
    expect((doc as Record<string, unknown>).futureField).toEqual({ x: 1 });
    expect((doc.entities[0] as Record<string, unknown>).colour).toBe('red');
  });

  it.each([
    ['not JSON', '{"format": "owner', /not valid JSON/],
    ['another format', JSON.stringify({ format: 'bods' }), /not "ownership-graph"/],
    ['an array', '[]', /expected a JSON object/],
    ['shares above 100', raw({ holdings: [{ id: 'h1', holder: 'a', subject: 'b', shares: 140 }] }), /holdings\[0\] "h1" field "shares": must be at most 100/],
    ['a negative stake', raw({ holdings: [{ id: 'h1', holder: 'a', subject: 'b', shares: -5 }] }), /field "shares": must be at least 0/],
    ['a string stake', raw({ holdings: [{ id: 'h1', holder: 'a', subject: 'b', shares: '40' }] }), /field "shares"/],
    ['an unknown holder', raw({ holdings: [{ id: 'h1', holder: 'zz', subject: 'b', shares: 40 }] }), /holdings\[0\] "h1" field "holder" names unknown entity "zz"/],
    ['a duplicate id', raw({ entities: [{ id: 'a', name: 'A' }, { id: 'a', name: 'B' }], holdings: [] }), /entities\[1\] "a" is a duplicate id/],
    ['a duplicate holding id', raw({ holdings: [{ id: 'h1', holder: 'a', subject: 'b', shares: 10 }, { id: 'h22', holder: 'a', subject: 'b', shares: 10 }, { id: 'h1', holder: 'a', subject: 'b', shares: 10 }] }), /holdings\[2\] "h1" is a duplicate id/],
    ['a duplicate long holding id', raw({ holdings: [{ id: 'holding-00017', holder: 'a', subject: 'b', shares: 10 }, { id: 'holding-00071', holder: 'a', subject: 'b', shares: 10 }, { id: 'holding-00017', holder: 'a', subject: 'b', shares: 10 }] }), /holdings\[2\] "holding-00017" is a duplicate id/],
    ['a self-holding', raw({ holdings: [{ id: 'h1', holder: 'a', subject: 'a', shares: 40 }] }), /holding of an entity in itself/],
    ['a sum above 100%', raw({ holdings: [{ id: 'h1', holder: 'a', subject: 'b', shares: 60 }, { id: 'h2', holder: 'a', subject: 'b', shares: 50 }] }), /sum to 110% of shares/],
    ['an impossible date', raw({ holdings: [{ id: 'h1', holder: 'a', subject: 'b', shares: 40, since: '2024-02-30' }] }), /since": is not a real calendar date/],
    ['until before since', raw({ holdings: [{ id: 'h1', holder: 'a', subject: 'b', shares: 40, since: '2024-02-01', until: '2023-01-01' }] }), /until 2023-01-01 before since 2024-02-01/],
    ['seats above the board', raw({ entities: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B', boardSize: 3 }], holdings: [{ id: 'h1', holder: 'a', subject: 'b', shares: 40, boardSeats: 4 }] }), /4 appointed board seats but a board of 3/],
    ['an empty name', raw({ entities: [{ id: 'a', name: '  ' }, { id: 'b', name: 'B' }] }), /entities\[0\] "a" field "name": must not be empty/],
    ['a decision rule above 100', raw({ entities: [{ id: 'a', name: 'A' }, { id: 'b', name: 'B', decisionRule: { atLeast: 120 } }] }), /decisionRule/],
  ])('refuses %s with a message naming the record', (_label, input, message) => {
    expect(() => parseDoc(input)).toThrow(ModelError);
    expect(() => parseDoc(input)).toThrow(message);
  });

  it('accepts dated holdings that would exceed 100% only if they overlapped', () => {
    const doc = parseDoc(raw({ holdings: [
      { id: 'h1', holder: 'a', subject: 'b', shares: 65, until: '2024-09-02' },
      { id: 'h2', holder: 'a', subject: 'b', shares: 62.5, since: '2024-09-02' },
    ] }));
    expect(doc.holdings).toHaveLength(2);
  });

  it('keeps hostile strings as plain data', () => {
    const doc = parseDoc(raw({ entities: [{ id: 'a', name: '<img src=x onerror=alert(1)>' }, { id: 'b', name: '"; DROP TABLE x; --' }] }));
    expect(doc.entities[0].name).toBe('<img src=x onerror=alert(1)>');
  });
});

describe('apply', () => {
  const cases: [string, Op, (d: OwnershipDoc) => unknown, unknown][] = [
    ['addEntity', { type: 'addEntity', entity: { id: 'n', name: 'New', kind: 'fund' } }, (d) => d.entities.at(-1), { id: 'n', name: 'New', kind: 'fund' }],
    ['updateEntity (null clears)', { type: 'updateEntity', id: 'a', changes: { name: 'Alpha', kind: null, boardSize: 7 } }, (d) => d.entities.find((e) => e.id === 'a'), { id: 'a', name: 'Alpha', boardSize: 7 }],
    ['moveEntity', { type: 'moveEntity', id: 'a', position: { x: 3, y: 4 } }, (d) => d.entities.find((e) => e.id === 'a')!.position, { x: 3, y: 4 }],
    ['setHolding adds', { type: 'setHolding', holding: { id: 'hn', holder: 'p', subject: 'y', shares: 20 } }, (d) => d.holdings.length, 4],
    ['setHolding replaces', { type: 'setHolding', holding: { id: 'h0', holder: 'a', subject: 'y', shares: 60 } }, (d) => d.holdings.find((h) => h.id === 'h0')!.shares, 60],
    ['removeHolding', { type: 'removeHolding', id: 'h1' }, (d) => d.holdings.map((h) => h.id), ['h0', 'h2']],
    ['removeEntity removes its edges', { type: 'removeEntity', id: 'a' }, (d) => [d.entities.length, d.holdings.map((h) => h.id)], [3, ['h1']]],
    ['transfer to an existing holder', { type: 'transfer', seller: 'a', buyer: 'b', subject: 'y', points: 10 }, (d) => d.holdings.filter((h) => h.subject === 'y').map((h) => h.shares), [40, 40]],
    ['transfer to a new holder', { type: 'transfer', seller: 'a', buyer: 'p', subject: 'y', points: 5 }, (d) => d.holdings.find((h) => h.holder === 'p' && h.subject === 'y')!.shares, 5],
    ['transfer of a whole stake removes it', { type: 'transfer', seller: 'b', buyer: 'a', subject: 'y', points: 30 }, (d) => d.holdings.filter((h) => h.subject === 'y').map((h) => [h.holder, h.shares]), [['a', 80]]],
    ['buying from the unattributed remainder', { type: 'transfer', seller: 'float:y', buyer: 'b', subject: 'y', points: 20 }, (d) => d.holdings.find((h) => h.id === 'h1')!.shares, 50],
    ['selling to the remainder', { type: 'transfer', seller: 'b', buyer: 'float:y', subject: 'y', points: 10 }, (d) => d.holdings.find((h) => h.id === 'h1')!.shares, 20],
    ['batch', { type: 'batch', ops: [{ type: 'addEntity', entity: { id: 'q', name: 'Q' } }, { type: 'transfer', seller: 'a', buyer: 'q', subject: 'y', points: 1 }] }, (d) => d.holdings.at(-1)!.holder, 'q'],
    ['addDependency', { type: 'addDependency', dependency: { id: 'd1', provider: 'a', client: 'y', kind: 'cloud-hosting' } }, (d) => d.dependencies!.length, 1],
    ['addAgreement', { type: 'addAgreement', agreement: { id: 'ag', kind: 'control', parties: ['p'], subject: 'y' } }, (d) => d.agreements!.length, 1],
    ['addEvent', { type: 'addEvent', event: { id: 'ev', date: '2024-03-05', title: 'Guidance', entities: ['y'] } }, (d) => d.events![0].title, 'Guidance'],
  ];
  it.each(cases)('%s', (_label, op, read, expected) => {
    const doc = base();
    const before = JSON.stringify(doc);
    expect(read(apply(doc, op))).toEqual(expected);
    expect(JSON.stringify(doc)).toBe(before); // the input is never mutated
  });

  it.each([
    ['a stake that takes a company above 100%', { type: 'setHolding', holding: { id: 'h1', holder: 'b', subject: 'y', shares: 60 } }, /sum to 110% of shares/],
    ['a negative stake', { type: 'setHolding', holding: { id: 'h1', holder: 'b', subject: 'y', shares: -1 } }, /field "shares": must be at least 0/],
    ['a non-numeric stake', { type: 'setHolding', holding: { id: 'h1', holder: 'b', subject: 'y', shares: 'lots' as unknown as number } }, /field "shares"/],
    ['an empty name', { type: 'updateEntity', id: 'a', changes: { name: '' } }, /field "name": must not be empty/],
    ['a date that is not a date', { type: 'setHolding', holding: { id: 'h1', holder: 'b', subject: 'y', shares: 30, since: '31/12/2024' } }, /must be an ISO date/],
    ['selling more than held', { type: 'transfer', seller: 'b', buyer: 'a', subject: 'y', points: 31 }, /holds 30% of "y", less than 31/],
    ['an unknown buyer', { type: 'transfer', seller: 'b', buyer: 'zz', subject: 'y', points: 1 }, /buyer "zz" is not an entity/],
    ['zero points', { type: 'transfer', seller: 'b', buyer: 'a', subject: 'y', points: 0 }, /positive number/],
    ['NaN points', { type: 'transfer', seller: 'b', buyer: 'a', subject: 'y', points: NaN }, /positive number/],
    ['buying more than the remainder', { type: 'transfer', seller: 'float:y', buyer: 'a', subject: 'y', points: 21 }, /remainder of "y" is 20%/],
    ['a duplicate entity', { type: 'addEntity', entity: { id: 'a', name: 'A again' } }, /already exists/],
    ['a holding in itself', { type: 'setHolding', holding: { id: 'hx', holder: 'y', subject: 'y', shares: 1 } }, /of an entity in itself/],
    ['a batch failing halfway', { type: 'batch', label: 'two steps', ops: [{ type: 'removeHolding', id: 'h0' }, { type: 'removeHolding', id: 'nope' }] }, /no holding with id "nope" \(operation 2 of 2 in "two steps"\)/],
    ['a non-finite position', { type: 'moveEntity', id: 'a', position: { x: Infinity, y: 0 } }, /a coordinate is Infinity/],
  ] as [string, Op, RegExp][])('refuses %s and leaves the document unchanged', (_label, op, message) => {
    const doc = base();
    const before = JSON.stringify(doc);
    expect(() => apply(doc, op)).toThrow(message);
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('applies to an empty document', () => {
    const d = apply(emptyDoc(), { type: 'addEntity', entity: { id: 'x', name: 'X' } });
    expect(d.entities).toHaveLength(1);
  });
});

describe('transfer with separate votes', () => {
  it('moves votes in the seller’s proportion, keeping the subject’s total votes', () => {
    const doc = graph([['a', 'y', 40, { votes: 60 }], ['b', 'y', 30, { votes: 20 }]]);
    const d = apply(doc, { type: 'transfer', seller: 'a', buyer: 'b', subject: 'y', points: 20 });
    expect(d.holdings.map((h) => [h.holder, h.shares, h.votes])).toEqual([['a', 20, 30], ['b', 50, 50]]);
    const all = apply(doc, { type: 'transfer', seller: 'a', buyer: 'b', subject: 'y', points: 40 });
    expect(all.holdings.map((h) => [h.holder, h.shares, h.votes])).toEqual([['b', 70, 80]]);
  });
});

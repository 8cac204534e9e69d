// Far-away and non-finite positions: every way in (a file, a share link, an edit, the command line's export) refuses
// them with one message naming the entity, and label placement does bounded work per edge however long the edge.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { placeLabels } from '../../src/canvas/labelPlace';
import { runExport } from '../../src/cli/main';
import { decodeShareFragment, encodeShareFragment } from '../../src/io/shareLink';
import { apply, MAX_COORDINATE, parseDoc, type OwnershipDoc } from '../../src/model';

/** Three entities: `a` and `c` placed sensibly, `b` at `x` (text, so 1e999 can stand for Infinity). */
const text = (x: string) =>
  `{"format":"ownership-graph","version":1,"entities":[{"id":"a","name":"A","position":{"x":0,"y":0}},` +
  `{"id":"b","name":"B","position":{"x":${x},"y":5}},{"id":"c","name":"C"}],` +
  `"holdings":[{"id":"h","holder":"a","subject":"b","shares":60},{"id":"h2","holder":"b","subject":"c","shares":60}]}`;
const good = () => parseDoc(text('100'));

describe('positions far away or not finite', () => {
  it.each(['1e10', '-1e10', '1e308', '10000001'])('a file with x = %s is refused, naming the entity and the field', (x) => {
    expect(() => parseDoc(text(x))).toThrow(/entities\[1\] "b" field "position\.x": is .* farther than 10,000,000 from the origin — remove the position/);
    // The decoded value (no text) goes the same way, through the fast check and then the schema.
    expect(() => parseDoc(JSON.parse(text(x)))).toThrow(/entities\[1\] "b" field "position\.x"/);
  });

  it.each(['1e999', '-1e999'])('a file with x = %s (read as ±Infinity) is refused, naming the entity', (x) => {
    expect(() => parseDoc(text(x))).toThrow(/entities\[1\] "b" field "position\.x": must be a number/);
  });

  it('a coordinate at the limit is kept', () => {
    expect(parseDoc(text(String(MAX_COORDINATE))).entities[1].position).toEqual({ x: MAX_COORDINATE, y: 5 });
    expect(parseDoc(text(String(-MAX_COORDINATE))).entities[1].position).toEqual({ x: -MAX_COORDINATE, y: 5 });
  });

  it('a share link carrying one is refused', () => {
    const doc = good();
    const far = { ...doc, entities: doc.entities.map((e) => (e.id === 'b' ? { ...e, position: { x: 1e10, y: 0 } } : e)) } as OwnershipDoc;
    expect(() => decodeShareFragment(encodeShareFragment(far))).toThrow(/io\/share: .*"b" field "position\.x": is 10000000000, farther/);
  });

  it.each([
    [{ type: 'moveEntity', id: 'b', position: { x: 1e10, y: 0 } }, /position of "b": a coordinate is 10000000000, farther than/],
    [{ type: 'moveEntity', id: 'b', position: { x: 0, y: NaN } }, /position of "b": a coordinate must be a number/],
    [{ type: 'moveEntities', positions: { a: { x: 1, y: 1 }, c: { x: Infinity, y: 0 } } }, /position of "c": a coordinate is Infinity/],
  ])('the move %j is refused, naming the entity moved', (op, message) => {
    expect(() => apply(good(), op as never)).toThrow(message);
  });

  it('the command line refuses to export one (exit 2 with one line, nothing written)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'far-'));
    writeFileSync(join(dir, 'far.ownership.json'), text('1e308'));
    await expect(runExport([join(dir, 'far.ownership.json'), '--to', join(dir, 'far.svg')])).rejects.toThrow(/"b" field "position\.x": is 1e\+308, farther/);
  }, 30_000); // loads the drawing stack first: about 2 s idle, more under load
});

describe('label placement bounds its work per edge', () => {
  it('an edge a billion units long costs no more than a short one', () => {
    const line = (x2: number) => [{ x: 0, y: 0 }, { x: x2, y: 0 }];
    const item = { id: 'e', path: line(1e9), shapes: [{ w: 40, h: 14 }], rank: 0 };
    const other = { owner: 'f', path: [{ x: 0, y: 50 }, { x: 1e9, y: -50 }] };
    const spot = placeLabels([item], [], [{ owner: 'e', path: item.path }, other]).get('e')!;
    expect(spot.clear).toBe(true);
    expect(Math.abs(spot.x - 5e8)).toBeLessThan(1e8); // near its middle
  }, 2_000); // a few milliseconds; cutting the lines into 64-unit pieces took minutes and gigabytes
});

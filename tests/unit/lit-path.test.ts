// The lit path: control chains found parent by parent, and the canvas classes that light a path's entities and edges.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { controlChain, litPairs } from '../../src/analysis/litPath';
import { decorate } from '../../src/canvas/simMarks';
import { toElements } from '../../src/canvas/toElements';
import { graph } from './helpers';

const layers = { holdings: true, agreements: true, dependencies: true };

describe('controlChain', () => {
  // p → a 60%, a → b 70%, b → c 80%; q → c 20%; x holds nothing in the chain.
  const doc = graph([['p', 'a', 60], ['a', 'b', 70], ['b', 'c', 80], ['q', 'c', 20], ['x', 'q', 10]]);
  const a = analyze(doc, { rule: 'legal' });
  it.each([
    ['c', 'b', ['b', 'c']],
    ['c', 'p', ['p', 'a', 'b', 'c']],
    ['b', 'p', ['p', 'a', 'b']],
    ['c', 'c', ['c']],
    ['c', 'q', null],
    ['c', 'x', null],
  ])('chain of %s up to %s', (entity, controller, want) => {
    expect(controlChain(a.control, entity, controller)).toEqual(want);
  });
  it('follows joint controllers', () => {
    const j = graph([['m', 'z', 50], ['n', 'z', 50]], { agreements: [{ kind: 'joint-control', parties: ['m', 'n'], subject: 'z' }] });
    const aj = analyze(j, { rule: 'legal' });
    expect(aj.control.get('z')!.parent.sort()).toEqual(['m', 'n']);
    expect(controlChain(aj.control, 'z', 'n')).toEqual(['n', 'z']);
  });
});

describe('decorate with a lit path', () => {
  const doc = graph([['p', 'a', 60], ['a', 'b', 70], ['p', 'b', 10], ['q', 'a', 40]]);
  const els = toElements(doc, analyze(doc), { layers });
  const lit = decorate(els, { marks: null, focus: [], lens: null, lit: { paths: [['p', 'a', 'b']], label: 'P → A → B' } });
  const cls = (id: string) => lit.find((e) => e.data.id === id)!.classes.split(' ');
  it('lights the path entities and the edges stepping along it, in its direction only', () => {
    expect(['e:p', 'e:a', 'e:b'].map((id) => cls(id).includes('lit'))).toEqual([true, true, true]);
    expect(cls('h:h0')).toContain('lit'); // p → a
    expect(cls('h:h1')).toContain('lit'); // a → b
    expect(cls('h:h2')).toContain('lit-fade'); // p → b is not a step of the path
    expect(cls('e:q')).toContain('lit-fade');
    expect(cls('h:h3')).toContain('lit-fade');
  });
  it('draws nothing differently without one', () => {
    expect(decorate(els, { marks: null, focus: [], lens: null, lit: null })).toBe(els);
  });
  it('pairs are ordered holder → subject', () => {
    expect([...litPairs({ paths: [['p', 'a', 'b']], label: '' })]).toEqual(['p\u0000a', 'a\u0000b']);
  });
});

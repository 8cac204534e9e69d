// Focus mode's neighbourhood: k levels of owners above and of holdings below.
import { describe, expect, it } from 'vitest';
import { analyze, neighbourhood } from '../../src/analysis';
import { graph } from './helpers';

describe('neighbourhood', () => {
  const doc = graph([['p', 'a', 60], ['a', 'b', 60], ['b', 'c', 60], ['c', 'd', 60], ['q', 'b', 10]]);
  const s = analyze(doc).snap;
  it.each([
    [['b'], 1, 1, ['a', 'b', 'c', 'q']],
    [['b'], 2, 0, ['a', 'b', 'p', 'q']],
    [['b'], 0, 2, ['b', 'c', 'd']],
    [['p', 'd'], 1, 1, ['a', 'c', 'd', 'p']],
    [['nope'], 3, 3, []],
  ])('%j up %i down %i', (ids, up, down, expected) => {
    expect([...neighbourhood(s, ids, up, down)].sort()).toEqual(expected);
  });
});

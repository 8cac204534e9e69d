// Search finds an entity by its name, any other name (former, native script) or an identifier.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseDoc, type Entity } from '../../src/model';
import { foldForSearch, searchEntities } from '../../src/ui/searchEntities';

const ly = parseDoc(readFileSync(new URL('../../data/line-yahoo.ownership.json', import.meta.url), 'utf8'));

const tiny: Entity[] = [
  { id: 'a', name: 'Alpha Holdings', aliases: [{ name: 'Beta Corp', kind: 'former', until: '2020-01-01' }] },
  { id: 'b', name: 'Beta Trading' },
  { id: 'c', name: 'Gamma', identifiers: [{ scheme: 'LEI', id: '5299003FU7V4I45FU310' }] },
  { id: 'd', name: 'Ｄｅｌｔａ' },
];

describe('searchEntities', () => {
  it.each([
    ['beta', ['b', 'a']],            // a name that starts with it comes before another name that does
    ['alpha', ['a']],
    ['5299003FU7', ['c']],           // an identifier, by its start
    ['lei 5299', ['c']],             // scheme and identifier
    ['delta', ['d']],                // full-width letters fold (NFKC)
    ['  ', []],
  ])('%j finds %j', (q, ids) => {
    expect(searchEntities(tiny, q).map((m) => m.entity.id)).toEqual(ids);
  });

  it('says what matched when it was not the name', () => {
    expect(searchEntities(tiny, 'beta corp')[0]).toEqual({ entity: tiny[0], via: 'formerly Beta Corp' });
    expect(searchEntities(tiny, 'gamma')[0].via).toBeUndefined();
  });

  it.each([
    ['LINE Yahoo', 'ly'],
    ['Z Holdings', 'ly'],
    ['Yahoo', 'ly'],
    ['LINEヤフー', 'ly'],
    ['4689', 'ly'],
    ['네이버', 'naver'],
    ['035420', 'naver'],
    ['ソフトバンク', 'sbkk'],
  ])('the LY dataset: %j finds %s', (q, id) => {
    expect(searchEntities(ly.entities, q).map((m) => m.entity.id)).toContain(id);
  });

  it('folds case, width and spaces', () => {
    expect(foldForSearch('  ＬＩＮＥ   Yahoo ')).toBe('line yahoo');
    expect(foldForSearch('ﾔﾌｰ')).toBe('ヤフー');
  });
});

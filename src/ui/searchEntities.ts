// Finding entities by what a person types: the name, any other name (former, native script, trading) or an
// identifier (LEI, company number, listing code), compared after Unicode NFKC folding. Pure: no React, no store.
import type { Entity } from '../model';

/** One match: the entity, and what matched when it was not the name ("formerly Z Holdings Corporation"). */
export interface EntityMatch {
  entity: Entity;
  via?: string;
}

/**
 * NFKC folds full-width Latin and half-width kana to their usual forms ("ＬＩＮＥ" → "LINE"), then case and runs
 * of spaces, so "line  yahoo" finds "LINE Yahoo" and "ﾔﾌｰ" finds "ヤフー".
 */
export function foldForSearch(s: string): string {
  return s.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
}

const ALIAS_WORDS: Record<string, string> = { former: 'formerly', local: 'also', trading: 'trading as', other: 'also' };

type Key = [folded: string, via: string | undefined];

/** Folded keys per entity object: documents are immutable, so a register's 100k entities are folded once. */
const folded = new WeakMap<Entity, Key[]>();

/** Every text an entity can be found by, folded, with how to say it matched (undefined for the name itself). */
function keys(e: Entity): Key[] {
  let ks = folded.get(e);
  if (!ks) {
    ks = [[foldForSearch(e.name), undefined]];
    for (const a of e.aliases ?? []) ks.push([foldForSearch(a.name), `${ALIAS_WORDS[a.kind ?? 'other']} ${a.name}`]);
    for (const i of e.identifiers ?? []) {
      const how = `${i.scheme} ${i.id}`;
      ks.push([foldForSearch(i.id), how], [foldForSearch(how), how]);
    }
    folded.set(e, ks);
  }
  return ks;
}

/**
 * Up to `limit` entities for `query`: names that start with it first, then any name, other name or identifier
 * that starts with it, then those that contain it (or whose id equals it). Within each group, document order.
 */
export function searchEntities(entities: readonly Entity[], query: string, limit = 8): EntityMatch[] {
  const t = foldForSearch(query);
  if (!t) return [];
  const tiers: EntityMatch[][] = [[], [], []];
  for (const e of entities) {
    let best = 3, via: string | undefined;
    for (const [k, how] of keys(e)) {
      const tier = k.startsWith(t) ? (how === undefined ? 0 : 1) : k.includes(t) ? 2 : 3;
      if (tier < best) {
        best = tier;
        via = how;
      }
      if (best === 0) break;
    }
    if (best === 3 && e.id.toLowerCase() === t) best = 2;
    if (best < 3) tiers[best].push(via === undefined ? { entity: e } : { entity: e, via });
    if (tiers[0].length >= limit) break;
  }
  return tiers.flat().slice(0, limit);
}

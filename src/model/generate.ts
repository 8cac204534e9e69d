// A seeded generator of realistic synthetic ownership graphs, for benchmarks and the large samples: mostly
// trees and chains of subsidiaries under persons, funds and states, some 50/50 joint ventures and
// cross-holdings (cycles), widely held companies with thousands of small holders, and public floats.
// Records are handed to a sink as they are made (entities first, then holdings), so a writer can stream a
// million entities without holding the document; generateGraph collects them.
import type { Entity, EntityKind, Holding, OwnershipDoc } from './types';
import { CURRENT_VERSION } from './types';

export interface GenerateOptions {
  entities: number;
  seed?: number;
  /** Average holdings per entity (default 2.5). */
  holdingsPerEntity?: number;
}

/** mulberry32: a small, fast, seeded PRNG returning [0, 1). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JURISDICTIONS = ['JP', 'KR', 'US', 'GB', 'DE', 'FR', 'NL', 'SG', 'TW', 'LU'];
const SUFFIX = ['Holdings', 'Corp.', 'Ltd.', 'Capital', 'Group', 'Partners', 'Industries', 'Systems', 'Finance', 'Trading'];

/** Where generated records go, in order: every entity, then every holding. */
export interface GenerateSink {
  entity(e: Entity): void;
  holding(h: Holding): void;
}

/** The document fields other than the record lists. */
export function generatedHeader(opts: GenerateOptions) {
  const n = Math.max(2, Math.floor(opts.entities));
  return { format: 'ownership-graph' as const, version: CURRENT_VERSION, title: `Generated graph: ${n.toLocaleString('en')} entities (seed ${opts.seed ?? 1})`, asOf: '2025-01-01' };
}

/** Generates a valid document with `entities` entities and about `holdingsPerEntity` holdings each. */
export function generateGraph(opts: GenerateOptions): OwnershipDoc {
  const entities: Entity[] = [];
  const holdings: Holding[] = [];
  generateRecords(opts, { entity: (e) => entities.push(e), holding: (h) => holdings.push(h) });
  return { ...generatedHeader(opts), entities, holdings, agreements: [], dependencies: [], events: [] };
}

/** Generates the records of `generateGraph(opts)` into `sink`; only per-entity typed arrays are kept. */
export function generateRecords(opts: GenerateOptions, sink: GenerateSink): void {
  const n = Math.max(2, Math.floor(opts.entities));
  const rand = rng(opts.seed ?? 1);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const targetEdges = Math.round(n * (opts.holdingsPerEntity ?? 2.5));
  const round2 = (x: number) => Math.round(x * 100) / 100;

  const kinds: EntityKind[] = [];
  for (let i = 0; i < n; i++) {
    const r = rand();
    kinds.push(r < 0.2 ? 'person' : r < 0.23 ? 'fund' : r < 0.235 ? 'state' : r < 0.25 ? 'float' : 'company');
  }
  kinds[0] = 'company';
  const companies: number[] = [], owners: number[] = [], floats: number[] = [];
  kinds.forEach((kind, i) => {
    sink.entity({
      id: `e${i}`,
      name: kind === 'person' ? `Person ${i}` : kind === 'float' ? `Public float ${i}` : kind === 'state' ? `State holder ${i}` : kind === 'fund' ? `Fund ${i}` : `Company ${i} ${SUFFIX[i % SUFFIX.length]}`,
      kind,
      jurisdiction: pick(JURISDICTIONS),
    });
    if (kind === 'company') companies.push(i);
    else if (kind === 'float') floats.push(i);
    else owners.push(i);
  });

  const room = new Float64Array(n).fill(100); // shares still unallocated per subject
  const pairs = new Set<number>(); // holder · n + subject (exact below 2⁵³)
  let made = 0;
  const hold = (holder: number, subject: number, shares: number) => {
    shares = round2(Math.min(shares, room[subject]));
    const key = holder * n + subject;
    if (holder === subject || shares <= 0 || pairs.has(key)) return false;
    pairs.add(key);
    room[subject] = round2(room[subject] - shares);
    sink.holding({ id: `h${made++}`, holder: `e${holder}`, subject: `e${subject}`, shares });
    return true;
  };

  // 1. Trees and chains: each company gets a controlling parent among earlier companies, or tops a group.
  for (let k = 0; k < companies.length; k++) {
    const c = companies[k];
    if (k === 0 || rand() < 0.12) {
      if (owners.length) hold(pick(owners), c, 10 + rand() * 50);
      continue;
    }
    const window = Math.min(k, 40); // recent companies: deep chains and bushy trees
    const parent = companies[k - 1 - Math.floor(rand() * window)];
    if (rand() < 0.03 && k > 2) {
      const other = companies[Math.floor(rand() * k)];
      if (other !== parent) {
        hold(parent, c, 50);
        hold(other, c, 50);
        continue;
      }
    }
    const r = rand();
    hold(parent, c, r < 0.5 ? 100 : r < 0.8 ? 51 + rand() * 44 : 30 + rand() * 21);
  }
  // 2. Widely held companies: thousands of small holders.
  const wide = Math.max(1, Math.floor(companies.length / 4000));
  for (let w = 0; w < wide && owners.length; w++) {
    const c = companies[Math.floor(rand() * companies.length)];
    const count = Math.min(3000, Math.floor(n / 8));
    for (let j = 0; j < count && room[c] > 0.05 && made < targetEdges; j++) hold(pick(owners), c, 0.01 + rand() * 0.02);
  }
  // 3. Cross-holdings (some close cycles) and minority stakes until the edge budget is spent.
  let guard = targetEdges * 20;
  while (made < targetEdges && guard-- > 0) {
    const k = Math.floor(rand() * companies.length);
    const subject = companies[k];
    if (room[subject] < 0.5) continue;
    const r = rand();
    // Cross-holdings stay local (sister companies, keiretsu-style), so cycles are small as in real registers.
    const near = companies[Math.min(companies.length - 1, Math.max(0, k + Math.floor((rand() - 0.5) * 30)))];
    const holder = r < 0.04 ? near : r < 0.14 && floats.length ? pick(floats) : owners.length ? pick(owners) : near;
    hold(holder, subject, r < 0.25 ? Math.min(room[subject], 5 + rand() * 30) : 0.1 + rand() * Math.min(10, room[subject]));
  }
}

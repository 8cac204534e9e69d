// A seeded generator of realistic synthetic ownership graphs, for benchmarks and the large samples: mostly
// trees and chains of subsidiaries under persons, funds and states, some 50/50 joint ventures and
// cross-holdings (cycles), widely held companies with thousands of small holders, and public floats; on request
// chains of a given length and a strongly connected core (a fraction of companies linked by stakes back up the order).
// Records are handed to a sink as they are made (entities first, then holdings), so a writer can stream a
// million entities without holding the document; generateGraph collects them.
import type { Entity, EntityKind, Holding, OwnershipDoc } from './types';
import { CURRENT_VERSION } from './types';

export interface GenerateOptions {
  entities: number;
  seed?: number;
  /** Average holdings per entity (default 2.5). */
  holdingsPerEntity?: number;
  /**
   * Fraction of companies (0–1) in one strongly connected core: a run of consecutive companies, each holding a small
   * stake back up the order in the one before it, the first in the last (as when companies hold back up their chain).
   */
  core?: number;
  /** Chain length: companies come in chains of this many, each held by the one before (default: bushy trees of depth ~40). */
  depth?: number;
  /** Widely held companies, each with up to 3,000 small holders (default one per 4,000 companies). */
  wide?: number;
}

/** The largest document generateRecords makes. */
export const MAX_GENERATED = 10_000_000;

/** A set of holder · n + subject pairs in one typed table (a JS Set holds at most 2²⁴ entries; 10M entities need more). */
class PairSet {
  private keys: Float64Array;
  private mask: number;
  constructor(expected: number) {
    let size = 1024;
    while (size < expected * 2) size *= 2;
    this.keys = new Float64Array(size).fill(-1);
    this.mask = size - 1;
  }
  /** Adds `key` (≥ 0); false when it was there already. */
  add(key: number): boolean {
    let i = (Math.imul(key % 4294967291 | 0, 0x9e3779b1) ^ Math.floor(key / 4294967291)) & this.mask;
    for (;;) {
      const k = this.keys[i];
      if (k === key) return false;
      if (k === -1) {
        this.keys[i] = key;
        return true;
      }
      i = (i + 1) & this.mask;
    }
  }
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
  const n = Math.max(2, Math.min(MAX_GENERATED, Math.floor(opts.entities)));
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
  const pairs = new PairSet(targetEdges + n); // holder · n + subject (exact below 2⁵³)
  let made = 0;
  const hold = (holder: number, subject: number, shares: number) => {
    shares = round2(Math.min(shares, room[subject]));
    const key = holder * n + subject;
    if (holder === subject || shares <= 0 || !pairs.add(key)) return false;
    room[subject] = round2(room[subject] - shares);
    sink.holding({ id: `h${made++}`, holder: `e${holder}`, subject: `e${subject}`, shares });
    return true;
  };

  // 0. The core (only when asked for): a run of consecutive companies in the middle of the order, each holding a small
  // stake in the one before it and the first in the last. Chains and trees only go forward in the order, so the core
  // is strongly connected and about that size; it holds and is held by the rest through the chains.
  if (opts.core && opts.core > 0) {
    const size = Math.round(Math.min(1, opts.core) * companies.length);
    const from = Math.floor((companies.length - size) / 2);
    const ring = companies.slice(from, from + size);
    for (let j = 0; ring.length > 1 && j < ring.length; j++) hold(ring[j], ring[(j + ring.length - 1) % ring.length], 0.5 + rand() * 4.5);
  }
  // 1. Trees and chains: each company gets a controlling parent among earlier companies, or tops a group.
  const depth = opts.depth && opts.depth > 0 ? Math.floor(opts.depth) : 0;
  for (let k = 0; k < companies.length; k++) {
    const c = companies[k];
    if (depth ? k % depth === 0 : k === 0 || rand() < 0.12) {
      if (owners.length) hold(pick(owners), c, 10 + rand() * 50);
      continue;
    }
    const window = Math.min(k, 40); // recent companies: deep chains and bushy trees
    const parent = depth ? companies[k - 1] : companies[k - 1 - Math.floor(rand() * window)];
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
  const wide = opts.wide !== undefined ? Math.max(0, Math.floor(opts.wide)) : Math.max(1, Math.floor(companies.length / 4000));
  for (let w = 0; w < wide && owners.length; w++) {
    let c = companies[Math.floor(rand() * companies.length)];
    // A count asked for is honoured: a company with room for small holders is sought (the default keeps its first draw).
    for (let tries = 0; opts.wide !== undefined && room[c] < 20 && tries < 1000; tries++) c = companies[Math.floor(rand() * companies.length)];
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

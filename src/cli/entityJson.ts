// One entity of `analyze --json` / `--jsonl` written as UTF-8 bytes (FORMAT.md): status, parent, ultimate, the
// look-through and ultimate-owner maps cut at --min-stake (the rest of the owners summed in "others"; cli/mapJson.ts),
// power indices where the game has at most 64 blocks (or the entity was named), and the explanation.
import { controlCertainty, type Analysis, type Certainty, type Status } from '../analysis';
import { lookThroughWalk } from '../analysis/lookThrough';
import { declaredShift, prepareDeclared, type DeclaredShift } from '../analysis/declared';
import type { ByteOut } from './byteOut';
import { ExplanationWriter } from './explanationJson';
import { MapWriter } from './mapJson';

/**
 * Flow a look-through walk of every entity may leave unpushed (a fraction: 10⁻⁵ is 0.001 point): each ultimate owner's
 * figure is within it of the exact solve, ten times inside the 0.01 point the output promises. On a register with a
 * strongly connected core, 10⁻⁵ walks a quarter fewer entities than 10⁻⁶ and lists the same owners.
 */
export const BULK_TOLERANCE = 1e-5;

/** Power indices are given for games of at most this many blocks (or for entities named with --entity). */
export const POWER_MAX_BLOCKS = 64;

const round = (x: number, digits = 9) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Keys an object lists first, in numeric order: canonical array indices ("0", "17", below 2³² − 1). */
const INDEX_LIKE = /^(?:0|[1-9]\d{0,9})$/;

/** The text that opens an entity's fields, by status (no string made per entity). */
const STATUS: Record<Status, string> = {
  independent: '"status":"independent","parent":',
  controlled: '"status":"controlled","parent":',
  joint: '"status":"joint","parent":',
  circular: '"status":"circular","parent":',
};

/**
 * Writes entities' fields; `minStake` in percentage points; `full` (named entities): power whatever the game's size
 * and every owner, from an exact walk.
 */
export class EntityWriter {
  /** Keys and the maps of a register (cli/mapJson.ts). */
  readonly maps: MapWriter;
  /**
   * Whether every entity's maps come from the pass over the condensation (`maps.bulk`: a register, no entity named,
   * no declared indirect interest), so that they may be written apart from the rest (cli/mapWorker.ts).
   */
  readonly bulk: boolean;
  private upKey = new Int32Array(1024);
  private upVal = new Float64Array(1024);
  private ownKey = new Int32Array(1024); // entity index; −1 − v for the unattributed remainder of v
  private ownVal = new Float64Array(1024);
  private min: number;

  private certainty: Map<string, Certainty>;

  constructor(private a: Analysis, minStake: number, private full: boolean) {
    this.certainty = controlCertainty(a.doc, a);
    this.maps = new MapWriter(a.snap, minStake);
    this.min = this.maps.min;
    this.bulk = !full && !prepareDeclared(a.snap).length;
  }

  /** Writes the JSON text of a key: entity v (k = v), or the remainder `float:<id of v>` (k = n + v). */
  key(o: ByteOut, k: number): void {
    this.maps.keys.key(o, k);
  }

  /** Writes a list of entities as a JSON array of their ids (as JSON.stringify writes it). */
  private list(o: ByteOut, vs: readonly number[]): void {
    o.char(91);
    for (let i = 0; i < vs.length; i++) {
      if (i) o.char(44);
      this.key(o, vs[i]);
    }
    o.char(93);
  }

  /** Writes the fields of entity v (without braces). */
  fields(o: ByteOut, v: number): void {
    this.head(o, v);
    if (this.bulk) this.maps.bulk(o, v);
    else this.walked(o, v);
    this.rest(o, v);
  }

  /** The fields before the maps, and the comma after them. */
  head(o: ByteOut, v: number): void {
    const a = this.a;
    o.str(STATUS[a.statusAt(v)]);
    this.list(o, a.parentsAt(v));
    o.str(',"ultimate":');
    this.list(o, a.ultimatesAt(v));
    o.str(a.ultimateDeclaredAt(v) ? ',"ultimateDeclared":true,' : ',');
  }

  /**
   * The maps of a named entity (every owner, exact), or of any entity where declared indirect interests shift the
   * figures (analysis/declared.ts), from a walk of its own.
   */
  private walked(o: ByteOut, v: number): void {
    const s = this.a.snap;
    // Declared indirect interests are made ready before the walk (they run walks of their own).
    const prepared = prepareDeclared(s);
    const walk = lookThroughWalk(s, v, this.full ? 0 : BULK_TOLERANCE);
    if (!walk.ok) o.str(`"lookThrough":null,"ultimateOwners":null,"unavailable":${JSON.stringify(`closed ownership loop: ${walk.loop.join(', ')}`)}`);
    else {
      const shift = declaredShift(s, prepared, v, walk.nodes, walk.m);
      const { nodes, m } = walk;
      if (this.upKey.length < nodes.length) {
        const size = Math.max(nodes.length, this.upKey.length * 2);
        this.upKey = new Int32Array(size);
        this.upVal = new Float64Array(size);
        this.ownKey = new Int32Array(size);
        this.ownVal = new Float64Array(size);
      }
      const { upKey, upVal, ownKey, ownVal, min } = this;
      let ups = 0, owns = 0, listed = 0, cut = walk.dropped > 0;
      if (shift) ({ ups, owns, listed, cut } = this.gatherShifted(v, nodes, m, shift, cut));
      else for (let q = 0; q < nodes.length; q++) {
        const u = nodes[q];
        const mu = m[u];
        if (!(mu > 1e-12)) continue;
        if (u !== v) {
          const k = Math.round(mu * 100 * 1e6);
          if (k >= min && k > 0) {
            upKey[ups] = u;
            upVal[ups++] = k;
          }
        }
        let key: number, x: number;
        if (s.holderCount[u] === 0) {
          key = u;
          x = u === v ? 1 : mu;
        } else {
          const rem = 1 - s.heldShares[u];
          if (!(rem > 1e-9)) continue;
          key = -1 - u;
          x = rem * mu;
        }
        const k = Math.round(x * 100 * 1e6);
        if (k >= min && k > 0) {
          ownKey[owns] = key;
          ownVal[owns++] = k;
          listed += k;
        } else cut = true;
      }
      o.str('"lookThrough":');
      // this.*: gatherShifted may have grown the scratch.
      this.maps.map(o, this.upKey, this.upVal, ups, 0);
      o.str(',"ultimateOwners":');
      this.maps.map(o, this.ownKey, this.ownVal, owns, cut ? Math.max(0, 100e6 - listed) : 0);
      if (shift) {
        const declared: Record<string, number> = Object.create(null);
        for (const [u, x] of shift.declared) declared[s.ids[u]] = Math.round(x * 100 * 1e6) / 1e6;
        o.str(`,"declared":${JSON.stringify(declared)}`);
      }
    }
  }

  /** Power, explanation and certainty: the fields after the maps. */
  rest(o: ByteOut, v: number): void {
    const a = this.a;
    o.str(',"power":');
    const game = a.gameAt(v, this.full ? Infinity : POWER_MAX_BLOCKS);
    if (game) this.power(o, game);
    else o.str('null');
    o.str(',"explanation":');
    (this.explanations ??= new ExplanationWriter(a)).write(o, v);
    // Only where published bands make control uncertain (analysis/certainty.ts); most registers have none.
    const sure = this.certainty.size ? this.certainty.get(a.snap.ids[v]) : undefined;
    if (sure) o.str(`,"certainty":${JSON.stringify(sure)}`);
  }

  /** Explanations, each line encoded once (cli/explanationJson.ts). */
  private explanations?: ExplanationWriter;

  /**
   * Fills the look-through and owner scratch as the plain loop in `fields` does, from the walk's figures with the
   * declared indirect interests' shift applied (analysis/declared.ts): only entities a declaration reaches come here.
   */
  private gatherShifted(v: number, nodes: Int32Array, m: Float64Array, shift: DeclaredShift, cutBefore: boolean) {
    const s = this.a.snap;
    const up = new Map<number, number>(), own = new Map<number, number>();
    for (const u of nodes) {
      const mu = m[u];
      if (!(mu > 1e-12)) continue;
      if (u !== v) up.set(u, mu);
      if (s.holderCount[u] === 0) own.set(u, u === v ? 1 : mu);
      else if (1 - s.heldShares[u] > 1e-9) own.set(-1 - u, (1 - s.heldShares[u]) * mu);
    }
    for (const [u, x] of shift.upstream) if (u !== v) up.set(u, (up.get(u) ?? 0) + x);
    for (const [k, x] of shift.owners) own.set(k, (own.get(k) ?? 0) + x);
    const size = Math.max(up.size, own.size);
    if (this.upKey.length < size) {
      this.upKey = new Int32Array(size);
      this.upVal = new Float64Array(size);
      this.ownKey = new Int32Array(size);
      this.ownVal = new Float64Array(size);
    }
    let ups = 0, owns = 0, listed = 0, cut = cutBefore;
    for (const [u, x] of up) {
      const k = Math.round(x * 100 * 1e6);
      if (k >= this.min && k > 0) {
        this.upKey[ups] = u;
        this.upVal[ups++] = k;
      }
    }
    for (const [key, x] of own) {
      if (!(x > 1e-12)) continue;
      const k = Math.round(x * 100 * 1e6);
      if (k >= this.min && k > 0) {
        this.ownKey[owns] = key;
        this.ownVal[owns++] = k;
        listed += k;
      } else cut = true;
    }
    return { ups, owns, listed, cut };
  }

  /**
   * The power indices as two objects keyed by block id, as JSON.stringify(Object.fromEntries(…)) writes them: written
   * by hand from the game's columns (a hundred thousand games, no player made), except where an id reads as an array
   * index, which objects list first.
   */
  private power(o: ByteOut, game: Game) {
    const { blocks, indices, order } = game;
    const { banzhaf, shapleyShubik: ss } = indices;
    if (!order.length) {
      o.str('{"banzhaf":{},"shapleyShubik":{}}');
      return;
    }
    // Running ids behind a prefix with a letter in it never read as an array index.
    const ids = this.a.snap.ids;
    if (!this.maps.keys.letterPrefix && order.some((i) => INDEX_LIKE.test(ids[blocks[i].id]))) {
      const entries = (x: (i: number) => number | null) => JSON.stringify(Object.fromEntries(order.map((i) => [ids[blocks[i].id], x(i)])));
      o.str(`{"banzhaf":${entries((i) => round(banzhaf[i]))},"shapleyShubik":${entries((i) => (ss ? round(ss[i]) : null))}}`);
      return;
    }
    o.str('{"banzhaf":{');
    for (let k = 0; k < order.length; k++) {
      if (k) o.char(44);
      this.key(o, blocks[order[k]].id);
      o.char(58);
      this.figure(o, banzhaf[order[k]]);
    }
    o.str('},"shapleyShubik":{');
    for (let k = 0; k < order.length; k++) {
      if (k) o.char(44);
      this.key(o, blocks[order[k]].id);
      o.char(58);
      this.figure(o, ss ? ss[order[k]] : null);
    }
    o.str('}}');
  }

  /** The text of power indices met so far (a register's games give the same few fractions over and over). */
  private figures = new Map<number, string>();

  /** Writes a power index as JSON.stringify writes it rounded to 9 decimals. */
  private figure(o: ByteOut, x: number | null): void {
    // A sole or powerless block (most games) without a number made into a string.
    if (x === 1 || x === 0) o.char(x === 1 ? 49 : 48);
    else if (x === null || !Number.isFinite(x)) o.str('null');
    else {
      let text = this.figures.get(x);
      if (text === undefined) {
        text = String(round(x));
        if (this.figures.size < 1 << 16) this.figures.set(x, text);
      }
      o.str(text);
    }
  }
}

/** A voting game as Analysis.gameAt gives it. */
type Game = NonNullable<ReturnType<Analysis['gameAt']>>;


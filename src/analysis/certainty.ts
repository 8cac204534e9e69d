// Certain or only possible control where figures are published as bands (UK PSC "25–50%"). Pure.
//
// Method (analysis at the bounds): the analysed point of a band (io/bodsBands.ts) is one point; control found there
// may not hold elsewhere in the bands. For a company Y with banded holdings in force:
// - Y controlled by P through votes: P's block (P and every holder P controls) is taken at its lower bounds. If it
//   passes Y's decision rule there, it passes at every point of the bands (a block only grows above its lower
//   bounds), so control is **certain**; under de facto, also certain when that lower block is ≥ τ and above every
//   other block at its upper bounds. Otherwise control is only **possible**.
// - Y not controlled by anyone alone: each block is taken at its upper bounds (capped by what the others' lower
//   bounds leave). A block that passes the rule there **possibly** controls Y.
// - Control by agreement or board is certain (it does not rest on the figures). Control through a parent whose
//   own control is only possible is only possible.
// Bounds are exclusive where the band says so ("more than 25%"), so a block of exactly the threshold counts right.
import { inForce, rangeOf, type OwnershipDoc } from '../model';
import type { Analysis } from './analyze';
import { passes, ruleOf } from './decisionRule';
import { usesThreshold } from './rules';

/** Whether control of an entity holds at every point of the bands, and who could control it. */
export interface Certainty {
  control: 'certain' | 'possible';
  /** The controller(s) the word applies to: the parent found at the analysed point, or who could control. */
  controllers: string[];
  note: string;
}

const TINY = 1e-6;

interface Bound { holder: string; low: number; high: number; lowOpen?: boolean }

/** The control certainty of every entity touched by bands (directly or through its controllers); others are absent. */
export function controlCertainty(doc: OwnershipDoc, a: Analysis): Map<string, Certainty> {
  const date = a.options.date;
  const out = new Map<string, Certainty>();
  // Nearly every register has no bands: then nothing is uncertain, found in one pass that allocates nothing.
  let anyBand = false;
  for (const h of doc.holdings) if ((h.sharesRange || h.votesRange) && inForce(h, date) && rangeOf(h, 'votes')) { anyBand = true; break; }
  if (!anyBand) return out;
  const bySubject = new Map<string, Bound[]>();
  const banded = new Set<string>();
  for (const h of doc.holdings) {
    if (!inForce(h, date)) continue;
    const r = rangeOf(h, 'votes');
    const v = h.votes ?? h.shares;
    const b: Bound = r ? { holder: h.holder, low: r.min + (r.minExclusive ? TINY : 0), high: r.max - (r.maxExclusive ? TINY : 0), lowOpen: r.minExclusive } : { holder: h.holder, low: v, high: v };
    if (r) banded.add(h.subject);
    const list = bySubject.get(h.subject);
    if (list) list.push(b); else bySubject.set(h.subject, [b]);
  }
  if (!banded.size) return out;
  const byId = new Map(doc.entities.map((e) => [e.id, e]));
  const name = (id: string) => byId.get(id)?.name ?? id;
  const top = (id: string): string => {
    let x = id;
    for (let i = 0; i < 10_000; i++) {
      const c = a.control.get(x);
      if (!c || c.status !== 'controlled' || c.parent.length !== 1) return x;
      x = c.parent[0];
    }
    return x;
  };
  const controls = (p: string, z: string): boolean => {
    let x = z;
    for (let i = 0; i < 10_000; i++) {
      if (x === p) return true;
      const c = a.control.get(x);
      if (!c || c.status !== 'controlled' || c.parent.length !== 1) return false;
      x = c.parent[0];
    }
    return false;
  };
  for (const y of banded) {
    const entity = byId.get(y);
    const c = a.control.get(y);
    if (!entity || !c) continue;
    const rule = ruleOf(entity.decisionRule);
    const bounds = bySubject.get(y)!;
    const lowOthers = (inBlock: (b: Bound) => boolean) => bounds.filter((b) => !inBlock(b)).reduce((s, b) => s + b.low, 0);
    if (c.status === 'controlled' && c.parent.length === 1) {
      const p = c.parent[0];
      const kind = c.reason.kind;
      if (kind === 'agreement' || kind === 'board') {
        out.set(y, { control: 'certain', controllers: [p], note: `${name(p)} controls ${entity.name} by ${kind === 'board' ? 'board appointments' : 'agreement'}, whatever the bands` });
        continue;
      }
      const inP = (b: Bound) => controls(p, b.holder);
      const low = bounds.filter(inP).reduce((s, b) => s + b.low, 0);
      const least = `${bounds.some((b) => inP(b) && b.lowOpen) ? 'more than' : 'at least'} ${fmt(low)}`;
      let certain = passes(rule, low / 100);
      if (!certain && usesThreshold(a.options.rule)) {
        const others = new Map<string, number>();
        const room = 100 - low;
        for (const b of bounds) if (!inP(b)) others.set(top(b.holder), (others.get(top(b.holder)) ?? 0) + b.high);
        const rival = Math.min(room, Math.max(0, ...others.values()));
        certain = low >= a.options.threshold && low > rival;
      }
      out.set(y, certain
        ? { control: 'certain', controllers: [p], note: `${name(p)} controls ${entity.name} at every point of the bands (${least} of the votes)` }
        : { control: 'possible', controllers: [p], note: `${name(p)} controls ${entity.name} at the analysed point but not at every point of the bands (${fmt(low)} of the votes at the lower bounds)` });
      continue;
    }
    const blocks = new Map<string, Bound[]>();
    for (const b of bounds) {
      const k = top(b.holder);
      const list = blocks.get(k);
      if (list) list.push(b); else blocks.set(k, [b]);
    }
    const could: string[] = [];
    for (const [k, list] of blocks) {
      if (byId.get(k)?.kind === 'float') continue;
      const high = Math.min(list.reduce((s, b) => s + b.high, 0), 100 - lowOthers((b) => list.includes(b)));
      if (passes(rule, high / 100)) could.push(k);
    }
    if (could.length) out.set(y, { control: 'possible', controllers: could.sort(), note: `nobody controls ${entity.name} at the analysed point, but within the bands ${could.map(name).join(' or ')} could` });
  }
  // Control through a parent whose own control is only possible is only possible.
  if (![...out.values()].some((x) => x.control === 'possible')) return out;
  for (const [id, c] of a.control) {
    if (c.status !== 'controlled' || out.get(id)?.control === 'possible') continue;
    let x = c.parent[0];
    for (let i = 0; x && i < 10_000; i++) {
      const up = out.get(x);
      if (up?.control === 'possible' && a.control.get(x)?.status === 'controlled') {
        out.set(id, { control: 'possible', controllers: c.ultimate, note: `${name(id)}'s ultimate control runs through ${name(x)}, whose control is only possible within the bands` });
        break;
      }
      const pc = a.control.get(x);
      if (!pc || pc.status !== 'controlled') break;
      x = pc.parent[0];
    }
  }
  return out;
}

function fmt(x: number): string {
  return `${Math.round(x * 100) / 100}%`;
}

// Pure: what a large group's view leaves out — holdings under a stake threshold (with each company whose smaller
// holders are hidden marked "+12 holders under 5%") and the subsidiaries of collapsed companies (the collapsed node
// marked with their count) — as the entities to hide, the holdings to hide and a note per marked entity.
import type { AnalysisView } from '../analysis';
import { inForce, type OwnershipDoc } from '../model';

/** The large-group settings of the view: show holdings from `minStake` % (0 = all); the companies collapsed. */
export interface PruneSettings {
  minStake: number;
  collapsed: readonly string[];
}

export interface Pruned {
  /** Entities not drawn. */
  hide: Set<string>;
  /** Holdings not drawn (under the threshold). */
  hideHoldings: Set<string>;
  /** A line added under an entity's name: "+12 holders under 5%", "▸ 14 subsidiaries". */
  notes: Map<string, string>;
}

const pctWords = (x: number) => `${Number.isInteger(x) ? x : x.toFixed(2)}%`;

/** The entities each collapsed company controls, directly or through others (parent links followed downward). */
export function subsidiaries(control: AnalysisView['control'], of: string): string[] {
  const children = new Map<string, string[]>();
  for (const [id, c] of control) for (const p of c.parent) {
    const list = children.get(p);
    if (list) list.push(id); else children.set(p, [id]);
  }
  const seen = new Set<string>([of]);
  const out: string[] = [];
  for (let queue = [of]; queue.length; ) {
    const v = queue.pop()!;
    for (const c of children.get(v) ?? []) if (!seen.has(c)) { seen.add(c); out.push(c); queue.push(c); }
  }
  return out;
}

/** What to leave out of the drawing of `doc` under `settings`; nothing when both are off. */
export function prune(doc: OwnershipDoc, analysis: Pick<AnalysisView, 'control' | 'options'>, settings: PruneSettings): Pruned {
  const hide = new Set<string>(), hideHoldings = new Set<string>(), notes = new Map<string, string>();
  const date = analysis.options.date;
  if (settings.minStake > 0) {
    const shown = new Set<string>(), small = new Map<string, Set<string>>(), held = new Set<string>();
    for (const h of doc.holdings) {
      if (!inForce(h, date)) continue;
      held.add(h.holder);
      if (Math.max(h.shares, h.votes ?? 0) >= settings.minStake) {
        shown.add(h.holder).add(h.subject);
        continue;
      }
      hideHoldings.add(h.id);
      let set = small.get(h.subject);
      if (!set) small.set(h.subject, (set = new Set()));
      set.add(h.holder);
    }
    // A holder whose every holding is hidden, and that nothing else ties to the graph, goes with them.
    const tied = new Set<string>();
    for (const a of doc.agreements ?? []) if (inForce(a, date)) [a.subject, ...a.parties].forEach((x) => tied.add(x));
    for (const r of doc.relations ?? []) if (inForce(r, date)) [r.subject, r.party ?? ''].forEach((x) => tied.add(x));
    for (const d of doc.dependencies ?? []) if (inForce(d, date)) tied.add(d.provider).add(d.client);
    for (const id of held) if (!shown.has(id) && !tied.has(id)) hide.add(id);
    for (const [subject, holders] of small) {
      const n = holders.size;
      notes.set(subject, `+${n} holder${n === 1 ? '' : 's'} under ${pctWords(settings.minStake)}`);
    }
  }
  const known = new Set(doc.entities.map((e) => e.id));
  for (const c of settings.collapsed) {
    if (!known.has(c) || hide.has(c)) continue;
    const subs = subsidiaries(analysis.control, c);
    if (!subs.length) continue;
    subs.forEach((id) => hide.add(id));
    const note = `▸ ${subs.length} subsidiar${subs.length === 1 ? 'y' : 'ies'}`;
    notes.set(c, notes.has(c) ? `${notes.get(c)}\n${note}` : note);
  }
  // A collapsed company inside another's collapsed subtree is hidden with it: its note goes too.
  for (const id of hide) notes.delete(id);
  return { hide, hideHoldings, notes };
}

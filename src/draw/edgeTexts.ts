// Pure: the text each edge shows, canvas and exports alike. Parallel dependencies (one provider, one client) carry one
// label that names every service ("authentication, IT operations · cross-border") on the first of them; the others
// show none, so three stacked labels between two boxes become one. Every other edge shows its own label.

/** What the text of an edge is made from (an element's data). */
export interface EdgeLabelSource { id: string; source: string; target: string; kind: string; label: string }

/** An edge's shown text and the edges the label speaks for (itself first). Folded edges show '' and list none. */
export interface EdgeText { text: string; members: string[] }

/** Separates a dependency's service from what follows it ("IT operations · co-owner · cross-border"). */
const SEP = ' · ';

/**
 * One label for several: the services joined by commas, then what they share ("a, b · cross-border"); labels whose
 * endings differ are listed whole, separated by semicolons. Repeated services are named once.
 */
export function mergeLabels(labels: string[]): string {
  const split = labels.map((l) => {
    const i = l.indexOf(SEP);
    return i < 0 ? { head: l, tail: '' } : { head: l.slice(0, i), tail: l.slice(i) };
  });
  const tail = split[0]?.tail ?? '';
  if (split.every((s) => s.tail === tail)) return [...new Set(split.map((s) => s.head))].join(', ') + tail;
  return [...new Set(labels)].join('; ');
}

/** The shown text of every edge in `edges` (keyed by id). */
export function edgeTexts(edges: EdgeLabelSource[]): Map<string, EdgeText> {
  const out = new Map<string, EdgeText>();
  const groups = new Map<string, EdgeLabelSource[]>();
  for (const e of edges) {
    if (e.kind !== 'dependency' || !e.label) {
      out.set(e.id, { text: e.label, members: [e.id] });
      continue;
    }
    const key = `${e.source}\u0000${e.target}`;
    const list = groups.get(key);
    if (list) list.push(e);
    else groups.set(key, [e]);
  }
  for (const list of groups.values()) {
    out.set(list[0].id, { text: list.length === 1 ? list[0].label : mergeLabels(list.map((e) => e.label)), members: list.map((e) => e.id) });
    for (const e of list.slice(1)) out.set(e.id, { text: '', members: [] });
  }
  return out;
}

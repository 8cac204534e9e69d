// Text drawn on the canvas and in exports: stake labels ("~40.47% (40.68% votes)"), shortened entity names, and the
// height a node takes for its wrapped name (labelHeight: the one sizing function of the canvas and of every export).
import { LABEL_W, NODE_FONT, nodeHeight, textWidthOf } from './styles';
import { breakHints, isCjk, textEms, wrapLabel } from './text';

const hasCjk = (s: string) => {
  for (const ch of s) if (isCjk(ch.codePointAt(0)!)) return true;
  return false;
};

/** 50 → "50", 40.4700001 → "40.47". */
export function fmtPct(x: number): string {
  return `${Number(x.toFixed(2))}%`;
}

/** The label of a holding: stake, votes when they differ, seats; "~" marks an estimated figure. */
export function holdingLabel(h: { shares: number; votes?: number; boardSeats?: number; estimated?: boolean }): string {
  let s = fmtPct(h.shares);
  if (h.votes !== undefined && Math.abs(h.votes - h.shares) > 1e-9) s += ` (${fmtPct(h.votes)} votes)`;
  if (h.boardSeats) s += ` · ${h.boardSeats} seat${h.boardSeats === 1 ? '' : 's'}`;
  return h.estimated ? `~${s}` : s;
}

/** Names longer than `max` characters are cut with an ellipsis (the inspector shows the full name). */
export function shortName(name: string, max = 48): string {
  return name.length <= max ? name : `${name.slice(0, max - 1).trimEnd()}…`;
}

/** "it-operations" → "IT operations". */
export function kindLabel(kind: string): string {
  const s = kind.replace(/-/g, ' ');
  return s.startsWith('it ') ? `IT${s.slice(2)}` : s;
}

/** Average glyph width of the node font, in em (system sans-serif, mixed case). */
const GLYPH_EM = 0.56;

/**
 * How many lines a label wraps to at `width` model units and `fontSize` (greedy, by words; an estimate). A label with
 * full-width (CJK) characters, or that needs breaks between characters (a word wider than the node's text room
 * LABEL_W), is wrapped as the canvas wraps it, by the kernel (text.ts).
 */
export function wrappedLines(label: string, width: number, fontSize: number): number {
  const hinted = breakHints(label, width, fontSize, LABEL_W);
  if (hinted !== label || hasCjk(label)) return wrapLabel(hinted, width, (s) => textEms(s) * fontSize).length;
  const perLine = Math.max(4, Math.floor(width / (fontSize * GLYPH_EM)));
  let lines = 0;
  for (const para of label.split('\n')) {
    let used = -1;
    lines++;
    for (const word of para.split(/\s+/)) {
      const w = word.length;
      if (used >= 0 && used + 1 + w > perLine) {
        lines++;
        used = Math.min(w, perLine);
      } else used = used < 0 ? Math.min(w, perLine) : used + 1 + w;
    }
  }
  return lines;
}

/** The height of an entity's node for its label (name and status tag), wrapped to its kind's shape: canvas and exports alike. */
export function labelHeight(label: string, kind?: string): number {
  return nodeHeight(wrappedLines(label, textWidthOf(kind), NODE_FONT));
}

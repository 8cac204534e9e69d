// What a holding confers under the current rule: control of its subject, a part of joint control, or nothing.
import type { AnalysisView } from '../analysis';
import { inForce, type Holding } from '../model';
import { listNames } from './names';

/** Ends a sentence with one full stop, even after a name that ends with one ("SoftBank Corp."). */
const stop = (s: string) => (s.endsWith('.') ? s : `${s}.`);

/** The sentence for one holding. */
export function confersText(h: Holding, analysis: AnalysisView, nameOf: (id: string) => string): string {
  return stop(confers(h, analysis, nameOf));
}

function confers(h: Holding, analysis: AnalysisView, nameOf: (id: string) => string): string {
  const date = analysis.options.date;
  if (!inForce(h, date)) return `Not in force on ${date}`;
  const c = analysis.control.has(h.subject) ? analysis.entity(h.subject) : undefined;
  const y = nameOf(h.subject);
  if (!c) return 'No control';
  // On large graphs the conferring set may still describe the previous edit for a moment: trust it only while
  // the subject (analysed exactly) still has a controller.
  if (analysis.conferring().has(h.id) && c.status !== 'independent' && c.parent.length) {
    if (c.status === 'joint') return `Part of the joint control of ${y} by ${listNames(c.parent.map(nameOf))}`;
    const p = c.parent[0];
    return p === h.holder ? `Confers control of ${y} on ${nameOf(p)}` : `Confers control of ${y} on ${nameOf(p)}, which controls ${nameOf(h.holder)}`;
  }
  if (c.status === 'independent') return `No control: nobody controls ${y}`;
  if (c.status === 'joint') return `No control: ${y} is jointly controlled by ${listNames(c.parent.map(nameOf))}${c.reason.kind === 'joint' && c.reason.agreement ? ' by agreement' : ''}`;
  return `No control: ${y} is controlled by ${nameOf(c.parent[0])}${c.reason.kind === 'agreement' ? ' by agreement' : c.reason.kind === 'board' ? ' through the board' : ''}`;
}

export function HoldingConfers({ holding, analysis, nameOf }: { holding: Holding; analysis: AnalysisView; nameOf: (id: string) => string }) {
  return (
    <section className="panel-section control" aria-labelledby="confers-h">
      <h3 id="confers-h">What it confers</h3>
      <p data-testid="confers">{confersText(holding, analysis, nameOf)}</p>
    </section>
  );
}

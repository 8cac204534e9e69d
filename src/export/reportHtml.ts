// Pure: a report (reportContent.ts, reportDrawing.ts) as one self-contained HTML page — title, date and rule; the
// drawings before and after; the control diff in the Simulate panel's words; each entity whose control moved with its
// chain of controllers and "Why" lines; look-through owners and the paths that make them; dependencies whose exposure
// changed; the sources as links; the document itself in an inert <template>, so dropping the report on the app opens
// the graph. It runs no script and loads nothing: a Content-Security-Policy forbids both, and every text is escaped.
import type { DiffLine } from '../analysis';
import type { OwnershipDoc } from '../model';
import { embedHtmlDoc } from '../io/htmlEmbed';
import { SIM_COLOURS } from '../canvas/simStyles';
import { legendSections, markItems } from './exportLayout';
import { itemToSvg } from './exportSvg';
import type { ReportContent } from './reportContent';
import type { ReportDrawings } from './reportDrawing';
import { REPORT_CSS } from './reportStyle';

/** What the page allows: its inline styles, inline images (none are fetched); no script, no connection, no frame, no form. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

/** Text escaped for HTML content and attribute values. */
export function escapeHtml(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
const h = escapeHtml;

function lines(title: string, ls: DiffLine[], extra: string[] = []): string {
  if (!ls.length && !extra.length) return '';
  return `<h3>${h(title)}</h3><ul class="words${ls.length + extra.length > 12 ? ' long' : ''}">${ls.map((l) => `<li>${h(l.text)}</li>`).join('')}${extra.map((t) => `<li>${h(t)}</li>`).join('')}</ul>`;
}

function diffSection(c: ReportContent): string {
  const w = c.words;
  if (!w) return '';
  const rule = c.rule;
  const control = w.control.length ? lines(`Control (${rule})`, w.control) : `<h3>Control (${h(rule)})</h3><p>No change in who controls what under ${h(rule)}${w.otherRules.length ? '; under another rule it does (below)' : ' or any other rule'}.</p>`;
  const tiny = w.tinySummary ? [w.tinySummary.text + (w.tinyLookThrough.length <= 12 ? `: ${w.tinyLookThrough.map((l) => l.text).join('; ')}` : '')] : [];
  return `<section aria-labelledby="changes"><h2 id="changes">What changes</h2>${control}${lines('Voting game (joint control, veto, board, power ≥ 1 point)', w.game)}${lines('Under the other rules', w.otherRules)}${lines('Look-through stakes that moved', w.lookThrough, tiny)}${lines('Dependency exposure', w.dependencies)}</section>`;
}

function movedSection(c: ReportContent): string {
  if (!c.words) return '';
  if (!c.moved.length) return `<section aria-labelledby="moved"><h2 id="moved">Whose control moved</h2><p>Nobody's, under ${h(c.rule)}.</p></section>`;
  const why = (ls: string[]) => (ls.length ? `<ol class="why">${ls.map((l) => `<li>${h(l)}</li>`).join('')}</ol>` : '');
  return `<section aria-labelledby="moved"><h2 id="moved">Whose control moved, and why</h2>${c.moved.map((m) => `<article class="entity"><h3>${h(m.name)}</h3><p>${h(m.before)} → ${h(m.after)}</p><div class="sides"><div><h4>${h(c.beforeLabel || 'Before')}</h4><p class="chain">${h(m.chainBefore)}</p>${why(m.whyBefore)}</div><div><h4>${h(c.afterLabel || 'After')}</h4><p class="chain">${h(m.chainAfter)}</p>${why(m.whyAfter)}</div></div></article>`).join('')}</section>`;
}

function ownersSection(c: ReportContent): string {
  if (!c.owners.length) return '';
  return `<section aria-labelledby="owners"><h2 id="owners">Look-through owners and the paths that make them${c.words ? ` (${h(c.afterLabel)})` : ''}</h2>${c.owners.map((o) => `<article class="entity"><h3>${h(o.name)}</h3>${o.owners.map((x) => `<p><strong>${h(x.name)}: ${h(x.total)}</strong></p><ul class="paths">${x.paths.map((p) => `<li>${h(p)}</li>`).join('')}${x.more > 0 ? `<li>and ${x.more} weaker paths</li>` : ''}${x.loops.map((l) => `<li>${h(l)}</li>`).join('')}</ul>`).join('')}</article>`).join('')}</section>`;
}

function dependenciesSection(c: ReportContent): string {
  if (!c.words) return '';
  if (!c.dependencies.length) return `<section aria-labelledby="deps"><h2 id="deps">Dependencies whose exposure changed</h2><p>None.</p></section>`;
  return `<section aria-labelledby="deps"><h2 id="deps">Dependencies whose exposure changed</h2><div class="table-wrap"><table><thead><tr><th scope="col">Dependency</th><th scope="col">${h(c.beforeLabel || 'Before')}</th><th scope="col">${h(c.afterLabel || 'After')}</th></tr></thead><tbody>${c.dependencies.map((d) => `<tr><td>${h(d.name)}</td><td>${h(d.before)}</td><td>${h(d.after)}</td></tr>`).join('')}</tbody></table></div></section>`;
}

function sourcesSection(c: ReportContent): string {
  const events = c.events.length ? `<h3>Events up to ${h(c.date)}</h3><ul class="words">${c.events.map((e) => `<li>${h(e.date)}: ${h(e.title)}</li>`).join('')}</ul>` : '';
  if (!c.sources.length) return `<section aria-labelledby="sources"><h2 id="sources">Sources</h2>${events}<p>No source is cited by the records shown.</p></section>`;
  const item = (s: ReportContent['sources'][number]) => {
    const title = s.url ? `<a href="${h(s.url)}" rel="noopener noreferrer">${h(s.label)}</a>` : h(s.label);
    const shown = s.citedBy.slice(0, 6).join('; ') + (s.citedBy.length > 6 ? `; and ${s.citedBy.length - 6} more` : '');
    return `<li>${title}${s.date ? ` <span class="cited">(${h(s.date)})</span>` : ''}<br><span class="cited">Cited by ${h(shown)}</span></li>`;
  };
  return `<section aria-labelledby="sources"><h2 id="sources">Sources</h2><p class="meta">Every source cited by the holdings, agreements, relations, dependencies and events shown.</p><ol class="sources">${c.sources.map(item).join('')}</ol>${events}</section>`;
}

function legendHtml(d: ReportDrawings): string {
  const sections = legendSections(d.legend);
  const mark = (m: Parameters<typeof markItems>[0]) => `<svg width="26" height="18" viewBox="0 0 26 18" aria-hidden="true">${markItems(m, 0, 0).map(itemToSvg).join('')}</svg>`;
  return `<div class="legend" aria-label="Legend">${sections.map((s) => `<section><h3>${h(s.heading)}</h3><ul>${s.rows.map((r) => `<li>${mark(r.mark)}<span>${h(r.label)}${r.note ? ` <span class="cited">${h(r.note)}</span>` : ''}</span></li>`).join('')}</ul></section>`).join('')}</div>`;
}

/** The whole report page; `doc` is the document embedded for reopening (the working document, scenario applied or not). */
export function reportPage(c: ReportContent, d: ReportDrawings, doc: OwnershipDoc, opts: { lit?: string | null; generated?: string } = {}): string {
  const subtitle = c.change.kind === 'dates' ? `${c.beforeDate} compared with ${c.date}` : `As of ${c.date}`;
  const change = c.change.kind === 'scenario' ? `<p class="change"><strong>Scenario: ${h(c.change.title)}</strong>${c.change.description ? ` — ${h(c.change.description)}` : ''}</p>`
    : c.change.kind === 'preview' ? `<p class="change"><strong>${h(c.change.title)}</strong> (a preview, not applied)</p>`
    : c.change.kind === 'dates' ? `<p class="change"><strong>${h(c.change.title)}</strong></p>` : '';
  const figures = d.before
    ? `<div class="figures two"><figure><figcaption>${h(c.beforeLabel)}</figcaption>${d.before}</figure><figure><figcaption>${h(c.afterLabel)}</figcaption>${d.after}</figure></div>`
    : `<div class="figures"><figure><figcaption>${h(c.afterLabel)} ${h(c.date)}</figcaption>${d.after}</figure></div>`;
  const marks = `<p class="marks">${d.before ? `<span style="background:${SIM_COLOURS.changed}"></span>Outlined: changed` : ''}${opts.lit ? `<span style="background:${SIM_COLOURS.lit}"></span>Lit: ${h(opts.lit)}` : ''}</p>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${h(REPORT_CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Ownership Explorer">
<title>${h(c.title)} — ${h(c.change.kind === 'none' ? `as of ${c.date}` : c.change.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<main>
<header>
<h1>${h(c.title)}</h1>
<p class="meta">${h(subtitle)} · Control rule: ${h(c.rule)}</p>
${change}
</header>
<section aria-labelledby="drawing"><h2 id="drawing">The graph${d.before ? ' before and after' : ''}</h2>${figures}${marks}${legendHtml(d)}</section>
${diffSection(c)}
${movedSection(c)}
${ownersSection(c)}
${dependenciesSection(c)}
${sourcesSection(c)}
<footer>Made with Ownership Explorer${opts.generated ? ` on ${h(opts.generated)}` : ''}. This page carries the graph itself: drop it on the app, or open it there, to explore and edit it again.</footer>
</main>
${embedHtmlDoc(doc)}
</body>
</html>
`;
}

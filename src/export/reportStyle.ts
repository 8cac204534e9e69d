// The report's one stylesheet (inline in the page, as nothing is fetched): readable from a phone to a wide screen,
// and printed on A4 or Letter with no drawing, table or entity's explanation cut across a page.
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #0f172a; --muted: #475569; --rule: #e2e8f0; --amber: #f59e0b; --lit: #dc2626; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 1240px; margin: 0 auto; padding: 24px 20px 40px; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 4px; }
h2 { font-size: 1.2rem; margin: 28px 0 8px; padding-top: 8px; border-top: 1px solid var(--rule); break-after: avoid; }
h3 { font-size: 1rem; margin: 14px 0 4px; break-after: avoid; }
p, li { overflow-wrap: anywhere; }
.meta { color: var(--muted); margin: 0 0 4px; }
.change { margin: 8px 0 0; }
.figures { display: grid; grid-template-columns: 1fr; gap: 16px; }
.figures.two { grid-template-columns: repeat(auto-fit, minmax(min(100%, 520px), 1fr)); }
figure { margin: 0; border: 1px solid var(--rule); border-radius: 8px; padding: 8px; break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; width: 100%; height: auto; max-height: 78vh; }
figcaption { font-weight: 600; font-size: .9rem; margin-bottom: 4px; }
.legend { display: flex; flex-wrap: wrap; gap: 4px 28px; font-size: .85rem; margin: 10px 0 0; break-inside: avoid; }
.legend section { min-width: 200px; }
.legend h3 { font-size: .8rem; color: var(--muted); margin: 4px 0; }
.legend ul { list-style: none; margin: 0; padding: 0; }
.legend li { display: flex; align-items: center; gap: 6px; }
.legend svg { flex: none; }
.marks { font-size: .85rem; color: var(--muted); }
.marks span { display: inline-block; width: 14px; height: 10px; border-radius: 2px; margin: 0 4px 0 10px; vertical-align: middle; }
ul.words { margin: 4px 0; padding-left: 20px; }
ul.words.long { columns: 2 340px; column-gap: 32px; }
ul.words.long li { break-inside: avoid; }
.entity { border: 1px solid var(--rule); border-radius: 8px; padding: 8px 12px; margin: 10px 0; break-inside: avoid; page-break-inside: avoid; }
.entity h3 { margin-top: 2px; }
.sides { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 360px), 1fr)); gap: 4px 24px; }
.sides h4 { font-size: .85rem; color: var(--muted); margin: 6px 0 2px; }
.chain { font-weight: 600; }
ol.why { margin: 2px 0; padding-left: 20px; font-size: .92rem; }
.paths { font-size: .92rem; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; font-size: .92rem; break-inside: avoid; page-break-inside: avoid; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--rule); vertical-align: top; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
a { color: #1d4ed8; }
.sources li { margin-bottom: 4px; }
.cited { color: var(--muted); font-size: .85rem; }
footer { margin-top: 32px; color: var(--muted); font-size: .85rem; border-top: 1px solid var(--rule); padding-top: 8px; }
@media (max-width: 600px) {
  body { font-size: 14px; }
  main { padding: 14px 12px 28px; }
  h1 { font-size: 1.3rem; }
  /* A phone scrolls the drawings sideways at a size whose names can be read (or zooms them: they are vector). */
  figure { overflow-x: auto; }
  figure svg { width: 760px; max-width: none; max-height: none; }
}
@page { margin: 14mm 12mm; }
@media print {
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  .figures.two { grid-template-columns: 1fr; }
  .sides { grid-template-columns: 1fr 1fr; gap: 2px 16px; }
  ol.why, .paths { font-size: 9pt; }
  .entity { padding: 4px 8px; margin: 6px 0; }
  figure { overflow: visible; }
  figure svg { width: 100%; max-width: 100%; max-height: 205mm; }
  h2 { break-before: auto; }
  a { color: inherit; text-decoration: underline; }
  a[href^="http"]::after { content: " (" attr(href) ")"; font-size: .8em; color: var(--muted); overflow-wrap: anywhere; }
}
`;

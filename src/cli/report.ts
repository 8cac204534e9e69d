// `report FILE [--scenario NAME] [--date D] [--rule R] [--threshold T] --to OUT.html` (FORMAT.md): the same report page
// the app writes (export/documentReport.ts) — the document alone, or a scenario's change to it. Scenario names are
// those of the bundled scenarios written for this document's entities and the document's own saved scenarios; an
// unknown name lists the known ones (a UsageError: exit 2).
import { writeFileSync } from 'node:fs';
import { apply, type OwnershipDoc, type Scenario, type Source } from '../model';
import type { AnalysisOptions } from '../analysis';
import { documentReport } from '../export/documentReport';
import { UsageError } from './args';

/** A scenario as the report needs it: its operations, title, description, date and sources. */
export interface NamedScenario { id: string; title: string; description?: string; date?: string; ops: Scenario['ops']; sources?: Source[] }

/** The scenarios a document can be reported under: the bundled ones whose operations apply to it, and its own. */
export function knownScenarios(doc: OwnershipDoc, bundled: Scenario[]): NamedScenario[] {
  const fits = bundled.filter((s) => {
    try {
      apply(doc, { type: 'batch', ops: s.ops });
      return true;
    } catch {
      return false;
    }
  });
  return [...fits, ...(doc.scenarios ?? [])];
}

/** The report page of `doc` (under `scenario`, when named) with the view options. */
export async function reportHtml(doc: OwnershipDoc, bundled: Scenario[], opts: Partial<AnalysisOptions> & { scenario?: string; today?: string }): Promise<string> {
  const { scenario: wanted, today, ...view } = opts;
  if (!wanted) return documentReport({ before: doc, after: doc, options: view, change: { kind: 'none', title: 'The document' } }, { embed: doc, generated: today });
  const known = knownScenarios(doc, bundled);
  const s = known.find((x) => x.id === wanted) ?? known.find((x) => x.title === wanted);
  if (!s) throw new UsageError(`report: no scenario "${wanted}" for this document — known: ${known.length ? known.map((x) => x.id).join(', ') : 'none (it has no saved scenarios and no bundled one applies to it)'}`);
  const after = apply(doc, { type: 'batch', ops: s.ops });
  return documentReport(
    { before: doc, after, options: { ...view, date: view.date ?? s.date }, change: { kind: 'scenario', title: s.title, description: s.description, sources: s.sources } },
    { embed: after, generated: today },
  );
}

/** Writes the report to `out`; a UsageError when OUT cannot be written or is not .html. */
export async function writeReport(doc: OwnershipDoc, bundled: Scenario[], out: string, opts: Parameters<typeof reportHtml>[2]): Promise<void> {
  if (!/\.html?$/i.test(out)) throw new UsageError(`--to ${out}: a report is an HTML page — name it OUT.html`);
  const html = await reportHtml(doc, bundled, opts);
  try {
    writeFileSync(out, html);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'ENOENT' ? 'its folder does not exist' : err.code === 'EISDIR' ? 'it is a directory' : err.code === 'EACCES' ? 'permission denied' : err.message;
    throw new UsageError(`cannot write ${out}: ${why}`);
  }
}

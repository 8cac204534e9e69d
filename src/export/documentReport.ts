// The report of a change to a document (or of the document alone) as one self-contained HTML page: its content
// (reportContent.ts), its drawings (reportDrawing.ts) and its page (reportHtml.ts). The app (File menu, Simulate
// panel) and the command line (`report`) both call it, so both write the same file. Runs in Node and in browsers.
import type { LitPath } from '../analysis/litPath';
import type { OwnershipDoc } from '../model';
import { reportContent, type ReportInput } from './reportContent';
import { reportDrawings } from './reportDrawing';
import { reportPage } from './reportHtml';

export interface ReportOptions {
  /** The document the page carries (what reopening it loads). */
  embed: OwnershipDoc;
  /** A lit path, drawn on both drawings. */
  lit?: LitPath | null;
  /** When the report was made (YYYY-MM-DD), said in its footer. */
  generated?: string;
}

/** The report page of `input`. */
export async function documentReport(input: ReportInput, opts: ReportOptions): Promise<string> {
  if (!input.after.entities.length) throw new Error('export/documentReport: the graph is empty — add an entity first');
  const content = reportContent(input);
  const compare = input.change.kind !== 'none';
  const drawings = await reportDrawings(input.after, input.options, compare ? input.before : null, input.beforeDate, opts.lit ?? null, [content.beforeLabel, content.afterLabel]);
  return reportPage(content, drawings, opts.embed, { lit: opts.lit?.label ?? null, generated: opts.generated });
}

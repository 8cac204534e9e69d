// `export FILE --to OUT [--date …] [--rule …] [--threshold …] [--history]` (FORMAT.md): writes OUT in the format of
// its extension — .ownership.json, .bods.json (BODS 0.4; --history writes statement series), .ftm.jsonl
// (FollowTheMoney), .csv, .svg, .png (the drawing with its caption; the PNG carries the document), .drawio and
// .graphml (the diagram for draw.io and yEd) — with no browser. Nothing on stdout on success.
import { writeFileSync } from 'node:fs';
import type { AnalysisOptions } from '../analysis';
import { documentSvg } from '../export/documentSvg';
import { documentDiagram } from '../export/documentDiagram';
import { drawioXml } from '../export/drawio';
import { graphmlXml } from '../export/graphml';
import { svgToPng } from '../export/rasterize';
import { embedDoc, exportBodsJson, exportCsv, exportFtm, serializeDoc } from '../io';
import type { OwnershipDoc } from '../model';
import { UsageError } from './args';

/** The output formats by extension, longest first so ".bods.json" wins over ".json". */
const FORMATS = ['.ownership.json', '.bods.json', '.ftm.jsonl', '.csv', '.svg', '.png', '.drawio', '.graphml'] as const;
type OutFormat = (typeof FORMATS)[number];

/** The format OUT names by its extension; a UsageError listing the choices otherwise. */
export function outFormat(out: string): OutFormat {
  const lower = out.toLowerCase();
  const f = FORMATS.find((x) => lower.endsWith(x));
  if (!f) throw new UsageError(`--to ${out}: the extension names no format — use one of ${FORMATS.join(', ')}`);
  return f;
}

/** The bytes or text of `doc` exported as `format` under the view options. */
export async function exportAs(doc: OwnershipDoc, format: OutFormat, opts: Partial<AnalysisOptions> & { history?: boolean }): Promise<string | Uint8Array> {
  switch (format) {
    case '.ownership.json':
      return serializeDoc(opts.date ? { ...doc, asOf: opts.date } : doc);
    case '.bods.json':
      return exportBodsJson(doc, { date: opts.date, history: opts.history });
    case '.ftm.jsonl':
      return exportFtm(doc);
    case '.csv':
      return exportCsv(doc, opts.date);
    case '.svg':
      return documentSvg(doc, { date: opts.date, rule: opts.rule, threshold: opts.threshold, embedFonts: true });
    case '.png':
      return embedDoc(svgToPng(await documentSvg(doc, { date: opts.date, rule: opts.rule, threshold: opts.threshold }), 2), doc);
    case '.drawio':
      return drawioXml(await documentDiagram(doc, { date: opts.date, rule: opts.rule, threshold: opts.threshold }));
    case '.graphml':
      return graphmlXml(await documentDiagram(doc, { date: opts.date, rule: opts.rule, threshold: opts.threshold }));
    default: {
      const never: never = format;
      throw new UsageError(`unknown format ${String(never)}`);
    }
  }
}

/** Writes the export to `out`; a UsageError when OUT cannot be written. */
export async function exportFile(doc: OwnershipDoc, out: string, opts: Partial<AnalysisOptions> & { history?: boolean }): Promise<void> {
  const data = await exportAs(doc, outFormat(out), opts);
  try {
    writeFileSync(out, data);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    const why = err.code === 'ENOENT' ? 'its folder does not exist' : err.code === 'EISDIR' ? 'it is a directory' : err.code === 'EACCES' ? 'permission denied' : err.message;
    throw new UsageError(`cannot write ${out}: ${why}`);
  }
}

// The File menu's actions on an explorer: save, export (PNG, SVG, draw.io, GraphML, BODS, FollowTheMoney, CSV), share link, open. Each reports its
// outcome with one message; only opening changes the document. Importers and exporters load on first use, keeping
// them out of the first page load.
import { captionContent, type CaptionContent } from '../export/exportCaption';
import type { Background } from '../export/image';
import { legendModel } from '../draw/legend';
import type { ElementDef } from '../draw/toElements';
import { serializeDoc } from '../io/native';
import { seedAdjacency, type AnalysisView } from '../analysis';
import type { LitPath } from '../analysis/litPath';
import { useMemo } from 'react';
import { useStoreApi, type ExplorerStore } from '../store';
import type { Decide, FileLike } from '../io/open';
import { AnalysisWorker } from '../worker/client';
import { download, fileBaseName } from './download';
import { namer } from './names';

/** What the canvas shows (canvas/useShown): the working document, a transfer's preview, or a scenario's base. */
export interface ShownGraph {
  mode: 'current' | 'preview' | 'base' | 'date';
  analysis: AnalysisView;
  elements: ElementDef[];
}

const MODE_NOTES = { current: null, preview: 'Preview of a transfer, not applied', base: 'Before the scenario (its base)', date: null } as const;

/** How long a worker import may go without reading more of the file before it is given up. */
const WORKER_IMPORT_TIMEOUT_MS = 120_000;

/** The file actions on `store`. */
export function fileActions(store: ExplorerStore) {
  const st = store.getState;
  const base = () => fileBaseName(st().doc.title);

  /** Saves the working document as `<title>.ownership.json` (FORMAT.md). */
  function saveDocument(): void {
    const name = `${base()}.ownership.json`;
    download(serializeDoc(st().doc), name, 'application/json');
    st().notify(`Saved "${name}". Open it (or drop it here) to continue from this point.`);
  }

  /** Exports BODS 0.4 statements dated the view date. */
  async function saveBods(date: string): Promise<void> {
    const { exportBodsJson } = await import('../io');
    const name = `${base()}.bods.json`;
    download(exportBodsJson(st().doc, { date }), name, 'application/json');
    st().notify(`Exported "${name}": BODS 0.4 statements as of ${date}. Dependencies and events have no BODS equivalent and are left out.`);
  }

  /** Exports FollowTheMoney JSON lines (Aleph, OpenSanctions): entities, Ownership, Directorship and other links. */
  async function saveFtm(): Promise<void> {
    const { exportFtm } = await import('../io');
    const name = `${base()}.ftm.jsonl`;
    download(exportFtm(st().doc), name, 'application/x-ndjson');
    st().notify(`Exported "${name}": FollowTheMoney entities, one per line, with every dated holding. Dependencies and events have no FollowTheMoney equivalent here and are left out.`);
  }

  /** Exports the holdings in force on the view date as CSV (holder,subject,shares,votes). */
  async function saveCsv(date: string): Promise<void> {
    const { exportCsv } = await import('../io');
    const name = `${base()}-holdings-${date}.csv`;
    download(exportCsv(st().doc, date), name, 'text/csv');
    st().notify(`Exported "${name}": the holdings in force on ${date}.`);
  }

  /** The caption of an image of what the canvas shows: the legend is built exactly as the on-screen legend is. */
  function currentCaption(shown: ShownGraph): CaptionContent {
    const { view } = st();
    const { analysis, elements } = shown;
    const doc = analysis.doc;
    const legend = legendModel(elements, analysis, namer(doc));
    const notes: string[] = [];
    if (MODE_NOTES[shown.mode]) notes.push(MODE_NOTES[shown.mode]!);
    const drawn = elements.filter((e) => e.group === 'nodes' && e.data.kind === 'entity').length;
    if (drawn < doc.entities.length) notes.push(`Showing ${drawn.toLocaleString('en')} of ${doc.entities.length.toLocaleString('en')} entities`);
    return captionContent(doc, { date: analysis.options.date, rule: view.rule, threshold: view.threshold, layers: view.layers, notes }, legend);
  }

  /**
   * Exports the whole graph the canvas shows (`shown`: its elements, with their marks, at their positions) as PNG (with
   * the document it shows embedded) or SVG, drawn by the kernel (export/image.ts) like the command line's, and says at
   * which scale.
   */
  async function saveImage(format: 'png' | 'svg', opts: { scale: number; background: Background }, caption: CaptionContent, shown: ShownGraph): Promise<void> {
    st().setBusy('Exporting image…');
    const [{ ExportError, imagePng, imageSvg, scaleNotice }, { canvasMeasure, canvasMetrics }, { rasterizeInBrowser }] = await Promise.all([
      import('../export/image'), import('../export/canvasText'), import('../export/browserImage'),
    ]);
    const doc = shown.analysis.doc;
    const positions = new Map(doc.entities.flatMap((e) => (e.position ? [[e.id, e.position] as const] : [])));
    const { ensureCjkFonts, embedCjkFontsInBrowser, warmEmbeddedFonts } = await import('../canvas/cjkFontsBrowser');
    const req = {
      doc, analysis: shown.analysis, positions, metrics: canvasMetrics, measure: canvasMeasure,
      view: { layers: st().view.layers, elements: shown.elements, caption, background: opts.background },
      // The SVG carries the CJK subsets its names need: an <img> (the PNG's rasteriser) cannot use the page's fonts.
      embedFonts: embedCjkFontsInBrowser,
    };
    try {
      // Japanese, Korean and Chinese names: the shipped fonts' subsets they need are loaded (and measured) before anything is drawn.
      await ensureCjkFonts([caption.title, caption.subtitle, ...caption.sources, ...doc.entities.map((e) => e.name)]);
      if (format === 'svg') {
        const name = `${base()}.svg`;
        download(await imageSvg(req, opts.scale), name, 'image/svg+xml');
        st().notify(`Exported "${name}".`);
      } else {
        const name = `${base()}.png`;
        // The <img> that rasterises draws text whose font is still loading as nothing: the embedded fonts are made ready first.
        const rasterize = async (svg: string, w: number, h: number) => (await warmEmbeddedFonts(svg), rasterizeInBrowser(svg, w, h));
        const r = await imagePng(req, { scale: opts.scale, rasterize });
        download(r.bytes, name, 'image/png');
        st().notify(`${scaleNotice(opts.scale, r)} "${name}" carries the graph: open or drop it here to edit it again.`);
      }
    } catch (e) {
      const text = e instanceof ExportError ? e.message : `The image could not be exported (${e instanceof Error ? e.message : String(e)}). Try a smaller scale, or export SVG.`;
      st().notify(text, 'error');
    } finally {
      st().setBusy(null);
    }
  }

  /** Exports what the canvas shows as a diagram for draw.io (.drawio) or yEd (.graphml), the lit path drawn. */
  async function saveDiagram(format: 'drawio' | 'graphml', caption: CaptionContent, shown: ShownGraph, lit: LitPath | null): Promise<void> {
    st().setBusy('Exporting diagram…');
    try {
      const [{ diagramOfElements }, writer] = await Promise.all([
        import('../export/documentDiagram'),
        format === 'drawio' ? import('../export/drawio').then((m) => m.drawioXml) : import('../export/graphml').then((m) => m.graphmlXml),
      ]);
      const d = await diagramOfElements(shown.analysis.doc, shown.elements, caption, lit);
      const name = `${base()}.${format}`;
      download(writer(d), name, format === 'drawio' ? 'application/vnd.jgraph.mxfile' : 'application/graphml+xml');
      st().notify(`Exported "${name}": ${d.nodes.length} entities and ${d.edges.length} lines, editable in ${format === 'drawio' ? 'draw.io' : 'yEd'}.`);
    } catch (e) {
      st().notify(`The diagram could not be exported (${e instanceof Error ? e.message : String(e)}).`, 'error');
    } finally {
      st().setBusy(null);
    }
  }

  /** The share link for the working document, copied to the clipboard when the browser allows; null when too large. */
  async function makeShareLink(): Promise<{ url: string; warning?: string; copied: Promise<boolean> } | null> {
    const { shareLink } = await import('../store/shareLinks');
    const r = shareLink(st().doc, `${location.origin}${location.pathname}`);
    if (!r.ok) {
      st().notify(r.error, 'error');
      return null;
    }
    const copied = navigator.clipboard?.writeText
      ? navigator.clipboard.writeText(r.url).then(() => true, () => false)
      : Promise.resolve(false);
    return { url: r.url, ...(r.warning ? { warning: r.warning } : {}), copied };
  }

  /**
   * Big files are read as they stream, in a short-lived worker (io/open decideOpenStream), with the share read shown and
   * a Cancel button; small ones whole, here. A worker that fails, or hears nothing from the file for two minutes, gives
   * a refusal, never a half load; Cancel stops the worker and changes nothing.
   */
  const decide: Decide = async (file, opts) => {
    const { decideWhole, WORKER_IMPORT_BYTES } = await import('../io/open');
    if (file.size < WORKER_IMPORT_BYTES || typeof Worker === 'undefined' || !(file instanceof Blob)) return decideWhole(file, opts);
    const name = file.name;
    const worker = new AnalysisWorker();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancelled = false;
    let stalled: (e: Error) => void = () => {};
    const cancel = () => {
      cancelled = true;
      worker.terminate();
    };
    const waitProgress = () => {
      clearTimeout(timer);
      timer = setTimeout(() => stalled(new Error('it took too long to read')), WORKER_IMPORT_TIMEOUT_MS);
    };
    st().setBusy(`Opening ${name}…`, cancel);
    try {
      const timeout = new Promise<never>((_, reject) => (stalled = reject));
      waitProgress();
      const work = worker.importStream(file, name, opts.date, (phase) => {
        waitProgress();
        st().setBusy(`Opening ${name}… (${phase})`, phase === 'sending' ? undefined : cancel);
      });
      work.catch(() => {}); // after a timeout or a cancel, terminate() rejects it: already answered
      const { decision, seed } = await Promise.race([work, timeout]);
      // The worker built the adjacency focus mode opens with: the page need not build it again.
      if (decision.ok && seed) seedAdjacency(decision.doc, seed.date, seed.adjacency);
      return decision;
    } catch (e) {
      if (cancelled) return { ok: false, cancelled: true, error: `Opening "${name}" was cancelled. The graph in the app is unchanged.` };
      return { ok: false, error: `"${name}" was not opened: ${e instanceof Error ? e.message : String(e)}. The graph in the app is unchanged.` };
    } finally {
      clearTimeout(timer);
      worker.terminate();
      st().setBusy(null);
    }
  };

  /** Opens dropped or picked files: exactly one at a time. */
  async function openFiles(files: FileLike[]): Promise<void> {
    if (files.length > 1) {
      st().notify(`Drop or choose one file at a time — ${files.length} files were given, and none was opened. The graph in the app is unchanged.`, 'error');
      return;
    }
    if (files.length === 1) {
      const { openFile } = await import('../store/files');
      await openFile(store, files[0], decide);
    }
  }

  return { saveDocument, saveBods, saveFtm, saveCsv, currentCaption, saveImage, saveDiagram, makeShareLink, openFiles };
}

/** The file actions of the explorer this component belongs to. */
export function useFileActions(): ReturnType<typeof fileActions> {
  const store = useStoreApi();
  return useMemo(() => fileActions(store), [store]);
}

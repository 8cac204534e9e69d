// The export dialog: an image (PNG or SVG, scale 1×–4×, white or transparent background) or a diagram others can edit
// (draw.io, GraphML for yEd), of what the canvas shows, a lit path drawn. Mounted only while open (it reads the
// analysis to build the caption); the last choices are kept for the next export.
import { useEffect, useRef, useState } from 'react';
import { DEFAULT_EXPORT_SCALE, EXPORT_SCALES } from '../export/exportFit';
import type { Background } from '../canvas/exportImage';
import { useShown } from '../canvas/useShown';
import { useFileActions } from './fileActions';
import { useSimView } from '../store/simView';

/** The choices of the last export in this session. */
type Format = 'png' | 'svg' | 'drawio' | 'graphml';
const last: { format: Format; scale: number; background: Background } = { format: 'png', scale: DEFAULT_EXPORT_SCALE, background: 'white' };
const FORMAT_LABELS: Record<Format, string> = { png: 'PNG', svg: 'SVG', drawio: 'draw.io', graphml: 'GraphML (yEd)' };

export function ExportDialog({ onClose }: { onClose(): void }) {
  const { currentCaption, saveImage, saveDiagram } = useFileActions();
  const lit = useSimView((st) => st.lit);
  const ref = useRef<HTMLDialogElement>(null);
  const [format, setFormat] = useState(last.format);
  const [scale, setScale] = useState(last.scale);
  const [background, setBackground] = useState(last.background);
  const shown = useShown();

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal(); // unmounting removes the dialog, which closes it
  }, []);

  const go = () => {
    Object.assign(last, { format, scale, background });
    const caption = currentCaption(shown);
    onClose();
    if (format === 'drawio' || format === 'graphml') void saveDiagram(format, caption, shown, lit);
    else void saveImage(format, { scale, background }, caption, shown.analysis.doc);
  };

  return (
    <dialog ref={ref} className="confirm export-dialog" aria-labelledby="export-title" onClose={onClose} onCancel={onClose}>
      <form method="dialog" onSubmit={(e) => { e.preventDefault(); go(); }}>
        <h2 id="export-title">Export image or diagram</h2>
        <p className="muted small-text">The whole graph, with its title, view date, control rule, legend and sources{lit ? ', and the lit path' : ''}. A PNG also carries the graph itself: open or drop it here to edit it again. draw.io and GraphML files open in draw.io and yEd with every shape, colour and position, to edit there.</p>
        <fieldset>
          <legend>Format</legend>
          {(Object.keys(FORMAT_LABELS) as Format[]).map((f) => (
            <label key={f}><input type="radio" name="format" value={f} checked={format === f} onChange={() => setFormat(f)} /> {FORMAT_LABELS[f]}</label>
          ))}
        </fieldset>
        {(format === 'png' || format === 'svg') && (<>
        <fieldset>
          <legend>Scale</legend>
          {EXPORT_SCALES.map((s) => (
            <label key={s}><input type="radio" name="scale" value={s} checked={scale === s} onChange={() => setScale(s)} /> {s}×</label>
          ))}
        </fieldset>
        <fieldset>
          <legend>Background</legend>
          <label><input type="radio" name="background" value="white" checked={background === 'white'} onChange={() => setBackground('white')} /> White</label>
          <label><input type="radio" name="background" value="transparent" checked={background === 'transparent'} onChange={() => setBackground('transparent')} /> Transparent</label>
        </fieldset>
        </>)}
        <div className="actions">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="primary" autoFocus>Export {FORMAT_LABELS[format]}</button>
        </div>
      </form>
    </dialog>
  );
}

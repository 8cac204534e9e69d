// The image export dialog: PNG or SVG, scale 1×–4× (default 2×), white or transparent background. Mounted only while
// open (it reads the analysis to build the caption); the last choices are kept for the next export.
import { useEffect, useRef, useState } from 'react';
import { DEFAULT_EXPORT_SCALE, EXPORT_SCALES } from '../export/exportFit';
import type { Background } from '../export/image';
import { useShown } from '../canvas/useShown';
import { useFileActions } from './fileActions';

/** The choices of the last export in this session. */
const last: { format: 'png' | 'svg'; scale: number; background: Background } = { format: 'png', scale: DEFAULT_EXPORT_SCALE, background: 'white' };

export function ExportDialog({ onClose }: { onClose(): void }) {
  const { currentCaption, saveImage } = useFileActions();
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
    void saveImage(format, { scale, background }, caption, shown);
  };

  return (
    <dialog ref={ref} className="confirm export-dialog" aria-labelledby="export-title" onClose={onClose} onCancel={onClose}>
      <form method="dialog" onSubmit={(e) => { e.preventDefault(); go(); }}>
        <h2 id="export-title">Export image</h2>
        <p className="muted small-text">The whole graph, with its title, view date, control rule, legend and sources. A PNG also carries the graph itself: open or drop it here to edit it again.</p>
        <fieldset>
          <legend>Format</legend>
          <label><input type="radio" name="format" value="png" checked={format === 'png'} onChange={() => setFormat('png')} /> PNG</label>
          <label><input type="radio" name="format" value="svg" checked={format === 'svg'} onChange={() => setFormat('svg')} /> SVG</label>
        </fieldset>
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
        <div className="actions">
          <button type="button" onClick={onClose}>Cancel</button>
          <button type="submit" className="primary" autoFocus>Export {format.toUpperCase()}</button>
        </div>
      </form>
    </dialog>
  );
}

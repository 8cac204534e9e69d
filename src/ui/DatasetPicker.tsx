// The dataset picker: the bundled datasets, the generated samples, and always the user's own graph (the file last
// opened, as autosaved) once there is one, so looking at a sample or a bundled dataset never loses the way back to it.
import { useEffect, useState } from 'react';
import { useApp, useStore, DATASETS, datasetById, type DatasetId, type ExplorerApp } from '../store';

/** Generated samples offered in the picker (seeded, from the engine benchmark's generator). */
const SAMPLES = [1_000, 20_000, 100_000];

/** The value of the picker's "your own graph" option. */
const OWN: DatasetId = 'imported';

function loadDataset(app: ExplorerApp, id: DatasetId | `sample:${number}`) {
  if (id.startsWith('sample:')) {
    // A sample is a page of its own (?sample=N): the autosaved work stays untouched underneath.
    void app.autosave.flush().then(() => (location.search = `?sample=${id.slice(7)}`));
    return;
  }
  // The user's own saved work on that dataset (or their own graph), else the dataset as bundled; leaving a sample
  // cleans the address.
  void app.openDataset(id as DatasetId);
}

export function DatasetPicker() {
  const app = useApp();
  const datasetId = useStore((s) => s.datasetId);
  const title = useStore((s) => (s.datasetId === OWN ? s.doc.title : undefined));
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    let live = true;
    void app.ownGraph().then((has) => live && setSaved(has), () => {});
    return () => {
      live = false;
    };
  }, [app, datasetId]);
  const own = datasetId === OWN || saved;
  const value = datasetById(datasetId) || datasetId === OWN ? datasetId : '';
  return (
    <select aria-label="Dataset" value={value} onChange={(e) => loadDataset(app, e.target.value as DatasetId | `sample:${number}`)}>
      {datasetId === 'sample' && <option value="">Generated sample</option>}
      {own && <option value={OWN}>{title && datasetId === OWN ? `Your graph: ${title}` : 'Your opened graph'}</option>}
      {DATASETS.map((d) => <option key={d.id} value={d.id}>{d.label}</option>)}
      <optgroup label="Generated samples">
        {SAMPLES.map((n) => <option key={n} value={`sample:${n}`}>{`${n.toLocaleString('en')} entities`}</option>)}
      </optgroup>
    </select>
  );
}

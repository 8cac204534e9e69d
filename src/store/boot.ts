// Decides the first document: a generated sample (?sample=N), else the autosaved one, else the default dataset.
import { generateGraph, parseDoc, type OwnershipDoc } from '../model';
import { DATASETS, datasetById } from './datasets';
import { readableError } from './messages';
import type { Persistence } from './persistence';
import { samplePlaceholder, type SampleRequest } from './sample';
import type { DatasetId, View } from './types';

export interface Boot {
  doc: OwnershipDoc;
  datasetId: DatasetId;
  view?: Partial<View>;
  /** Whether edits are autosaved (not for generated samples, which would overwrite the working document). */
  autosave: boolean;
  notice?: string;
  /** A sample to generate off the page (store/sample.ts): `doc` is its placeholder until it arrives. */
  sample?: SampleRequest;
}

/** Largest generated sample the URL may ask for. */
export const MAX_SAMPLE = 200_000;

/** Reads `?sample=N[&seed=S]`; null when absent or invalid. */
export function sampleRequest(search: string): SampleRequest | null {
  const q = new URLSearchParams(search);
  const n = Number(q.get('sample'));
  if (!q.has('sample') || !Number.isInteger(n) || n < 2 || n > MAX_SAMPLE) return null;
  const seed = Number(q.get('seed') ?? 1);
  return { entities: n, seed: Number.isInteger(seed) ? seed : 1 };
}

/** The document and view to start with; samples for which `offload(entities)` holds are left to generate elsewhere. */
export function boot(persistence: Persistence, search = '', offload: (entities: number) => boolean = () => false): Boot {
  const sample = sampleRequest(search);
  if (sample) {
    const notice = `Generated sample of ${sample.entities.toLocaleString('en')} entities — edits here are not autosaved.`;
    if (offload(sample.entities)) return { doc: samplePlaceholder(sample), datasetId: 'sample', autosave: false, notice, sample };
    return { doc: generateGraph(sample), datasetId: 'sample', autosave: false, notice };
  }
  const saved = persistence.load() as { doc?: unknown; datasetId?: DatasetId; view?: Partial<View> } | null;
  if (saved?.doc) {
    try {
      const doc = parseDoc(saved.doc);
      return { doc, datasetId: saved.datasetId ?? 'imported', view: saved.view, autosave: true };
    } catch (e) {
      const first = DATASETS[0];
      return { doc: first.load(), datasetId: first.id, autosave: true, notice: `The autosaved graph could not be read (${readableError(e)}); the bundled dataset was loaded instead.` };
    }
  }
  const first = datasetById('line-yahoo') ?? DATASETS[0];
  return { doc: first.load(), datasetId: first.id, autosave: true };
}

// Decides the first document: a generated sample (?sample=N), else the user's saved work, else the default dataset.
// Saved work that cannot be read is kept as a backup (persistence.ts) and reported, never silently replaced.
import { generateGraph, type OwnershipDoc } from '../model';
import { DATASETS, datasetById } from './datasets';
import type { Persistence, SlotRead } from './persistence';
import { samplePlaceholder, type SampleRequest } from './sample';
import type { ScenarioMark } from './simState';
import type { DatasetId, View } from './types';

export interface Boot {
  doc: OwnershipDoc;
  datasetId: DatasetId;
  view?: Partial<View>;
  /** The scenario the saved work showed over its base (it opens still showing it, with Back to base). */
  scenario?: ScenarioMark;
  /** The revision of the saved work opened (autosave writes over it only). */
  rev?: number;
  notice?: string;
  /** A sample to generate off the page (store/sample.ts): `doc` is its placeholder until it arrives. */
  sample?: SampleRequest;
  /** Saved work that could not be read: why, its text, and the backup key it is kept under. */
  unreadable?: Extract<SlotRead, { state: 'unreadable' }>;
}

/** Largest generated sample the URL may ask for. */
export const MAX_SAMPLE = 200_000;

/**
 * Reads `?sample=N[&seed=S][&core=F][&depth=D][&wide=K]` (the shapes `generate` makes: a strongly connected core of
 * fraction F, chains of D companies, K widely held companies); null when absent or invalid. Invalid shapes are ignored.
 */
export function sampleRequest(search: string): SampleRequest | null {
  const q = new URLSearchParams(search);
  const n = Number(q.get('sample'));
  if (!q.has('sample') || !Number.isInteger(n) || n < 2 || n > MAX_SAMPLE) return null;
  const seed = Number(q.get('seed') ?? 1);
  const core = Number(q.get('core')), depth = Number(q.get('depth')), wide = Number(q.get('wide'));
  return {
    entities: n,
    seed: Number.isInteger(seed) ? seed : 1,
    ...(core > 0 && core <= 1 ? { core } : {}),
    ...(Number.isInteger(depth) && depth > 0 ? { depth } : {}),
    ...(q.has('wide') && Number.isInteger(wide) && wide >= 0 ? { wide } : {}),
  };
}

/** The sample asked for by `search`, if any; samples for which `offload(entities)` holds are left to generate elsewhere. */
export function sampleBoot(search: string, offload: (entities: number) => boolean = () => false): Boot | null {
  const sample = sampleRequest(search);
  if (!sample) return null;
  const notice = `Generated sample of ${sample.entities.toLocaleString('en')} entities — edits here are not autosaved; choose a dataset to return to your own work.`;
  if (offload(sample.entities)) return { doc: samplePlaceholder(sample), datasetId: 'sample', notice, sample };
  return { doc: generateGraph(sample), datasetId: 'sample', notice };
}

/** The bundled dataset `id` (the default one for anything else). */
export function bundledBoot(id: DatasetId = 'line-yahoo'): Boot {
  const d = datasetById(id) ?? DATASETS[0];
  return { doc: d.load(), datasetId: d.id };
}

/** A Boot from a read slot: the saved work, else the bundled dataset (saying why when the saved work was unreadable). */
export function bootFrom(read: SlotRead, fallback: DatasetId = 'line-yahoo'): Boot {
  if (read.state === 'ok') return { doc: read.saved.doc, datasetId: read.saved.datasetId, view: read.saved.view, rev: read.saved.rev, ...(read.note ? { notice: read.note } : {}), ...(read.saved.scenario ? { scenario: read.saved.scenario } : {}) };
  const b = bundledBoot(fallback);
  return read.state === 'unreadable' ? { ...b, unreadable: read } : b;
}

/** The document and view to start with. */
export async function boot(persistence: Persistence, search = '', offload: (entities: number) => boolean = () => false): Promise<Boot> {
  const sample = sampleBoot(search, offload);
  if (sample) return sample;
  const { slot, read } = await persistence.open();
  return bootFrom(read, slot && datasetById(slot) ? slot : 'line-yahoo');
}

// Large generated samples (?sample=N) are made in the analysis worker, which keeps its copy: the page starts on an
// empty placeholder, which nothing draws, and loads the sample once its parts have arrived.
import type { StoreApi } from 'zustand/vanilla';
import { emptyDoc, generateGraph, type GenerateOptions, type OwnershipDoc } from '../model';
import type { RemoteAnalysis } from './remote';
import type { ExplorerState } from './store';

/** A sample request: how many entities, from which seed, and optionally its shape (model/generate.ts). */
export interface SampleRequest extends Pick<GenerateOptions, 'core' | 'depth' | 'wide'> {
  entities: number;
  seed: number;
}

const placeholders = new WeakSet<OwnershipDoc>();

/** The empty document shown while `sample` is generated elsewhere. */
export function samplePlaceholder(sample: SampleRequest): OwnershipDoc {
  const doc = { ...emptyDoc(`Generated graph: ${sample.entities.toLocaleString('en')} entities (seed ${sample.seed})`), asOf: '2025-01-01' };
  placeholders.add(doc);
  return doc;
}

/** Whether `doc` stands in for a sample still being generated (the canvas draws nothing for it). */
export const isPlaceholder = (doc: OwnershipDoc) => placeholders.has(doc);

/**
 * Generates `sample` with `generate` (the worker's) and loads it in place of the placeholder, unless another document
 * was opened meanwhile. Should the worker fail, the sample is generated on the page: one long pause, not an empty app.
 */
export async function loadSample(store: StoreApi<ExplorerState>, sample: SampleRequest, generate: RemoteAnalysis['generate'], notice: string): Promise<void> {
  const st = store.getState;
  const placeholder = st().doc;
  const busy = `Generating a sample of ${sample.entities.toLocaleString('en')} entities…`;
  st().setBusy(busy);
  let doc: OwnershipDoc;
  try {
    doc = await generate(sample, (phase) => st().setBusy(`${busy} (${phase})`));
  } catch {
    doc = generateGraph(sample);
  }
  st().setBusy(null);
  if (st().doc !== placeholder) return;
  st().loadDoc(doc, 'sample', 'sample');
  st().notify(notice);
}

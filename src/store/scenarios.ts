// The bundled scenarios (data/scenarios/*.json), imported at build time so the app never fetches them, and the
// list the Simulate panel offers for a document: its dataset's bundled scenarios, then those saved with it.
import { parseScenario, type Op, type OwnershipDoc, type Source } from '../model';
import type { DatasetId } from './types';

/** A scenario as the panel lists it, bundled or saved with the document. */
export interface ScenarioEntry {
  id: string;
  title: string;
  description: string;
  ops: Op[];
  date?: string;
  sources: Source[];
  source: 'bundled' | 'document';
}

const files = import.meta.glob('../../data/scenarios/*.json', { eager: true, import: 'default' }) as Record<string, unknown>;

/** Every bundled scenario, by file name order. */
export const BUNDLED_SCENARIOS = Object.keys(files)
  .sort()
  .map((path) => parseScenario(files[path], path.split('/').pop()));

/** The scenarios to offer: the bundled ones written for `datasetId`, then the document's own. */
export function scenariosFor(datasetId: DatasetId, doc: OwnershipDoc): ScenarioEntry[] {
  const bundled: ScenarioEntry[] = BUNDLED_SCENARIOS.filter((s) => s.dataset === datasetId).map((s) => ({
    id: s.id, title: s.title, description: s.description, ops: s.ops, sources: s.sources, source: 'bundled',
    ...(s.date ? { date: s.date } : {}),
  }));
  const own: ScenarioEntry[] = (doc.scenarios ?? []).map((s) => ({
    id: s.id, title: s.title, description: s.description ?? '', ops: s.ops, sources: [], source: 'document',
    ...(s.date ? { date: s.date } : {}),
  }));
  return [...bundled, ...own];
}

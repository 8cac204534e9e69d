// The bundled datasets, imported statically so the app makes no network request at run time.
import { emptyDoc, parseDoc, type OwnershipDoc } from '../model';
import lineYahoo from '../../data/line-yahoo.ownership.json';
import nttDocomo from '../../data/ntt-docomo.ownership.json';
import type { DatasetId } from './types';

export interface Dataset {
  id: DatasetId;
  label: string;
  load(): OwnershipDoc;
}

/** The datasets the picker offers, in order; the first is the default. */
export const DATASETS: Dataset[] = [
  { id: 'line-yahoo', label: 'LY Corporation', load: () => parseDoc(lineYahoo) },
  { id: 'ntt-docomo', label: 'NTT Docomo', load: () => parseDoc(nttDocomo) },
  { id: 'blank', label: 'Blank graph', load: () => ({ ...emptyDoc('Blank graph'), asOf: new Date().toISOString().slice(0, 10) }) },
];

/** The bundled dataset with this id, or undefined for generated/imported documents. */
export function datasetById(id: DatasetId): Dataset | undefined {
  return DATASETS.find((d) => d.id === id);
}

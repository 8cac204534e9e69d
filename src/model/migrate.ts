// Migrations: each step lifts a raw document one version; newer versions load as they are (unknown fields kept).
import { ModelError } from './errors';
import { CURRENT_VERSION } from './types';

type Raw = Record<string, unknown>;

/** Migration steps keyed by the version they upgrade from. Version 1 is the first; add steps here. */
const steps: Record<number, (doc: Raw) => Raw> = {};

/** Upgrades a raw document to the current version; a missing version is taken as 1. */
export function migrate(raw: Raw): Raw {
  let doc: Raw = { ...raw, version: raw.version ?? 1 };
  if (typeof doc.version !== 'number' || !Number.isInteger(doc.version) || doc.version < 1) {
    throw new ModelError('model/migrate: field "version" must be a whole number from 1 — fix the file header');
  }
  while ((doc.version as number) < CURRENT_VERSION) {
    const step = steps[doc.version as number];
    if (!step) throw new ModelError(`model/migrate: no migration from version ${doc.version}`);
    doc = { ...step(doc), version: (doc.version as number) + 1 };
  }
  return doc;
}

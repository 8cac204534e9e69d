// Scenarios as data (data/scenarios/*.json): a titled, sourced list of operations for one dataset.
import * as z from 'zod/mini';
import { ModelError } from './errors';
import type { Op } from './ops';
import type { Source } from './types';
import { isoDate, sourceSchema } from './schema';

export const scenarioSchema = z.looseObject({
  id: z.string().check(z.minLength(1)),
  title: z.string().check(z.minLength(1)),
  description: z.string(),
  dataset: z.string().check(z.minLength(1)),
  /** The view date at which the scenario is meant to be seen (optional; default: the document's). */
  date: z.optional(isoDate),
  ops: z.array(z.looseObject({ type: z.string() })),
  sources: z.array(sourceSchema),
});

export interface Scenario {
  id: string;
  title: string;
  description: string;
  dataset: string;
  date?: string;
  ops: Op[];
  sources: Source[];
}

/** Parses a scenario file; operations are checked when applied. */
export function parseScenario(raw: unknown, name = 'scenario'): Scenario {
  const r = scenarioSchema.safeParse(raw);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new ModelError(`model/scenario: ${name} field "${issue.path.join('.')}": ${issue.message}`);
  }
  return r.data as unknown as Scenario;
}

// The document model's public surface: types, parsing, validation and pure edit operations.
export * from './types';
export * from './errors';
export * from './dates';
export * from './ops';
export { apply, applyWithInverse, RECORD_KINDS } from './apply';
export { applyPatch, diffPatch, RECORD_LISTS, type PatchOp, type ListPatch, type RecordList } from './patch';
export { parseDoc } from './parse';
export { validateDoc, roundingWarnings, ROUNDING_TOLERANCE } from './validate';
export { docIndex, type DocIndex } from './docIndex';
export { rangeOf, fmtRange } from './ranges';
export { migrate } from './migrate';
export { MAX_COORDINATE, isCoordinate, coordinateProblem } from './positions';
export { generateGraph, rng, type GenerateOptions } from './generate';
export { parseScenario, scenarioSchema, type Scenario } from './scenario';

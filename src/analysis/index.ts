// The analysis engine's public surface: pure functions of a document and a view.
export { analyze, Analysis, groupKey, type AnalysisView, type EntityControl, type LookThrough, type PlayerPower, type Status } from './analyze';
export { diffAnalyses, type ControlDiff, type ControlSummary } from './diff';
export { whatWouldItTake, controls, controlsNow, type Purchase } from './whatIf';
export { classifyDependency, type Exposure, type ExposureClass } from './exposure';
export { powerIndices, type PowerIndices } from './power';
export { resolveOptions, RULES, RULE_LABELS, type AnalysisOptions, type Rule } from './options';
export { CONTROL_RULES, controlRule, ruleLabel, usesThreshold, type ControlRule, type Mechanism } from './rules';
export { describeRule, passes, ruleOf } from './decisionRule';
export { pct, roundPct } from './format';
export type { Reason } from './control';
export { summarize, summaryBuffers, viewOfSummary, type AnalysisSummary, type ControlEntry, type ControlView } from './summary';
export { upstreamOf, subDocument, subDocumentAt } from './upstream';
export { adjacency, adjacencyBuffers, buildAdjacency, entityIndex, neighbours, seedAdjacency, type Adjacency } from './adjacency';
export { diffWords, diffText, describeControl, describeExposure, listWords, type DiffLine, type DiffWords, type Namer } from './diffWords';
export { timelineDates, dateIndex, eventsByDate } from './timeline';
export { caseFacts, recordsOf, type CaseFacts, type CaseEvent } from './caseFacts';
export { controlCertainty, type Certainty } from './certainty';
export { controlAgreements } from './relations';

// The store's public surface: types, the store factory, the app factory and the React hooks. Importing it starts nothing.
export * from './types';
export { createExplorerStore, selectionExists, type ExplorerState, type ExplorerStore, type CommitResult, type Change } from './store';
export { createApp, browserEnv, type ExplorerApp, type AppEnv } from './app';
export { AppProvider, useApp, useStoreApi, useStore, useAnalysis, useDrawnAnalysis, useRemote, useCanvas } from './context';
export type { CanvasApi, CanvasHandle } from './canvasHandle';
export type { DrawStats } from './drawStats';
export { analysisOf } from './analysis';
export { DATASETS, datasetById } from './datasets';
export { readableError, dateText } from './messages';
export { floatOffer, offerFloat } from './float';

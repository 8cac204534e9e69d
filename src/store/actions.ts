// The actions that change the working document, each declaring once how it enters the history (as excalidraw's
// actions declare how they are captured): an undo step, no step (the history kept), or a fresh history. Call sites
// name the action they perform; they never choose whether it can be undone.

/** How an action enters the history. */
export type HistoryPolicy =
  /** One undo step (the redo stack is cleared). */
  | 'step'
  /** Applied without an undo step, the history kept: nothing a person did (positions from the automatic layout). */
  | 'none'
  /** The history starts afresh with this document: there is nothing to go back to from it. */
  | 'restart';

/** An action: whether it applies an operation or loads a whole document, and its history policy. */
export type ActionSpec =
  | { change: 'op'; history: 'step' | 'none'; what: string }
  // A load cannot keep the history without a step: the entries' inverses belong to the document it replaces.
  | { change: 'load'; history: 'step' | 'restart'; what: string };

/** Every action of the explorer. A new way of changing the document is a new entry here. */
export const ACTIONS = {
  edit: { change: 'op', history: 'step', what: 'an edit of the graph: a form, a drag, a transfer, a delete' },
  // Dispatched by the app's automatic layout (autoLayout.ts), never by the canvas, for a document that arrives without
  // positions: a load (its step then holds the laid-out document, store.place), the redo of one, entities added unplaced.
  layout: { change: 'op', history: 'none', what: 'positions given by the automatic layout' },
  scenario: { change: 'op', history: 'step', what: 'a scenario applied or saved, or the base put back, with its simulation state and view date' },
  openDataset: { change: 'load', history: 'step', what: 'a bundled dataset, or the saved work on it, opened' },
  import: { change: 'load', history: 'step', what: 'a file opened or dropped' },
  otherTab: { change: 'load', history: 'step', what: 'the version another tab saved, opened' },
  shareKeep: { change: 'load', history: 'step', what: 'a shared graph kept as the working graph, over the user’s own work' },
  sharePreview: { change: 'load', history: 'restart', what: 'a shared graph previewed, or the user’s own work put back around it' },
  sample: { change: 'load', history: 'restart', what: 'a generated sample arriving' },
} as const satisfies Record<string, ActionSpec>;

export type ActionType = keyof typeof ACTIONS;

/** The actions that load a whole document. */
export type LoadAction = { [A in ActionType]: (typeof ACTIONS)[A]['change'] extends 'load' ? A : never }[ActionType];

/** The actions that apply an operation. */
export type OpAction = Exclude<ActionType, LoadAction>;

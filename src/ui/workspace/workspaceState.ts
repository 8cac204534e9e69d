// The workspace's view state as the components read it: the explorer's own (store/workspace.ts, made by createApp),
// reached through the app context, so nothing here reads storage or the window when imported.
export { INSPECTOR_OPEN_FROM, type WorkspaceState, type WorkspaceStore } from '../../store/workspace';
export { useWorkspace, useWorkspaceApi } from '../../store/context';

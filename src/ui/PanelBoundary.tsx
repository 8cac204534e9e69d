// An error boundary per panel: a panel that throws while drawing says so in its own place, with what failed and a
// Try again button, and the rest of the app keeps working. It tries again by itself when what the panel shows changes
// (another selection, another document), so one bad record does not keep the panel closed.
import { Component, type ReactNode } from 'react';
import { useStore } from '../store';

interface Props {
  /** The panel's name as the user knows it ("Inspector", "Simulate"). */
  name: string;
  /** Values whose change clears the error (what the panel describes). */
  resetKeys: unknown[];
  children: ReactNode;
}

interface State {
  error: Error | null;
  keys: unknown[];
}

/** Catches what a panel throws while rendering and shows it in place of the panel. */
class Boundary extends Component<Props, State> {
  state: State = { error: null, keys: this.props.resetKeys };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    const changed = props.resetKeys.length !== state.keys.length || props.resetKeys.some((k, i) => !Object.is(k, state.keys[i]));
    if (!changed) return null;
    return { keys: props.resetKeys, error: null };
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <div className="panel-failed" role="alert" data-testid="panel-failed">
        <p>
          <strong>{this.props.name} could not be shown</strong> ({error.message}). The rest of the app keeps working, and
          your graph is unchanged.
        </p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}

/** A panel inside its own error boundary, cleared when the document or the selection changes. */
export function PanelBoundary({ name, children }: { name: string; children: ReactNode }) {
  const doc = useStore((s) => s.doc);
  const selection = useStore((s) => s.selection);
  return (
    <Boundary name={name} resetKeys={[doc, selection]}>
      {import.meta.env.MODE === 'test' ? <FaultProbe name={name} /> : null}
      {children}
    </Boundary>
  );
}

declare global {
  interface Window {
    /** Test builds only: the name of a panel to make fail, so end-to-end tests can see its boundary at work. */
    __failPanel?: string;
  }
}

/** Test builds only: throws when `window.__failPanel` names this panel (Vite drops it from production builds). */
function FaultProbe({ name }: { name: string }) {
  if (typeof window !== 'undefined' && window.__failPanel === name) throw new Error(`test fault in ${name}`);
  return null;
}

// Parts of the interface that the first drawing does not need. They load later (React.lazy chunks, bundled with the
// app and served from its own origin): on first use, or once the graph's first drawing has been painted. A part
// fetched ahead (`preload`) renders at once when first used, with no empty frame while its chunk arrives.
import { lazy, useEffect, useState, type ComponentType } from 'react';
import { useApp } from '../store/context';

/** Longest wait for the first drawing before the rest loads anyway (an empty graph, a layout that failed). */
const AT_MOST_MS = 3000;

/** Whether the graph's first drawing has been painted (checked once a frame until it has, at most AT_MOST_MS). */
export function useFirstDrawn(): boolean {
  const stats = useApp().drawStats;
  const [drawn, setDrawn] = useState(() => stats.firstDrawnAt !== null);
  useEffect(() => {
    if (drawn) return;
    let frame = 0;
    const check = () => {
      if (stats.firstDrawnAt !== null) setDrawn(true);
      else frame = requestAnimationFrame(check);
    };
    frame = requestAnimationFrame(check);
    const late = setTimeout(() => setDrawn(true), AT_MOST_MS);
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(late);
    };
  }, [drawn, stats]);
  return drawn;
}

/** A lazily loaded component that can be fetched ahead: `Part` renders it (suspending only if not yet loaded). */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>): { Part: ComponentType<P>; preload(): void } {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const fetch = () => (loading ??= load().then((c) => (loaded = c)));
  const Lazy = lazy(() => fetch().then((c) => ({ default: c })));
  function Part(props: P) {
    const Loaded = loaded;
    return Loaded ? <Loaded {...props} /> : <Lazy {...props} />;
  }
  return { Part, preload: () => void fetch().catch(() => undefined) };
}

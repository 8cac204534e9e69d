// When the parts of the interface that the first drawing does not need may load: once the graph's first drawing has
// been painted (or after a few seconds, whatever happens to the drawing). They are React.lazy chunks, bundled with
// the app and served from its own origin.
import { useEffect, useState } from 'react';
import { stats } from '../canvas/stats';

/** Longest wait for the first drawing before the rest loads anyway (an empty graph, a layout that failed). */
const AT_MOST_MS = 3000;

/** Whether the graph's first drawing has been painted (checked once a frame until it has, at most AT_MOST_MS). */
export function useFirstDrawn(): boolean {
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
  }, [drawn]);
  return drawn;
}

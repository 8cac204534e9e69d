// Progress of an analysis running in the worker (large graphs), shown over the canvas; the page stays usable.
import { useRemote, useStore } from '../store';

export function AnalysisStatus() {
  const progress = useRemote((r) => r.progress);
  const error = useRemote((r) => r.error);
  const n = useStore((s) => s.doc.entities.length);
  if (error) return <div className="analysis-status error" role="alert">Analysis failed: {error}</div>;
  if (progress === null) return null;
  return (
    <div className="analysis-status" role="status" aria-live="polite">
      Analysing {n.toLocaleString('en')} entities… <progress max={1} value={progress} aria-label="Analysis progress" />
    </div>
  );
}

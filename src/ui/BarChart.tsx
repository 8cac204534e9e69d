// A small horizontal bar chart in plain HTML/CSS: one labelled bar per owner, values in percent; with `onPick`, each
// row's label is a button.
export function BarChart({ rows, label, max = 10, onPick, pickTitle }: { rows: { key: string; label: string; value: number }[]; label: string; max?: number; onPick?(key: string): void; pickTitle?: string }) {
  const sorted = [...rows].sort((a, b) => b.value - a.value);
  const shown = sorted.slice(0, max);
  const rest = sorted.slice(max).reduce((s, r) => s + r.value, 0);
  if (!shown.length) return <p className="muted">None recorded.</p>;
  return (
    <div className="bars" role="list" aria-label={label}>
      {shown.map((r) => (
        <div className="bar-row" role="listitem" key={r.key}>
          {onPick ? (
            <button type="button" className="bar-label link" title={pickTitle ?? r.label} onClick={() => onPick(r.key)}>{r.label}</button>
          ) : (
            <span className="bar-label" title={r.label}>{r.label}</span>
          )}
          <span className="bar-track" aria-hidden="true">
            <span className="bar-fill" style={{ width: `${Math.max(0.5, Math.min(100, r.value))}%` }} />
          </span>
          <span className="bar-value">{r.value.toFixed(2)}%</span>
        </div>
      ))}
      {rest > 0.005 && <p className="muted small-text">…and {sorted.length - max} more, {rest.toFixed(2)}% together.</p>}
    </div>
  );
}

// Edits a record's list of sources (title, URL, date); every change commits the whole list through the model.
import type { Source } from '../model';
import { DateField, TextField, type Commit } from './fields';
import { webLink } from './links';

export function SourcesEditor({ sources, onCommit }: { sources: Source[] | undefined; onCommit: Commit<Source[] | null> }) {
  const list = sources ?? [];
  const update = (i: number, change: Partial<Record<keyof Source, string | null>>) => {
    const next = list.map((s, j) => {
      if (j !== i) return s;
      const out: Record<string, unknown> = { ...s };
      for (const [k, v] of Object.entries(change)) {
        if (v === null || v === '') delete out[k];
        else out[k] = v;
      }
      return out as Source;
    });
    return onCommit(next);
  };
  return (
    <details className="sources">
      <summary>Sources ({list.length})</summary>
      {list.map((s, i) => (
        <div className="source" key={i}>
          <TextField label={`Source ${i + 1} title`} value={s.title ?? ''} onCommit={(v) => update(i, { title: v })} />
          <TextField label="URL" value={s.url ?? ''} onCommit={(v) => update(i, { url: v })} />
          <DateField label="Date" value={s.date} onCommit={(v) => update(i, { date: v })} />
          {webLink(s.url) && (
            <a href={webLink(s.url)!} target="_blank" rel="noreferrer noopener">Open source {i + 1}</a>
          )}
          <button type="button" className="small" onClick={() => onCommit(list.length > 1 ? list.filter((_, j) => j !== i) : null)} aria-label={`Remove source ${i + 1}`}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" className="small" onClick={() => onCommit([...list, { title: 'New source' }])}>Add source</button>
    </details>
  );
}

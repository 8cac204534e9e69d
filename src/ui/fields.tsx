// Form fields that edit one value of the document: they keep a draft while typing and commit on Enter or blur;
// a refused commit keeps the draft, marks the field invalid and shows the message; Escape reverts.
import { useEffect, useId, useState, type ReactNode } from 'react';
import { parseDecimal } from './numbers';

/** A commit handler returns an error message, or null when the edit was applied. */
export type Commit<T> = (value: T) => string | null;

interface TextProps {
  label: string;
  value: string;
  onCommit: Commit<string>;
  multiline?: boolean;
  placeholder?: string;
  inputMode?: 'text' | 'decimal' | 'numeric';
  hint?: string;
  name?: string;
}

/** A text (or number-as-text, or date-as-text) field. */
export function TextField({ label, value, onCommit, multiline, placeholder, inputMode, hint, name }: TextProps) {
  const id = useId();
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  /** The draft last refused: leaving the field does not send it again (nor replace the message and its offer). */
  const [refused, setRefused] = useState<string | null>(null);
  useEffect(() => {
    setDraft(value);
    setError(null);
    setRefused(null);
  }, [value]);
  const dirty = draft !== value;
  const commit = () => {
    if (!dirty) return setError(null);
    if (draft === refused && error) return;
    const e = onCommit(draft);
    setError(e);
    setRefused(e ? draft : null);
  };
  const common = {
    id,
    name,
    value: draft,
    placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-err` : hint ? `${id}-hint` : undefined,
    'data-dirty': dirty ? 'true' : undefined,
    onBlur: commit,
  };
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea
          {...common}
          rows={3}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) commit();
            if (e.key === 'Escape') { setDraft(value); setError(null); }
          }}
        />
      ) : (
        <input
          {...common}
          type="text"
          inputMode={inputMode}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit();
            if (e.key === 'Escape') { setDraft(value); setError(null); }
          }}
        />
      )}
      {hint && !error && <small id={`${id}-hint`} className="hint">{hint}</small>}
      {error && <small id={`${id}-err`} className="error" role="alert">{error}</small>}
    </div>
  );
}

/** A number field: empty clears an optional value (null); "62,5" reads as 62.5; anything else goes to the model as a number. */
export function NumberField(props: { label: string; value: number | undefined; onCommit: Commit<number | null>; optional?: boolean; hint?: string; name?: string; placeholder?: string }) {
  const { value, onCommit, optional, ...rest } = props;
  return (
    <TextField
      {...rest}
      inputMode="decimal"
      value={value === undefined ? '' : String(value)}
      onCommit={(text) => {
        const t = text.trim();
        if (t === '') return optional ? onCommit(null) : onCommit(Number.NaN);
        return onCommit(parseDecimal(t));
      }}
    />
  );
}

/** A date field (YYYY-MM-DD as text, so that a wrong date can be typed and is refused with a message). */
export function DateField(props: { label: string; value: string | null | undefined; onCommit: Commit<string | null>; name?: string }) {
  const { value, onCommit, ...rest } = props;
  return <TextField {...rest} placeholder="YYYY-MM-DD" value={value ?? ''} onCommit={(t) => onCommit(t.trim() === '' ? null : t.trim())} />;
}

/** A select that commits on change. */
export function SelectField<T extends string>(props: { label: string; value: T; options: { value: T; label: string }[]; onCommit: Commit<T>; name?: string }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className={`field${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      <select id={id} name={props.name} value={props.value} onChange={(e) => setError(props.onCommit(e.target.value as T))}>
        {props.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
      {error && <small className="error" role="alert">{error}</small>}
    </div>
  );
}

/** A checkbox that commits on change. */
export function CheckField(props: { label: string; value: boolean; onCommit: Commit<boolean>; name?: string }) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="field check">
      <input id={id} name={props.name} type="checkbox" checked={props.value} onChange={(e) => setError(props.onCommit(e.target.checked))} />
      <label htmlFor={id}>{props.label}</label>
      {error && <small className="error" role="alert">{error}</small>}
    </div>
  );
}

/** A titled group of fields. */
export function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  return (
    <section className="panel-section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {children}
    </section>
  );
}

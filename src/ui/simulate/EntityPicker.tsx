// Picks an entity: a plain select on ordinary graphs; on huge ones a text field with suggestions (the first matches
// only), so the panel never renders a hundred thousand options.
import { useMemo, useState } from 'react';

export interface PickOption {
  id: string;
  name: string;
}

/** Above this many options the picker becomes a search field. */
export const PICKER_SELECT_MAX = 1500;
const SUGGESTIONS = 50;

interface Props {
  id: string;
  value: string;
  options: PickOption[];
  onChange(id: string): void;
  placeholder: string;
  disabled?: boolean;
  /** Extra options listed first (e.g. "A new entity…"), always as a select entry. */
  extra?: PickOption[];
}

export function EntityPicker({ id, value, options, onChange, placeholder, disabled, extra = [] }: Props) {
  const [text, setText] = useState('');
  const big = options.length > PICKER_SELECT_MAX;
  const matches = useMemo(() => {
    if (!big) return [];
    const t = text.trim().toLowerCase();
    return (t ? options.filter((o) => o.name.toLowerCase().includes(t)) : options).slice(0, SUGGESTIONS);
  }, [big, options, text]);
  if (!big) {
    return (
      <select id={id} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        <option value="">{placeholder}</option>
        {extra.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
        {options.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
      </select>
    );
  }
  const all = [...extra, ...matches];
  return (
    <>
      <input
        id={id} list={`${id}-list`} value={text} disabled={disabled} placeholder={`${placeholder} (type to search)`}
        onChange={(e) => {
          setText(e.target.value);
          const hit = all.find((o) => o.name === e.target.value);
          onChange(hit ? hit.id : '');
        }}
      />
      <datalist id={`${id}-list`}>
        {all.map((o) => <option key={o.id} value={o.name} />)}
      </datalist>
    </>
  );
}

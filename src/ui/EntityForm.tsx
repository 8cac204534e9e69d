// The inspector's form for one entity: every field of FORMAT.md, each edit committed through apply().
import type { DecisionRule, Entity, EntityKind } from '../model';
import { KIND_STYLES } from '../draw/styles';
import { useEdits } from './edits';
import { CheckField, NumberField, SelectField, TextField } from './fields';
import { SourcesEditor } from './SourcesEditor';

const KINDS = Object.entries(KIND_STYLES).map(([value, s]) => ({ value: value as EntityKind, label: s.label }));
type RuleKind = 'default' | 'moreThan' | 'atLeast';

export function EntityForm({ entity }: { entity: Entity }) {
  const { changeEntity } = useEdits();
  const id = entity.id;
  const rule = entity.decisionRule;
  const ruleKind: RuleKind = !rule ? 'default' : 'moreThan' in rule ? 'moreThan' : 'atLeast';
  const ruleValue = rule ? ('moreThan' in rule ? rule.moreThan : rule.atLeast) : undefined;
  const setRule = (kind: RuleKind, value: number | undefined) => {
    if (kind === 'default') return changeEntity(id, { decisionRule: null });
    const v = value ?? (kind === 'atLeast' ? 75 : 50);
    return changeEntity(id, { decisionRule: (kind === 'moreThan' ? { moreThan: v } : { atLeast: v }) as DecisionRule });
  };
  return (
    <form className="form" onSubmit={(e) => e.preventDefault()} aria-label={`Edit ${entity.name}`}>
      <TextField name="name" label="Name" value={entity.name} onCommit={(v) => changeEntity(id, { name: v.trim() || v })} />
      <div className="row">
        <SelectField name="kind" label="Kind" value={entity.kind ?? 'company'} options={KINDS} onCommit={(v) => changeEntity(id, { kind: v })} />
        <TextField
          name="jurisdiction"
          label="Jurisdiction"
          value={entity.jurisdiction ?? ''}
          placeholder="JP"
          hint="ISO country code"
          onCommit={(v) => changeEntity(id, { jurisdiction: v.trim() === '' ? null : v.trim().toUpperCase() })}
        />
      </div>
      <CheckField name="listed" label="Listed on a stock exchange" value={!!entity.listed} onCommit={(v) => changeEntity(id, { listed: v ? true : null })} />
      <NumberField name="boardSize" label="Board size (seats)" optional value={entity.boardSize} onCommit={(v) => changeEntity(id, { boardSize: v })} />
      <div className="row">
        <SelectField<RuleKind>
          name="decisionRuleKind"
          label="Decision rule"
          value={ruleKind}
          options={[
            { value: 'default', label: 'Default (more than 50%)' },
            { value: 'moreThan', label: 'More than …%' },
            { value: 'atLeast', label: 'At least …%' },
          ]}
          onCommit={(k) => setRule(k, ruleValue)}
        />
        {ruleKind !== 'default' && (
          <NumberField name="decisionRuleValue" label="Threshold %" value={ruleValue} onCommit={(v) => setRule(ruleKind, v ?? Number.NaN)} />
        )}
      </div>
      <TextField name="notes" label="Notes" multiline value={entity.notes ?? ''} onCommit={(v) => changeEntity(id, { notes: v.trim() === '' ? null : v })} />
      <SourcesEditor sources={entity.sources} onCommit={(s) => changeEntity(id, { sources: s })} />
      <p className="muted small-text">Id: <code>{id}</code></p>
    </form>
  );
}

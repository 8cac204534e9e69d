// Inspector forms for agreements (control / joint control by contract) and dependencies (provider serves client).
import type { Agreement, Dependency } from '../model';
import { useEdits } from './edits';
import { DateField, SelectField, TextField } from './fields';
import { SourcesEditor } from './SourcesEditor';
import { kindLabel } from '../draw/labels';

const DEP_KINDS = ['it-operations', 'cloud-hosting', 'data-storage', 'authentication', 'outsourcing', 'other'] as const;

export function AgreementForm({ agreement: a, nameOf, entityOptions }: { agreement: Agreement; nameOf: (id: string) => string; entityOptions: { value: string; label: string }[] }) {
  const { changeAgreement } = useEdits();
  return (
    <form className="form" onSubmit={(e) => e.preventDefault()} aria-label="Edit agreement">
      <p className="edge-ends">
        <strong>{a.parties.map(nameOf).join(' and ')}</strong> {a.kind === 'joint-control' ? 'jointly control' : 'controls'} <strong>{nameOf(a.subject)}</strong> by agreement
      </p>
      <SelectField
        name="kind"
        label="Kind"
        value={a.kind}
        options={[{ value: 'control', label: 'Control' }, { value: 'joint-control', label: 'Joint control' }]}
        onCommit={(v) => changeAgreement(a.id, { kind: v })}
      />
      <TextField
        name="parties"
        label="Parties (entity ids, comma-separated)"
        value={a.parties.join(', ')}
        onCommit={(v) => changeAgreement(a.id, { parties: v.split(',').map((x) => x.trim()).filter(Boolean) })}
      />
      <SelectField name="subject" label="Subject" value={a.subject} options={entityOptions} onCommit={(v) => changeAgreement(a.id, { subject: v })} />
      <TextField name="basis" label="Basis" value={a.basis ?? ''} onCommit={(v) => changeAgreement(a.id, { basis: v.trim() === '' ? null : v })} />
      <div className="row">
        <DateField name="since" label="Since" value={a.since} onCommit={(v) => changeAgreement(a.id, { since: v })} />
        <DateField name="until" label="Until" value={a.until} onCommit={(v) => changeAgreement(a.id, { until: v })} />
      </div>
      <TextField name="notes" label="Notes" multiline value={a.notes ?? ''} onCommit={(v) => changeAgreement(a.id, { notes: v.trim() === '' ? null : v })} />
      <SourcesEditor sources={a.sources} onCommit={(s) => changeAgreement(a.id, { sources: s })} />
      <p className="muted small-text">Id: <code>{a.id}</code></p>
    </form>
  );
}

export function DependencyForm({ dependency: d, nameOf, entityOptions }: { dependency: Dependency; nameOf: (id: string) => string; entityOptions: { value: string; label: string }[] }) {
  const { changeDependency } = useEdits();
  return (
    <form className="form" onSubmit={(e) => e.preventDefault()} aria-label="Edit dependency">
      <p className="edge-ends">
        <strong>{nameOf(d.provider)}</strong> provides {kindLabel(d.kind)} to <strong>{nameOf(d.client)}</strong>
      </p>
      <SelectField name="kind" label="Kind" value={d.kind} options={DEP_KINDS.map((k) => ({ value: k, label: kindLabel(k) }))} onCommit={(v) => changeDependency(d.id, { kind: v })} />
      <div className="row">
        <SelectField name="provider" label="Provider" value={d.provider} options={entityOptions} onCommit={(v) => changeDependency(d.id, { provider: v })} />
        <SelectField name="client" label="Client" value={d.client} options={entityOptions} onCommit={(v) => changeDependency(d.id, { client: v })} />
      </div>
      <div className="row">
        <DateField name="since" label="Since" value={d.since} onCommit={(v) => changeDependency(d.id, { since: v })} />
        <DateField name="until" label="Until" value={d.until} onCommit={(v) => changeDependency(d.id, { until: v })} />
      </div>
      <TextField name="notes" label="Notes" multiline value={d.notes ?? ''} onCommit={(v) => changeDependency(d.id, { notes: v.trim() === '' ? null : v })} />
      <SourcesEditor sources={d.sources} onCommit={(s) => changeDependency(d.id, { sources: s })} />
      <p className="muted small-text">Id: <code>{d.id}</code></p>
    </form>
  );
}

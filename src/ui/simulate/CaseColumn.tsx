// One case of the comparison, read from its dataset: the breached company's direct holders and chain of control,
// the controlling jurisdiction, the records exposed and what the regulators did and when.
import type { CaseFacts } from '../../analysis';
import { count } from './words';
import { webLink } from '../links';

export function CaseColumn({ label, facts, holders }: { label: string; facts: CaseFacts; holders: { name: string; shares: number }[] }) {
  return (
    <section className="case" aria-label={`Case: ${label}`} data-testid="case">
      <h3>{label}</h3>
      <p className="muted small-text">{facts.title} · as of {facts.date}</p>
      <dl className="facts case-facts">
        <dt>Breached company</dt>
        <dd data-testid="case-breached">{facts.breached?.name ?? 'not recorded'}</dd>
        <dt>Records exposed</dt>
        <dd data-testid="case-records">
          {facts.records ? <><strong>{count(facts.records.count)}</strong> <span className="muted small-text">({facts.records.date})</span></> : 'not recorded'}
          {facts.recordsHistory.length > 1 && (
            <div className="muted small-text">first reported {count(facts.recordsHistory[0].count)} on {facts.recordsHistory[0].date}</div>
          )}
        </dd>
        <dt>Ultimately controlled by</dt>
        <dd data-testid="case-controllers">{facts.controllers.map((c) => `${c.name}${c.jurisdiction ? ` (${c.jurisdiction})` : ''}`).join(' and ') || '—'}</dd>
        <dt>Controlling jurisdiction</dt>
        <dd data-testid="case-jurisdiction"><strong>{facts.jurisdictions.join(' + ')}</strong></dd>
      </dl>
      <h4>Structure</h4>
      {holders.length > 0 && (
        <p className="small-text">Direct holders of {facts.breached?.name}: {holders.map((h) => `${h.name} ${h.shares.toFixed(2)}%`).join(', ')}.</p>
      )}
      <ol className="explain small-text">
        {facts.chain.map((line, i) => <li key={i}>{line}</li>)}
      </ol>
      <h4>What the regulators did</h4>
      <ol className="case-events" data-testid="case-regulatory">
        {facts.regulatory.map((e) => (
          <li key={e.id}>
            <span className="event-date">{e.date}</span> {e.title}
            {e.sources.filter((s) => webLink(s.url)).slice(0, 1).map((s, i) => (
              <a key={i} className="small-text" href={webLink(s.url)!} target="_blank" rel="noopener noreferrer"> source</a>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}

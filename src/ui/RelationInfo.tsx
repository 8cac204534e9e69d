// Inspector parts for data from registers: a relation (an interest with no figure: trustee, nominee, consolidation…),
// the relations of an entity, and whether its control is certain or only possible within published bands.
import { useMemo } from 'react';
import { analyze, controlCertainty, type AnalysisOptions } from '../analysis';
import { relationLabel } from '../io/bodsRelations';
import { fmtRange, rangeOf, type OwnershipDoc, type Relation } from '../model';
import { Section } from './fields';
import { sentence } from './names';

/** Bands are checked on the main thread only up to this size (a worker view carries no reasons). */
const CERTAINTY_LIMIT = 20_000;

const period = (r: { since?: string | null; until?: string | null }) =>
  r.since || r.until ? `${r.since ?? '…'} – ${r.until ?? 'today'}` : 'undated';

/** One relation's facts, read-only (it is edited by re-importing or deleted with the Delete button). */
export function RelationDetails({ relation: r, nameOf }: { relation: Relation; nameOf: (id: string) => string }) {
  return (
    <section className="panel-section" aria-label="Relation">
      <dl className="facts" data-testid="relation-details">
        <dt>Interest</dt><dd>{relationLabel(r)}</dd>
        <dt>Party</dt><dd>{r.party ? nameOf(r.party) : `unspecified (${r.unspecified ?? 'no reason given'})`}</dd>
        <dt>In</dt><dd>{nameOf(r.subject)}</dd>
        {r.details ? (<><dt>Details</dt><dd>{r.details}</dd></>) : null}
        <dt>Period</dt><dd>{period(r)}</dd>
      </dl>
      <p className="muted">
        {r.kind === 'consolidation'
          ? 'Accounting consolidation counts as control (IFRS 10), like a control agreement.'
          : 'No ownership figure: shown for the record, it does not enter the control analysis.'}
      </p>
    </section>
  );
}

/** The relations an entity takes part in, and the certainty of its control within published bands. */
export function EntityRegisterInfo({ id, doc, options, nameOf }: { id: string; doc: OwnershipDoc; options: AnalysisOptions; nameOf: (id: string) => string }) {
  const relations = (doc.relations ?? []).filter((r) => r.party === id || r.subject === id);
  const certainty = useMemo(() => {
    if (doc.entities.length > CERTAINTY_LIMIT || !doc.holdings.some((h) => h.sharesRange || h.votesRange)) return undefined;
    return controlCertainty(doc, analyze(doc, options)).get(id);
  }, [doc, options, id]);
  const bands = doc.holdings.filter((h) => h.subject === id && rangeOf(h));
  if (!relations.length && !certainty && !bands.length) return null;
  return (
    <>
      {certainty || bands.length ? (
        <Section title="Published bands" id="bands-h">
          <ul className="plain" data-testid="bands">
            {bands.map((h) => <li key={h.id}>{nameOf(h.holder)}: {fmtRange(rangeOf(h)!)} (analysed at {Math.round(h.shares * 100) / 100}%)</li>)}
          </ul>
          {certainty ? (
            <p data-testid="certainty"><strong>Control {certainty.control === 'certain' ? 'certain' : 'only possible'}:</strong> {sentence(certainty.note)}</p>
          ) : <p className="muted">Nobody controls it at any point of the bands.</p>}
        </Section>
      ) : null}
      {relations.length ? (
        <Section title="Other interests" id="relations-h">
          <ul className="plain" data-testid="relations">
            {relations.map((r) => (
              <li key={r.id}>
                {r.party === id ? `${relationLabel(r)} of ${nameOf(r.subject)}` : `${r.party ? nameOf(r.party) : 'An unspecified party'}: ${relationLabel(r)}`} · {period(r)}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </>
  );
}

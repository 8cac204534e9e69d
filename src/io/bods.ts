// BODS 0.4 (Beneficial Ownership Data Standard, Open Ownership) import and export: pure functions, no I/O.
//
// Import (importBods):
// - Statements: a JSON array (or JSON Lines). Every statement is kept with its dates (bodsSeries.ts): each
//   relationship record's statements (new, updated, closed) become periods — a statement is in force from its earliest
//   interest startDate (else its statementDate) until the next statement of the record takes over or a `closed` one ends
//   it — so the document holds the whole history and a view date picks the register on that day (a 2019 statement
//   declaring 100% held since 2002 applies in 2010). Undated statements count as oldest; same-day statements are ordered
//   by the time part of statementDate (a warning names those out of order in the file). Entities and persons are
//   described by their newest statement as of the view date; one stated only after the view date is a placeholder then
//   (`Record <id> (stated from <date>)`, with a warning), its later name an alias from that date (bodsEntity.ts); a closed one
//   stays (its history does) and ends its open relationships. Two `new` statements for one record, and duplicate
//   statementIds, are read with a warning. BODS 0.2/0.3 files (statementType) are first upgraded to the 0.4 model
//   in one documented step (bodsUpgrade.ts), with a warning.
// - Entity statements → entities (kind `state` for state/stateBody, `fund` for an arrangement described as a fund,
//   `float` for an unknown or anonymous entity described as a (public/free) float or unattributed remainder — our own
//   export's float comes back as the float without our annotation — `company` otherwise); person statements →
//   `person`. Ids are the BODS recordIds (cut to 200 characters with a hash suffix when longer); an entity and a
//   person sharing a recordId are both kept (warning). Unmapped details stay in the entity's `bods` field.
// - Relationship statements → holdings: `shareholding` → shares, `votingRights` → votes (an interest with only voting
//   rights gives shares = votes, marked estimated). Interests are grouped by period (startDate/endDate) into one
//   holding each. A person as a subject is read, with a warning. An end inferred from a statement's date that would
//   take a company above 100% is pulled back to the start of the holding that overlaps it, with a warning.
// - Bands (minimum/maximum, exclusive or not; a missing bound is 0 or 100) stay on the holding as `sharesRange` /
//   `votesRange` and are analysed at a point that never oversums a company (bodsBands.ts: the midpoints, pulled toward
//   the lower bounds by a common fraction when they would pass 100%), marked estimated, with a warning. Lower bounds
//   that alone pass 100.1% are refused. An empty range ({minimum 50, exclusiveMaximum 50}) is read as its bound, with
//   a warning. Control at every point of the bands is computed in analysis/certainty.ts (certain or only possible).
// - Control: `appointmentOfBoard` → a `control` agreement with basis "appointment of board (BODS)" when it gives more
//   than half of the board or no share at all; `otherInfluenceOrControl` whose details say "control by agreement"
//   (as our export writes) → an agreement.
// - Every other interest with no ownership figure (trustee, settlor, beneficiary, nominee, nominator, board member,
//   other influence or control, a shareholding without a figure, a relationship with no interests, an unspecified or
//   exempt party) → a typed relation (model `relations`, bodsRelations.ts), drawn like agreements, listed in the
//   inspector, exported back; one warning counts them by kind. GLEIF accounting consolidation
//   (IS_DIRECTLY/ULTIMATELY_CONSOLIDATED_BY in otherInfluenceOrControl details) → a `consolidation` relation, which the
//   analysis treats as control (IFRS 10).
// - Indirect interests (directOrIndirect "indirect" only: componentRecords do not make a direct interest indirect)
//   never become a second holding of the subject through a known chain (bodsIndirect.ts): where the declared figure
//   determines the party's stakes in the intermediaries (one top intermediary: x / y; several: only when their stakes
//   make up x, i.e. all of each) they are derived, estimated, explained in their notes; otherwise, with no chain from the
//   party, it is a declared indirect relation (share, through) the analysis counts as declared (analysis/declared.ts),
//   and with one, a note on the intermediary (or the subject); only with no chain and no named intermediary is it an
//   estimated direct link.
// - Names and identifiers: alternateNames, a person's other names and identifiers → aliases and identifiers (bodsNames.ts).
// - A record id that no entity or person statement of the file describes becomes a placeholder entity named by the id
//   (relationship-only files open), with a warning; a file with no statement to import at all is an
//   error. Structural errors (no subject, a share outside 0–100, a bad date or type) name the statement and the field.
//   Shares summing to more than 100.1% for one subject are an error naming it; up to 100.1% is rounding (warning).
//
// Export (exportBods):
// - One entity or person statement per entity (recordId = our id), then one relationship statement per holding
//   (recordId = the holding id) and one per party of each agreement (`<agreement id>/<party>` when several).
//   Record ids are prefixed (`holding:`, `agreement:`) only if they would collide with an earlier one.
// - Relations → one relationship statement each, with their own interest type (consolidation as
//   otherInfluenceOrControl "IS_DIRECTLY_CONSOLIDATED_BY: accounting consolidation (direct parent)"); an unspecified
//   party as `{ reason }`. Anonymous and unknown persons (and placeholder or unnamed unknown entities) are written as
//   such, with their reason, never under the name shown for them.
// - `history: true` writes statement series (bodsHistory.ts): each record `new` when it starts, `updated` when the
//   next period of the same holder and subject starts, `closed` when it ends; otherwise every statement is `new`.
// - Holdings → `shareholding` (+ `votingRights` when votes are recorded, + `appointmentOfBoard` for seats); since →
//   startDate, until → endDate. What the source said is said again: an imported interest's beneficialOwnershipOrControl
//   (true only while the party is written as a person) and directOrIndirect ("unknown" stays unknown), and a statement's
//   source as written (a self-declaration stays one) while the record's sources are unchanged. An estimated figure
//   written as exact carries an annotation on its share ("estimated figure, not declared by a source"). Declared
//   indirect interests (notes, and those holdings were derived from) are written as declared, with their intermediaries
//   as componentRecords; the derived holdings themselves are not (bodsIndirectOut.ts). Control agreements →
//   `otherInfluenceOrControl` "control by agreement: <basis>" (or `appointmentOfBoard` when that is where they came
//   from); joint control → one such interest per party. A person or entity whose name import made up (the statement
//   gave none) is written without a name.
// - Kinds: company → registeredEntity, state → state, fund → arrangement "fund", float → unknownEntity, other →
//   legalEntity; a person that is itself held (BODS subjects must be entities) is written as a legalEntity.
// - statementId = a UUID-shaped SHA-256 of record type, record id and date, so exports are reproducible.
// - Each statement carries an annotation (motivation "commenting", extension property `ownershipGraph`) with what
//   BODS has no field for (entity kinds, decision rules, board sizes and seats, notes, sources, agreement kinds,
//   unknown fields), so a round trip loses nothing. Names, jurisdictions, parties, subjects, figures and dates are
//   not repeated there: they are always read from the standard fields. A tool that drops the annotations still
//   gets the same holdings back. Dependencies and events have no BODS equivalent and are not exported.
export { importBods, type BodsImport, type BodsImportOptions } from './bodsImport';
export { exportBods, exportBodsJson, type BodsExportOptions } from './bodsExport';
export { BOARD_BASIS, AGREEMENT_DETAILS, type BodsStatement, type BodsInterest, type BodsShare, type ShareRange, type BodsEntity, type BodsHolding } from './bodsTypes';

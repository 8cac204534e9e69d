// BODS 0.4 (Beneficial Ownership Data Standard, Open Ownership) import and export: pure functions, no I/O.
//
// Import (importBods):
// - Statements: a JSON array (or JSON Lines). Per recordId the newest statement with statementDate ≤ the view date
//   wins (undated ones count as oldest; on equal dates the later in the file wins); records whose newest statement
//   is `closed` are dropped. BODS 0.2/0.3 files (statementType) are refused with a message, not misread.
// - Entity statements → entities (kind `state` for state/stateBody, `fund` for an arrangement described as a fund,
//   `company` otherwise); person statements → entities of kind `person`. Ids are the BODS recordIds (cut to 200
//   characters with a hash suffix when longer). Unmapped record details stay in the entity's extra `bods` field and
//   are written back on export.
// - Relationship statements → holdings: `shareholding` → shares, `votingRights` → votes (an interest with only
//   voting rights gives shares = votes, marked estimated). Interests of one statement are grouped by period
//   (startDate/endDate) into one holding each. Interests whose endDate is on or before the view date are dropped
//   (a record is in force while since ≤ T < until, model/dates.ts).
// - Ranges: a share given as minimum/maximum (or exclusive bounds; a missing bound is 0 or 100) is analysed at its
//   midpoint, marked `estimated: true`, and kept as `sharesRange` / `votesRange` `{min, max, minExclusive?,
//   maxExclusive?}`; export writes the range back while the figure is still that midpoint.
// - Control: `appointmentOfBoard` → a `control` agreement with basis "appointment of board (BODS)" when it gives more
//   than half of the board or no share at all (the usual "right to appoint or remove a majority of the board");
//   with a smaller share it is kept as a note. `otherInfluenceOrControl` becomes an agreement only when its details
//   say "control by agreement" (as our export writes); otherwise it is kept as a note.
// - Indirect interests (directOrIndirect "indirect", or a primary statement listing componentRecords) would double
//   count the chain through the intermediaries if added as holdings. So an indirect interest is imported as an
//   estimated link (flag `indirect: true`) only when the file has no chain of holdings or control agreements from the
//   interested party to the subject; when such a chain exists, or when adding it would take the subject above 100%,
//   it is kept as a note in the subject's `bods.otherInterests` and a warning says so.
// - Interests with no figure and other interest types (senior managing official, trustee…) are kept as notes too.
// - An unspecified subject or interested party, or a record id that names no entity in the file, skips the
//   statement with a warning; if no relationship is left for that reason, or no entity is left, it is an error.
//   A statement without `subject` or `interestedParty`, a share outside 0–100, a bad date or type is an error
//   naming the statement and the field. Shares summing to more than 100% for one subject are an error naming it.
//
// Export (exportBods):
// - One entity or person statement per entity (recordId = our id), then one relationship statement per holding
//   (recordId = the holding id) and one per party of each agreement (`<agreement id>/<party>` when several).
//   Record ids are prefixed (`holding:`, `agreement:`) only if they would collide with an earlier one.
// - Holdings → `shareholding` (+ `votingRights` when votes are recorded, + `appointmentOfBoard` for seats); since →
//   startDate, until → endDate. Control agreements → `otherInfluenceOrControl` "control by agreement: <basis>"
//   (or `appointmentOfBoard` when that is where they came from); joint control → one such interest per party.
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

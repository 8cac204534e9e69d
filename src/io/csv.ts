// CSV edge lists `holder,subject,shares[,votes][,since,until]` in and out: names become entities, errors name the
// line and the column, and exported cells are guarded against spreadsheet formula injection (OWASP "CSV injection").
import { emptyDoc, inForce, isCalendarDate, parseDoc, uniqueId, type Entity, type Holding, type OwnershipDoc } from '../model';
import { IoError, fileLabel, rethrowAsIo, show } from './errors';
import { checkSize } from './limits';
import { parseCsv, sniffDelimiter } from './csvParse';
import { stripBom } from './text';
import { findOverfull, fmtPct } from './totals';

const COLUMNS = ['holder', 'subject', 'shares', 'votes', 'since', 'until'] as const;
type Column = (typeof COLUMNS)[number];
const REQUIRED: Column[] = ['holder', 'subject', 'shares'];
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
/** A cell a spreadsheet would read as a formula (after any quotes this module added to guard it). */
const FORMULA_START = /^'*[=+\-@\t\r]/;

/** The result of a CSV import: the new document and what was skipped or guessed. */
export interface CsvImport {
  doc: OwnershipDoc;
  warnings: string[];
}

/** The comparison key of a name: Unicode-normalised, spaces collapsed, case-insensitive. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** An id derived from a name: letters and digits kept (any script), the rest turned into dashes, at most 60 characters. */
function slug(name: string): string {
  const s = nameKey(name).replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
  return s || 'entity';
}

/** Undoes the export guard: the quote put before a formula character is dropped again. */
function unguard(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell) ? cell.slice(1) : cell;
}

/**
 * Reads a CSV edge list. With `base`, names and ids are matched to its entities (id first, then name) and the rows
 * replace base's holdings for the holder–subject pairs they mention (keeping the ids and notes of holdings they
 * update); without it, a new document is built. Unknown names become entities with ids derived from the names.
 */
export function importCsvDetailed(text: string, base?: OwnershipDoc, fileName?: string, maxBytes?: number): CsvImport {
  const where = `io/csv: ${fileLabel(fileName)}`;
  checkSize(text.length, 'io/csv', fileName, maxBytes);
  const body = stripBom(text);
  const rows = parseCsv(body, sniffDelimiter(body), where);
  if (!rows.length) throw new IoError(`${where}the file is empty — it needs a header row holder,subject,shares and one row per holding`);
  const header = rows[0];
  const col = new Map<Column, number>();
  const warnings: string[] = [];
  header.cells.forEach((raw, i) => {
    const name = raw.trim().toLowerCase() as Column;
    if (!COLUMNS.includes(name)) {
      if (raw.trim()) warnings.push(`${where}line ${header.line}: column "${raw.trim().slice(0, 40)}" is not read (known columns: ${COLUMNS.join(', ')})`);
      return;
    }
    if (col.has(name)) throw new IoError(`${where}line ${header.line}: column "${name}" appears twice — keep one`);
    col.set(name, i);
  });
  const missing = REQUIRED.filter((c) => !col.has(c));
  if (missing.length) {
    throw new IoError(`${where}line ${header.line}: the header must name the columns holder,subject,shares (missing ${missing.join(', ')}; found ${show(header.cells.join(','), 60)}) — add a header row`);
  }

  const entities: Entity[] = base ? base.entities.slice() : [];
  const baseIds = new Set(entities.map((e) => e.id));
  const taken = new Set(baseIds);
  const byName = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const e of entities) {
    if (byName.has(nameKey(e.name))) ambiguous.add(nameKey(e.name));
    else byName.set(nameKey(e.name), e.id);
  }
  const resolve = (name: string, at: string): string => {
    if (baseIds.has(name)) return name;
    const known = byName.get(nameKey(name));
    if (known && ambiguous.has(nameKey(name))) warnings.push(`${at}${show(name)} names several entities — used "${known}"; write an id to pick another`);
    if (known) return known;
    const id = uniqueSlug(slug(name), taken);
    entities.push({ id, name });
    taken.add(id);
    byName.set(nameKey(name), id);
    return id;
  };

  interface Row { line: number; holder: string; subject: string; shares: number; votes?: number; since?: string; until?: string }
  const parsed: Row[] = [];
  for (const row of rows.slice(1)) {
    const cell = (c: Column) => {
      const i = col.get(c);
      return i === undefined ? '' : unguard((row.cells[i] ?? '').trim());
    };
    const at = (c: Column) => `${where}line ${row.line}, column "${c}": `;
    const name = (c: 'holder' | 'subject') => {
      const v = cell(c);
      if (!v) throw new IoError(`${at(c)}empty — name the ${c} (an entity name or id)`);
      if (v.length > 500) throw new IoError(`${at(c)}the name is ${v.length} characters long — keep it under 500`);
      return v;
    };
    const percent = (c: 'shares' | 'votes') => {
      const raw = cell(c);
      const v = raw.endsWith('%') ? raw.slice(0, -1).trim() : raw;
      if (!v) {
        if (c === 'votes') return undefined;
        throw new IoError(`${at(c)}empty — use a percentage from 0 to 100`);
      }
      const x = NUMBER.test(v) ? Number(v) : NaN;
      if (!Number.isFinite(x)) throw new IoError(`${at(c)}${show(raw)} is not a number — use a percentage from 0 to 100`);
      if (x < 0 || x > 100) throw new IoError(`${at(c)}${show(raw)} is outside 0–100 — use a percentage from 0 to 100`);
      return x;
    };
    const date = (c: 'since' | 'until') => {
      const v = cell(c);
      if (!v) return undefined;
      if (!isCalendarDate(v)) throw new IoError(`${at(c)}${show(v)} is not a date — write it as YYYY-MM-DD`);
      return v;
    };
    const holderName = name('holder'), subjectName = name('subject');
    const r: Row = { line: row.line, holder: '', subject: '', shares: percent('shares')!, votes: percent('votes'), since: date('since'), until: date('until') };
    if (r.since && r.until && r.until < r.since) throw new IoError(`${where}line ${row.line}: until ${r.until} is before since ${r.since} — swap them or clear one`);
    r.holder = resolve(holderName, at('holder'));
    r.subject = resolve(subjectName, at('subject'));
    if (r.holder === r.subject) throw new IoError(`${where}line ${row.line}: ${show(holderName)} holds itself — leave treasury shares out`);
    parsed.push(r);
  }

  // Rows replace base holdings of the pairs they mention; a base holding of the same pair and start date is updated in place.
  const pair = (h: { holder: string; subject: string }) => `${h.holder}\u0000${h.subject}`;
  const touched = new Set(parsed.map(pair));
  const baseHoldings = base?.holdings ?? [];
  const kept = baseHoldings.filter((h) => !touched.has(pair(h)));
  const reusable = new Map<string, Holding[]>();
  for (const h of baseHoldings) {
    if (!touched.has(pair(h))) continue;
    const list = reusable.get(pair(h));
    if (list) list.push(h); else reusable.set(pair(h), [h]);
  }
  const used = new Set<Holding>();
  const ids = new Set(kept.map((h) => h.id));
  const lineOf = new Map<Holding, number>();
  const fresh: Holding[] = parsed.map((r) => {
    const old = reusable.get(pair(r))?.find((h) => !used.has(h) && (h.since ?? undefined) === r.since);
    let h: Holding;
    if (old) {
      used.add(old);
      h = { ...old, shares: r.shares };
      if (r.votes === undefined) delete h.votes; else h.votes = r.votes;
      if (r.until === undefined) { if (h.until) delete h.until; } else h.until = r.until;
    } else {
      h = { id: '', holder: r.holder, subject: r.subject, shares: r.shares };
      if (r.votes !== undefined) h.votes = r.votes;
      if (r.since) h.since = r.since;
      if (r.until) h.until = r.until;
    }
    h.id = old && !ids.has(old.id) ? old.id : uniqueId(`h-${r.holder}-${r.subject}`, (x) => ids.has(x));
    ids.add(h.id);
    lineOf.set(h, r.line);
    return h;
  });
  const holdings = [...kept, ...fresh];
  const over = findOverfull(holdings);
  if (over) {
    const subject = entities.find((e) => e.id === over.subject);
    const refs = over.holdings.map((h) => (lineOf.has(h) ? `line ${lineOf.get(h)}` : `holding "${h.id}"`)).join(', ');
    throw new IoError(`${where}holdings of ${show(subject?.name ?? over.subject, 60)} sum to ${fmtPct(over.total)} of ${over.measure}${over.date ? ` on ${over.date}` : ''}, more than 100% (${refs}) — lower a stake`);
  }
  const doc: OwnershipDoc = base
    ? { ...base, entities, holdings }
    : { ...emptyDoc(fileName ? `Imported from ${fileName}` : 'Imported from CSV'), entities, holdings };
  try {
    return { doc: parseDoc(doc), warnings };
  } catch (e) {
    rethrowAsIo(e, where);
  }
}

function uniqueSlug(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** Reads a CSV edge list into a new document (see importCsvDetailed for how `base` is merged). */
export function importCsv(text: string, base?: OwnershipDoc, fileName?: string): OwnershipDoc {
  return importCsvDetailed(text, base, fileName).doc;
}

/** One CSV cell: formula characters guarded with a leading quote, then RFC 4180 quoting when needed. */
function cellOut(value: string): string {
  // Quotes already before a formula character get one more, so import (which drops one) restores the value exactly.
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n;\t]/.test(guarded) || guarded !== guarded.trim() ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/**
 * Writes the holdings as CSV with CRLF line ends. With `date`: the holdings in force on that date, columns
 * holder,subject,shares,votes. Without: every holding, plus since,until. Entities are written by name when the name
 * is unambiguous, else by id, so importing into the same document finds them again.
 */
export function exportCsv(doc: OwnershipDoc, date?: string): string {
  const counts = new Map<string, number>();
  for (const e of doc.entities) counts.set(nameKey(e.name), (counts.get(nameKey(e.name)) ?? 0) + 1);
  const ids = new Set(doc.entities.map((e) => e.id));
  const label = new Map(doc.entities.map((e) => [e.id, counts.get(nameKey(e.name)) === 1 && (!ids.has(e.name) || e.name === e.id) ? e.name : e.id]));
  const columns = date ? ['holder', 'subject', 'shares', 'votes'] : ['holder', 'subject', 'shares', 'votes', 'since', 'until'];
  const lines = [columns.join(',')];
  for (const h of doc.holdings) {
    if (date && !inForce(h, date)) continue;
    const cells = [label.get(h.holder) ?? h.holder, label.get(h.subject) ?? h.subject, String(h.shares), h.votes === undefined ? '' : String(h.votes)];
    if (!date) cells.push(h.since ?? '', h.until ?? '');
    lines.push(cells.map(cellOut).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

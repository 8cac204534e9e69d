// Reading FollowTheMoney JSON lines defensively: one entity object per line (or a JSON array of them), every field
// checked, dates and percentages read as FtM writes them. Nothing here trusts the shape of the input. Pure.
import { IoError, show } from './errors';
import { checkNesting, stripBom } from './text';
import type { FtmEntity } from './ftmTypes';

/** A checked FtM entity and where it sits in the file, for messages ("line 12 (Ownership "o-1")"). */
export interface ReadFtm extends FtmEntity {
  label: string;
}

const isObj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/** Whether a parsed JSON value looks like an FtM entity (an object with a schema and properties). */
export function isFtmEntity(v: unknown): boolean {
  return isObj(v) && typeof v.schema === 'string' && isObj(v.properties);
}

/** One property value as a string: entity references may come nested ({ id, … }) in FtM's nested JSON. */
function valueText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  if (isObj(v) && typeof v.id === 'string') return v.id;
  return undefined;
}

/** Checks one parsed line; throws an IoError naming the line and the field. */
function readEntity(raw: unknown, label: string, where: string): ReadFtm {
  if (!isObj(raw)) throw new IoError(`${where}${label} is ${show(raw)}, not an object — each line of a FollowTheMoney file is one entity`);
  if (typeof raw.id !== 'string' || !raw.id) throw new IoError(`${where}${label} has no id — every FollowTheMoney entity needs one`);
  if (typeof raw.schema !== 'string' || !raw.schema) throw new IoError(`${where}${label} has no schema — every FollowTheMoney entity names its schema (Company, Person, Ownership…)`);
  const props = raw.properties ?? {};
  if (!isObj(props)) throw new IoError(`${where}${label} field "properties": ${show(props)} is not an object of property lists`);
  const properties: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(props)) {
    const list = Array.isArray(v) ? v : [v];
    const out: string[] = [];
    for (const x of list) {
      const t = valueText(x);
      if (t === undefined) throw new IoError(`${where}${label} field "properties.${k}": ${show(x)} is not a text value — FollowTheMoney properties are lists of strings`);
      out.push(t);
    }
    if (out.length) properties[k] = out;
  }
  return { id: raw.id, schema: raw.schema, properties, label: `${label} (${raw.schema} ${show(raw.id, 64)})` };
}

/** Parses FtM JSON lines (or a JSON array of entities) into checked entities; throws an IoError naming the line. */
export function readFtmEntities(input: string, where: string): ReadFtm[] {
  const text = stripBom(input).trim();
  if (text.startsWith('[')) {
    let all: unknown;
    try {
      all = JSON.parse(text);
    } catch (e) {
      throw new IoError(`${where}the file is not valid JSON (${(e as Error).message}) — check that it is complete`);
    }
    checkNesting(all, where);
    return (all as unknown[]).map((v, i) => readEntity(v, `entity ${i + 1}`, where));
  }
  const out: ReadFtm[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) out.push(...readFtmLine(lines[i], i + 1, where));
  return out;
}

/** One line of FtM JSON lines: an entity, or nothing for a blank line. */
export function readFtmLine(line: string, lineNo: number, where: string): ReadFtm[] {
  if (!line.trim()) return [];
  let v: unknown;
  try {
    v = JSON.parse(line);
  } catch (e) {
    throw new IoError(`${where}line ${lineNo} is not valid JSON (${(e as Error).message}) — a FollowTheMoney file has one entity per line`);
  }
  checkNesting(v, where);
  return [readEntity(v, `line ${lineNo}`, where)];
}

/** The first value of a property, trimmed; undefined when absent or blank. */
export function first(e: FtmEntity, prop: string): string | undefined {
  for (const v of e.properties[prop] ?? []) if (v.trim()) return v.trim();
  return undefined;
}

/**
 * An FtM date as YYYY-MM-DD: FtM dates may be a year or a month ("2021", "2021-03"), read as their first day
 * (`partial` is set), or a date-time (cut to its date). Undefined when absent; an error for anything else.
 */
export function readFtmDate(v: string | undefined, fail: (what: string) => never, partial?: () => void): string | undefined {
  if (v === undefined) return undefined;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?$/.exec(v.trim());
  if (!m) fail(`${show(v)} is not a date — FollowTheMoney dates are YYYY, YYYY-MM or YYYY-MM-DD`);
  if (!m[3]) partial?.();
  const s = `${m[1]}-${m[2] ?? '01'}-${m[3] ?? '01'}`;
  const d = new Date(`${s}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) fail(`${show(v)} is not a calendar date`);
  return s;
}

/** A percentage as FtM writes it: "62.5", "62.5%", "0,5", or a band "25-50" / "25% – 50%". */
export function readPercentage(v: string, fail: (what: string) => never): { value: number; range?: { min: number; max: number } } {
  const num = (s: string): number => {
    const x = Number(s.replace('%', '').replace(',', '.').trim());
    if (!Number.isFinite(x) || s.trim() === '') fail(`${show(v)} is not a percentage — write a number from 0 to 100`);
    if (x < 0 || x > 100) fail(`${show(v)} is outside 0–100 — write a percentage from 0 to 100`);
    return x;
  };
  const band = /^\s*([\d.,]+)\s*%?\s*(?:-|–|—|to)\s*([\d.,]+)\s*%?\s*$/.exec(v);
  if (band) {
    const min = num(band[1]), max = num(band[2]);
    if (min > max) fail(`${show(v)} has its minimum above its maximum — swap them`);
    if (min < max) return { value: Math.round(((min + max) / 2) * 1e6) / 1e6, range: { min, max } };
    return { value: min };
  }
  return { value: num(v) };
}

// The one pure edit function: apply(doc, op) returns a new document or throws a ModelError, never half-changing it.
// A table holds one handler per operation type, with what its inverse restores beside it (applyWithInverse).
import type * as z from 'zod/mini';
import { ModelError } from './errors';
import { agreementSchema, dependencySchema, docScenarioSchema, entitySchema, eventSchema, holdingSchema, isoDate, relationSchema } from './schema';
import { checkBoardSeats, checkSubjectTotals, ROUNDING_TOLERANCE } from './validate';
import { entityLookup, holdingLookup, moveEntityLookup, moveHoldingLookup, subjectHoldings as holdingsOf } from './docIndex';
import { type Changes, type Op, type OpType } from './ops';
import { applyPatch, restoring, touch, touched, touchedBy, type PatchOp, type RecordList, type Touched } from './patch';
import { noteReplaced } from './recordDiff';
import { transfer, transferTouched } from './transfer';
import { coordinateProblem } from './positions';
import type { Holding, OwnershipDoc } from './types';

type OpOf<T extends OpType> = Extract<Op, { type: T }>;

/** One operation type: how it changes a document, and which records and fields its inverse must put back. */
interface Handler<T extends OpType> {
  apply(doc: OwnershipDoc, op: OpOf<T>): OwnershipDoc;
  touches(before: OwnershipDoc, op: OpOf<T>, after: OwnershipDoc): Touched;
}

export function fail(op: { type: string }, what: string): never {
  throw new ModelError(`model/apply: ${op.type}: ${what}`);
}

/** Checks one record against its schema, naming the field that is wrong. */
function check<T>(op: Op, schema: z.ZodMiniType<T>, record: unknown, label: string): T {
  const r = schema.safeParse(record);
  if (!r.success) {
    const issue = r.error.issues[0];
    const field = issue.path.length ? ` field "${issue.path.join('.')}"` : '';
    fail(op, `${label}${field}: ${issue.message}`);
  }
  return r.data;
}

function merge<T extends object>(record: T, changes: Changes<T>): T {
  const next = { ...record } as Record<string, unknown>;
  for (const [k, v] of Object.entries(changes)) {
    if (k === 'id' || k === '__proto__') continue;
    if (v === null || v === undefined) delete next[k];
    else next[k] = v;
  }
  return next as T;
}

export function requireEntity(doc: OwnershipDoc, op: Op, id: string, role: string) {
  const ids = entityLookup(doc.entities);
  if (!(ids ? ids.has(id) : doc.entities.some((e) => e.id === id))) fail(op, `${role} "${id}" is not an entity in this document`);
}

function replaceById<T extends { id: string }>(list: T[], op: Op, id: string, kind: string, f: (r: T) => T): T[] {
  const i = list.findIndex((r) => r.id === id);
  if (i < 0) fail(op, `no ${kind} with id "${id}"`);
  const next = list.slice();
  next[i] = f(list[i]);
  return next;
}

function removeById<T extends { id: string }>(list: T[], op: Op, id: string, kind: string): T[] {
  if (!list.some((r) => r.id === id)) fail(op, `no ${kind} with id "${id}"`);
  return list.filter((r) => r.id !== id);
}

/** Runs a validation from validate.ts as part of `op`, so the message names the operation. */
function validating(op: Op, f: () => void) {
  try {
    f();
  } catch (e) {
    fail(op, (e as Error).message.replace(/^model\/validate: /, ''));
  }
}

/** Below this, stakes summed in any order are within the limit whatever the order (rounding is far smaller). */
const SURELY_WITHIN = 100 + ROUNDING_TOLERANCE - 1e-7;

/**
 * Checks holding `h` as it is in `doc`. `subjectHoldings`, when given, are the holdings of h's subject in `doc` (in
 * any order, from the lookup): totals clearly within 100% pass on them; anything else is decided by the scanning
 * check, so the refusals and their messages are those of checkSubjectTotals.
 */
function checkHolding(doc: OwnershipDoc, op: Op, h: Holding, subjectHoldings?: Iterable<Holding>) {
  requireEntity(doc, op, h.holder, 'holder');
  requireEntity(doc, op, h.subject, 'subject');
  if (h.holder === h.subject) fail(op, `holding "${h.id}" is of an entity in itself`);
  if (h.since && h.until && h.until < h.since) fail(op, `holding "${h.id}" ends (${h.until}) before it starts (${h.since})`);
  validating(op, () => {
    if (!subjectHoldings || !surelyWithin(subjectHoldings)) checkSubjectTotals(doc, h.subject);
    checkBoardSeats(doc, h.subject);
  });
}

function surelyWithin(holdings: Iterable<Holding>): boolean {
  let shares = 0, votes = 0;
  for (const h of holdings) {
    shares += h.shares;
    votes += h.votes ?? h.shares;
  }
  return shares <= SURELY_WITHIN && votes <= SURELY_WITHIN;
}

function checkEdgeDates(op: Op, rec: { id: string; since?: string | null; until?: string | null }) {
  if (rec.since && rec.until && rec.until < rec.since) fail(op, `"${rec.id}" ends (${rec.until}) before it starts (${rec.since})`);
}

/** Puts `holding` in place of the one with its id (or at the end) and checks the subject it is in. */
function putHolding(doc: OwnershipDoc, op: Op, holding: Holding): OwnershipDoc {
  const lookup = holdingLookup(doc.holdings);
  const old = lookup ? lookup.byId.get(holding.id) : undefined;
  const i = lookup ? (old ? doc.holdings.indexOf(old) : -1) : doc.holdings.findIndex((h) => h.id === holding.id);
  const holdings = doc.holdings.slice();
  if (i >= 0) {
    holdings[i] = holding;
    noteReplaced(doc.holdings, holdings, [i]);
  } else holdings.push(holding);
  const next = { ...doc, holdings };
  let subjectHoldings: Holding[] | undefined;
  if (lookup) {
    subjectHoldings = [holding];
    for (const h of holdingsOf(doc.holdings, lookup, holding.subject)) if (h !== old) subjectHoldings.push(h);
  }
  checkHolding(next, op, holding, subjectHoldings);
  if (lookup) moveHoldingLookup(doc.holdings, holdings, old ? [old] : [], [holding]);
  return next;
}

/** The document without holding `id` (refused when there is none). */
function dropHolding(doc: OwnershipDoc, op: Op, id: string): OwnershipDoc {
  const lookup = holdingLookup(doc.holdings);
  if (!lookup) return { ...doc, holdings: removeById(doc.holdings, op, id, 'holding') };
  const old = lookup.byId.get(id) ?? fail(op, `no holding with id "${id}"`);
  const i = doc.holdings.indexOf(old);
  const holdings = doc.holdings.slice(0, i).concat(doc.holdings.slice(i + 1));
  moveHoldingLookup(doc.holdings, holdings, [old], []);
  return { ...doc, holdings };
}

/** Applies a patch, handing the lookups of the lists it changes on to the lists it makes. */
function patchKeepingLookups(doc: OwnershipDoc, p: PatchOp): OwnershipDoc {
  const hp = p.lists?.holdings;
  const lookup = hp ? holdingLookup(doc.holdings) : null;
  const next = applyPatch(doc, p, lookup ? { holdings: lookup.byId } : {});
  if (hp && next.holdings !== doc.holdings) {
    if (lookup) {
      const ids = [...(hp.remove ?? []), ...(hp.put ?? []).map((x) => x.record.id)];
      const removed = ids.map((id) => lookup.byId.get(id)).filter((h): h is Holding => h !== undefined);
      moveHoldingLookup(doc.holdings, next.holdings, new Set(removed), (hp.put ?? []).map((x) => x.record as Holding));
    }
  }
  const ep = p.lists?.entities;
  if (ep && next.entities !== doc.entities) {
    const put = (ep.put ?? []).map((x) => x.record.id);
    moveEntityLookup(doc.entities, next.entities, [...(ep.remove ?? []), ...put], put);
  }
  return next;
}

/** A record list besides entities and holdings, edited by add/update/remove operations that work the same way. */
interface RecordKind {
  list: RecordList;
  label: string;
  schema: z.ZodMiniType<{ id: string }>;
  /** Checks a record against the document it is going into (references, dates); throws through `fail`. */
  check(doc: OwnershipDoc, op: Op, r: never): void;
  /** The record once entity `id` is removed: itself, a changed copy, or null to drop it. */
  withoutEntity(r: never, id: string): { id: string } | null;
}

/**
 * The record lists edited by `add<Kind>`, `update<Kind>` and `remove<Kind>` operations, whose record field is `<kind>`
 * (`{ type: 'addAgreement', agreement }`). A new record kind is one entry here and its three operations in ops.ts.
 */
export const RECORD_KINDS = {
  agreement: {
    list: 'agreements',
    label: 'agreement',
    schema: agreementSchema,
    check(doc, op, a: z.infer<typeof agreementSchema>) {
      a.parties.forEach((p) => requireEntity(doc, op, p, 'party'));
      requireEntity(doc, op, a.subject, 'subject');
      if (a.parties.includes(a.subject)) fail(op, `agreement "${a.id}" names its subject as a party`);
      if (a.kind === 'joint-control' && new Set(a.parties).size < 2) fail(op, `joint-control agreement "${a.id}" needs at least two parties`);
      checkEdgeDates(op, a);
    },
    withoutEntity: (a: z.infer<typeof agreementSchema>, id) => (a.subject === id || a.parties.includes(id) ? null : a),
  },
  relation: {
    list: 'relations',
    label: 'relation',
    schema: relationSchema,
    check(doc, op, r: z.infer<typeof relationSchema>) {
      if (r.party !== undefined) requireEntity(doc, op, r.party, 'party');
      else if (!r.unspecified) fail(op, `relation "${r.id}" has no party — name the interested party or say why it is unspecified`);
      requireEntity(doc, op, r.subject, 'subject');
      if (r.party === r.subject) fail(op, `relation "${r.id}" has the same party and subject`);
      checkEdgeDates(op, r);
    },
    // A removed intermediary of a declared indirect interest leaves the declaration, without it.
    withoutEntity: (r: z.infer<typeof relationSchema>, id) => (r.subject === id || r.party === id ? null : r.through?.includes(id) ? { ...r, through: r.through.filter((x) => x !== id) } : r),
  },
  dependency: {
    list: 'dependencies',
    label: 'dependency',
    schema: dependencySchema,
    check(doc, op, d: z.infer<typeof dependencySchema>) {
      requireEntity(doc, op, d.provider, 'provider');
      requireEntity(doc, op, d.client, 'client');
      if (d.provider === d.client) fail(op, `dependency "${d.id}" has the same provider and client`);
      checkEdgeDates(op, d);
    },
    withoutEntity: (d: z.infer<typeof dependencySchema>, id) => (d.provider === id || d.client === id ? null : d),
  },
  event: {
    list: 'events',
    label: 'event',
    schema: eventSchema,
    check(doc, op, ev: z.infer<typeof eventSchema>) {
      (ev.entities ?? []).forEach((id) => requireEntity(doc, op, id, 'entity'));
    },
    withoutEntity: (ev: z.infer<typeof eventSchema>, id: string) => (ev.entities?.includes(id) ? { ...ev, entities: ev.entities.filter((x) => x !== id) } : ev),
  },
} satisfies Record<string, RecordKind>;

const KINDS: RecordKind[] = Object.values(RECORD_KINDS);

/** The operations every record kind gets: add<Kind>, update<Kind>, remove<Kind>. */
type RecordOpType = `${'add' | 'update' | 'remove'}${Capitalize<keyof typeof RECORD_KINDS>}`;

/**
 * One handler for every operation type but `batch` (applied step by step): a type missing here, or a record kind
 * whose three operations ops.ts does not declare, fails the type check.
 */
type Handlers = { [T in Exclude<OpType, 'batch'>]: Handler<T> };

type Rec = { id: string };
const listIn = (doc: OwnershipDoc, list: RecordList) => ((doc as unknown as Record<string, Rec[] | undefined>)[list] ?? []);
const withList = (doc: OwnershipDoc, list: RecordList, records: Rec[]) => ({ ...doc, [list]: records }) as OwnershipDoc;
const touchList = (list: RecordList, id: string) => touch(touched(), list, [id]);

/** add<Kind>, update<Kind> and remove<Kind> for every record kind. */
function recordHandlers(): Pick<Handlers, RecordOpType> {
  const out: Record<string, Handler<OpType>> = {};
  for (const [key, kind] of Object.entries(RECORD_KINDS) as [string, RecordKind][]) {
    const Key = key[0].toUpperCase() + key.slice(1);
    const { list, label } = kind;
    const add = (doc: OwnershipDoc, op: Op) => {
      const given = (op as unknown as Record<string, Rec | undefined>)[key];
      const r = check(op, kind.schema, given, `${label} "${given?.id}"`);
      if (listIn(doc, list).some((x) => x.id === r.id)) fail(op, `an ${label} with id "${r.id}" already exists`.replace(/^an ([^aeiou])/, 'a $1'));
      kind.check(doc, op, r as never);
      return withList(doc, list, [...listIn(doc, list), r]);
    };
    const update = (doc: OwnershipDoc, op: Op) => {
      const { id, changes } = op as unknown as { id: string; changes: Changes<Rec> };
      let r: Rec | undefined;
      const records = replaceById(listIn(doc, list), op, id, label, (x) => (r = check(op, kind.schema, merge(x, changes), `${label} "${id}"`)));
      kind.check(doc, op, r as never);
      return withList(doc, list, records);
    };
    const remove = (doc: OwnershipDoc, op: Op) => withList(doc, list, removeById(listIn(doc, list), op, (op as { id: string }).id, label));
    out[`add${Key}`] = { apply: add, touches: (_b, op) => touchList(list, ((op as unknown as Record<string, Rec>)[key])?.id) };
    out[`update${Key}`] = { apply: update, touches: (_b, op) => touchList(list, (op as { id: string }).id) };
    out[`remove${Key}`] = { apply: remove, touches: (_b, op) => touchList(list, (op as { id: string }).id) };
  }
  return out as unknown as Pick<Handlers, RecordOpType>;
}

/** Positions by entity id, read as own properties only (an id may be "constructor" or "__proto__"). */
function positionsOf(op: Op, positions: Record<string, { x: number; y: number }>, ids: Set<string>): Map<string, { x: number; y: number }> {
  const out = new Map<string, { x: number; y: number }>();
  for (const [id, p] of Object.entries(positions)) {
    const problem = coordinateProblem(p?.x) ?? coordinateProblem(p?.y);
    if (problem) fail(op, `position of "${id}": a coordinate ${problem}`);
    if (!ids.has(id)) fail(op, `entity "${id}" is not an entity in this document`);
    out.set(id, { x: p.x, y: p.y });
  }
  return out;
}

function moveEntities(doc: OwnershipDoc, op: Op, positions: Record<string, { x: number; y: number }>): OwnershipDoc {
  const at = positionsOf(op, positions, entityLookup(doc.entities) ?? new Set(doc.entities.map((e) => e.id)));
  const places: number[] = [];
  const entities = doc.entities.map((e, i) => (at.has(e.id) ? (places.push(i), { ...e, position: at.get(e.id) }) : e));
  noteReplaced(doc.entities, entities, places);
  moveEntityLookup(doc.entities, entities, [], []);
  return { ...doc, entities };
}

const CORE: Omit<Handlers, RecordOpType> = {
  addEntity: {
    apply(doc, op) {
      const entity = check(op, entitySchema, op.entity, `entity "${op.entity?.id}"`);
      const ids = entityLookup(doc.entities);
      if (ids ? ids.has(entity.id) : doc.entities.some((e) => e.id === entity.id)) fail(op, `an entity with id "${entity.id}" already exists`);
      const entities = [...doc.entities, entity];
      moveEntityLookup(doc.entities, entities, [], [entity.id]);
      return { ...doc, entities };
    },
    touches: (_b, op) => touchList('entities', op.entity?.id),
  },
  updateEntity: {
    apply(doc, op) {
      const entities = replaceById(doc.entities, op, op.id, 'entity', (e) => check(op, entitySchema, merge(e, op.changes), `entity "${op.id}"`));
      const next = { ...doc, entities };
      validating(op, () => checkBoardSeats(next, op.id));
      moveEntityLookup(doc.entities, entities, [], []);
      return next;
    },
    touches: (_b, op) => touchList('entities', op.id),
  },
  removeEntity: {
    apply(doc, op) {
      removeById(doc.entities, op, op.id, 'entity');
      const id = op.id;
      let next: OwnershipDoc = { ...doc, entities: doc.entities.filter((e) => e.id !== id), holdings: doc.holdings.filter((h) => h.holder !== id && h.subject !== id) };
      for (const kind of KINDS) {
        const list = (doc as unknown as Record<string, Rec[] | undefined>)[kind.list];
        if (list) next = withList(next, kind.list, list.map((r) => kind.withoutEntity(r as never, id)).filter((r): r is Rec => r !== null));
      }
      return next;
    },
    touches(before, op) {
      const id = op.id;
      const t = touchList('entities', id);
      touch(t, 'holdings', before.holdings.filter((h) => h.holder === id || h.subject === id).map((h) => h.id));
      for (const kind of KINDS) touch(t, kind.list, listIn(before, kind.list).filter((r) => kind.withoutEntity(r as never, id) !== r).map((r) => r.id));
      return t;
    },
  },
  moveEntity: {
    apply: (doc, op) => moveEntities(doc, op, Object.fromEntries([[op.id, op.position]])),
    touches: (_b, op) => touchList('entities', op.id),
  },
  moveEntities: {
    apply: (doc, op) => moveEntities(doc, op, op.positions),
    touches: (_b, op) => touch(touched(), 'entities', Object.keys(op.positions)),
  },
  setHolding: {
    apply: (doc, op) => putHolding(doc, op, check(op, holdingSchema, op.holding, `holding "${op.holding?.id}"`)),
    touches: (_b, op) => touchList('holdings', op.holding?.id),
  },
  updateHolding: {
    apply(doc, op) {
      const lookup = holdingLookup(doc.holdings);
      const old = (lookup ? lookup.byId.get(op.id) : doc.holdings.find((h) => h.id === op.id)) ?? fail(op, `no holding with id "${op.id}"`);
      return putHolding(doc, op, check(op, holdingSchema, merge(old, op.changes), `holding "${op.id}"`));
    },
    touches: (_b, op) => touchList('holdings', op.id),
  },
  removeHolding: {
    apply: (doc, op) => dropHolding(doc, op, op.id),
    touches: (_b, op) => touchList('holdings', op.id),
  },
  transfer: {
    apply: transfer,
    // The subject's holdings are all a transfer changes: the seller's and buyer's, and one it may create.
    touches: (before, op, after) => touch(touched(), 'holdings', transferTouched(before, op.subject, after)),
  },
  setMeta: {
    apply(doc, op) {
      const next = merge(doc, op.changes as Changes<OwnershipDoc>);
      if (next.asOf !== undefined && !isoDate.safeParse(next.asOf).success) fail(op, `asOf "${next.asOf}" is not a date YYYY-MM-DD`);
      return next;
    },
    touches: (_b, op) => ({ lists: {}, meta: new Set(Object.keys(op.changes).filter((k) => k === 'title' || k === 'asOf')) }),
  },
  setScenario: {
    apply(doc, op) {
      const scenario = check(op, docScenarioSchema, op.scenario, `scenario "${op.scenario?.id}"`) as typeof op.scenario;
      const list = doc.scenarios ?? [];
      const i = list.findIndex((x) => x.id === scenario.id);
      const scenarios = list.slice();
      if (i >= 0) scenarios[i] = scenario;
      else scenarios.push(scenario);
      return { ...doc, scenarios };
    },
    touches: (_b, op) => touchList('scenarios', op.scenario?.id),
  },
  removeScenario: {
    apply: (doc, op) => ({ ...doc, scenarios: removeById(doc.scenarios ?? [], op, op.id, 'scenario') }),
    touches: (_b, op) => touchList('scenarios', op.id),
  },
  patch: {
    apply: patchKeepingLookups,
    touches: (_b, op) => touchedBy(op),
  },
};

const HANDLERS: Handlers = { ...recordHandlers(), ...CORE };

function handlerOf(op: Op): Handler<OpType> {
  const h = Object.hasOwn(HANDLERS, op?.type) ? (HANDLERS as Record<string, Handler<OpType>>)[op.type] : undefined;
  if (!h) throw new ModelError(`model/apply: unknown operation ${JSON.stringify((op as { type?: unknown })?.type)} — check the operation's "type"`);
  return h;
}

/** Applies a batch step by step, recording what each step touched into `t` when given. */
function applyBatch(doc: OwnershipDoc, op: OpOf<'batch'>, t: Touched | null): OwnershipDoc {
  return op.ops.reduce((d, o, i) => {
    try {
      if (o?.type === 'patch') fail(op, 'a batch cannot contain a patch (patches only undo)');
      return t ? step(d, o, t) : apply(d, o);
    } catch (e) {
      throw new ModelError(`${(e as Error).message} (operation ${i + 1} of ${op.ops.length}${op.label ? ` in "${op.label}"` : ''})`);
    }
  }, doc);
}

function step(doc: OwnershipDoc, op: Op, t: Touched): OwnershipDoc {
  if (op.type === 'batch') return applyBatch(doc, op, t);
  const h = handlerOf(op);
  const next = h.apply(doc, op);
  const mine = h.touches(doc, op, next);
  for (const [list, ids] of Object.entries(mine.lists)) touch(t, list as RecordList, ids);
  mine.meta.forEach((k) => t.meta.add(k));
  return next;
}

/** Applies one operation; returns a new document, or throws a ModelError and leaves `doc` untouched. */
export function apply(doc: OwnershipDoc, op: Op): OwnershipDoc {
  if (op?.type === 'batch') return applyBatch(doc, op, null);
  return handlerOf(op).apply(doc, op);
}

/** Applies one operation and returns, beside the new document, the patch that undoes it exactly. */
export function applyWithInverse(doc: OwnershipDoc, op: Op): { doc: OwnershipDoc; inverse: PatchOp } {
  const t = touched();
  const next = step(doc, op, t);
  return { doc: next, inverse: restoring(doc, t, next) };
}

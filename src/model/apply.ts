// The one pure edit function: apply(doc, op) returns a new document or throws a ModelError, never half-changing it.
import type { z } from 'zod';
import { ModelError } from './errors';
import { agreementSchema, dependencySchema, docScenarioSchema, entitySchema, eventSchema, holdingSchema, isoDate } from './schema';
import { checkBoardSeats, checkSubjectTotals } from './validate';
import { FLOAT_PREFIX, uniqueId, type Changes, type Op } from './ops';
import type { Holding, OwnershipDoc } from './types';
import { inForce } from './dates';

const EPS = 1e-9;

function fail(op: Op, what: string): never {
  throw new ModelError(`model/apply: ${op.type}: ${what}`);
}

/** Checks one record against its schema, naming the field that is wrong. */
function check<T>(op: Op, schema: z.ZodType<T>, record: unknown, label: string): T {
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
    if (k === 'id') continue;
    if (v === null || v === undefined) delete next[k];
    else next[k] = v;
  }
  return next as T;
}

function requireEntity(doc: OwnershipDoc, op: Op, id: string, role: string) {
  if (!doc.entities.some((e) => e.id === id)) fail(op, `${role} "${id}" is not an entity in this document`);
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

function checkHolding(doc: OwnershipDoc, op: Op, h: Holding) {
  requireEntity(doc, op, h.holder, 'holder');
  requireEntity(doc, op, h.subject, 'subject');
  if (h.holder === h.subject) fail(op, `holding "${h.id}" is of an entity in itself`);
  if (h.since && h.until && h.until < h.since) fail(op, `holding "${h.id}" ends (${h.until}) before it starts (${h.since})`);
  try {
    checkSubjectTotals(doc, h.subject);
    checkBoardSeats(doc, h.subject);
  } catch (e) {
    fail(op, (e as Error).message.replace(/^model\/validate: /, ''));
  }
}

function checkEdgeDates(op: Op, rec: { id: string; since?: string | null; until?: string | null }) {
  if (rec.since && rec.until && rec.until < rec.since) fail(op, `"${rec.id}" ends (${rec.until}) before it starts (${rec.since})`);
}

/** The holdings a transfer acts on: in force on `date`, or open-ended ones when no date is given. */
function holdingOf(doc: OwnershipDoc, holder: string, subject: string, date: string | undefined): number {
  return doc.holdings.findIndex((h) => h.holder === holder && h.subject === subject && (date ? inForce(h, date) : !h.until));
}

function transfer(doc: OwnershipDoc, op: Extract<Op, { type: 'transfer' }>): OwnershipDoc {
  const { seller, buyer, subject, points, date } = op;
  if (!Number.isFinite(points) || points <= 0) fail(op, `points must be a positive number, got ${points}`);
  if (points > 100) fail(op, `points must be at most 100, got ${points}`);
  if (seller === buyer) fail(op, 'seller and buyer are the same');
  requireEntity(doc, op, subject, 'subject');
  const floatId = FLOAT_PREFIX + subject;
  const holdings = doc.holdings.slice();
  const live = doc.holdings.filter((h) => h.subject === subject && (date ? inForce(h, date) : !h.until));
  let template: Holding | undefined;
  let votesMoved = points;

  if (seller === floatId) {
    const held = live.reduce((s, h) => s + h.shares, 0);
    if (100 - held < points - EPS) fail(op, `the unattributed remainder of "${subject}" is ${round(100 - held)}%, less than ${points}`);
  } else {
    if (seller.startsWith(FLOAT_PREFIX)) fail(op, `seller "${seller}" is the remainder of another company`);
    requireEntity(doc, op, seller, 'seller');
    const i = holdingOf(doc, seller, subject, date);
    if (i < 0) fail(op, `"${seller}" holds no shares of "${subject}"${date ? ` on ${date}` : ''}`);
    const h = holdings[i];
    template = h;
    if (h.shares < points - EPS) fail(op, `"${seller}" holds ${round(h.shares)}% of "${subject}", less than ${points}`);
    // Votes go with the shares in the seller's own proportion (dual-class stakes keep their ratio), so the
    // subject's total votes never change.
    votesMoved = h.votes === undefined ? points : h.shares > 0 ? (h.votes * points) / h.shares : 0;
    const shares = round(h.shares - points);
    const votes = h.votes === undefined ? undefined : round(Math.max(0, h.votes - votesMoved));
    if (shares <= EPS && (votes ?? 0) <= EPS) holdings.splice(i, 1);
    else holdings[i] = votes === undefined ? { ...h, shares } : { ...h, shares, votes };
  }

  if (buyer !== floatId) {
    if (buyer.startsWith(FLOAT_PREFIX)) fail(op, `buyer "${buyer}" is the remainder of another company`);
    requireEntity(doc, op, buyer, 'buyer');
    if (buyer === subject) fail(op, 'a company cannot buy its own shares here — sell them to its remainder instead');
    const j = holdings.findIndex((h) => h.holder === buyer && h.subject === subject && (date ? inForce(h, date) : !h.until));
    if (j >= 0) {
      const h = holdings[j];
      const votes = h.votes !== undefined || Math.abs(votesMoved - points) > EPS ? round((h.votes ?? h.shares) + votesMoved) : undefined;
      holdings[j] = votes === undefined ? { ...h, shares: round(h.shares + points) } : { ...h, shares: round(h.shares + points), votes };
    } else {
      const id = uniqueId(`h-${buyer}-${subject}`, (x) => holdings.some((h) => h.id === x));
      const since = date ?? template?.since ?? undefined;
      const votes = Math.abs(votesMoved - points) > EPS ? { votes: round(votesMoved) } : {};
      holdings.push({ id, holder: buyer, subject, shares: round(points), ...votes, ...(since ? { since } : {}), ...(template?.until ? { until: template.until } : {}) });
    }
  }
  const next = { ...doc, holdings };
  try {
    checkSubjectTotals(next, subject);
  } catch (e) {
    fail(op, (e as Error).message.replace(/^model\/validate: /, ''));
  }
  return next;
}

function round(x: number) {
  return Math.round(x * 1e6) / 1e6;
}

/** Applies one operation; returns a new document, or throws a ModelError and leaves `doc` untouched. */
export function apply(doc: OwnershipDoc, op: Op): OwnershipDoc {
  switch (op.type) {
    case 'addEntity': {
      const entity = check(op, entitySchema, op.entity, `entity "${op.entity?.id}"`);
      if (doc.entities.some((e) => e.id === entity.id)) fail(op, `an entity with id "${entity.id}" already exists`);
      return { ...doc, entities: [...doc.entities, entity] };
    }
    case 'updateEntity': {
      const entities = replaceById(doc.entities, op, op.id, 'entity', (e) => check(op, entitySchema, merge(e, op.changes), `entity "${op.id}"`));
      const next = { ...doc, entities };
      try {
        checkBoardSeats(next, op.id);
      } catch (e) {
        fail(op, (e as Error).message.replace(/^model\/validate: /, ''));
      }
      return next;
    }
    case 'removeEntity': {
      removeById(doc.entities, op, op.id, 'entity');
      const id = op.id;
      return {
        ...doc,
        entities: doc.entities.filter((e) => e.id !== id),
        holdings: doc.holdings.filter((h) => h.holder !== id && h.subject !== id),
        agreements: doc.agreements?.filter((a) => a.subject !== id && !a.parties.includes(id)),
        ...(doc.relations ? { relations: doc.relations.filter((r) => r.subject !== id && r.party !== id) } : {}),
        dependencies: doc.dependencies?.filter((d) => d.provider !== id && d.client !== id),
        events: doc.events?.map((ev) => (ev.entities?.includes(id) ? { ...ev, entities: ev.entities.filter((x) => x !== id) } : ev)),
      };
    }
    case 'moveEntity':
      return apply(doc, { type: 'moveEntities', positions: { [op.id]: op.position } });
    case 'moveEntities': {
      const positions = op.positions;
      const ids = new Set(doc.entities.map((e) => e.id));
      for (const [id, p] of Object.entries(positions)) {
        if (!Number.isFinite(p?.x) || !Number.isFinite(p?.y)) fail(op, `position of "${id}" is not a pair of finite numbers`);
        if (!ids.has(id)) fail(op, `entity "${id}" is not an entity in this document`);
      }
      return { ...doc, entities: doc.entities.map((e) => (positions[e.id] ? { ...e, position: { x: positions[e.id].x, y: positions[e.id].y } } : e)) };
    }
    case 'setHolding': {
      const holding = check(op, holdingSchema, op.holding, `holding "${op.holding?.id}"`);
      const i = doc.holdings.findIndex((h) => h.id === holding.id);
      const holdings = doc.holdings.slice();
      if (i >= 0) holdings[i] = holding; else holdings.push(holding);
      const next = { ...doc, holdings };
      checkHolding(next, op, holding);
      return next;
    }
    case 'removeHolding':
      return { ...doc, holdings: removeById(doc.holdings, op, op.id, 'holding') };
    case 'transfer':
      return transfer(doc, op);
    case 'addAgreement':
    case 'updateAgreement': {
      const list = doc.agreements ?? [];
      let agreement;
      let agreements;
      if (op.type === 'addAgreement') {
        agreement = check(op, agreementSchema, op.agreement, `agreement "${op.agreement?.id}"`);
        if (list.some((a) => a.id === agreement!.id)) fail(op, `an agreement with id "${agreement.id}" already exists`);
        agreements = [...list, agreement];
      } else {
        agreements = replaceById(list, op, op.id, 'agreement', (a) => (agreement = check(op, agreementSchema, merge(a, op.changes), `agreement "${op.id}"`)));
      }
      const a = agreement!;
      a.parties.forEach((p) => requireEntity(doc, op, p, 'party'));
      requireEntity(doc, op, a.subject, 'subject');
      if (a.parties.includes(a.subject)) fail(op, `agreement "${a.id}" names its subject as a party`);
      if (a.kind === 'joint-control' && new Set(a.parties).size < 2) fail(op, `joint-control agreement "${a.id}" needs at least two parties`);
      checkEdgeDates(op, a);
      return { ...doc, agreements };
    }
    case 'removeAgreement':
      return { ...doc, agreements: removeById(doc.agreements ?? [], op, op.id, 'agreement') };
    case 'addDependency':
    case 'updateDependency': {
      const list = doc.dependencies ?? [];
      let dep;
      let dependencies;
      if (op.type === 'addDependency') {
        dep = check(op, dependencySchema, op.dependency, `dependency "${op.dependency?.id}"`);
        if (list.some((d) => d.id === dep!.id)) fail(op, `a dependency with id "${dep.id}" already exists`);
        dependencies = [...list, dep];
      } else {
        dependencies = replaceById(list, op, op.id, 'dependency', (d) => (dep = check(op, dependencySchema, merge(d, op.changes), `dependency "${op.id}"`)));
      }
      const d = dep!;
      requireEntity(doc, op, d.provider, 'provider');
      requireEntity(doc, op, d.client, 'client');
      if (d.provider === d.client) fail(op, `dependency "${d.id}" has the same provider and client`);
      checkEdgeDates(op, d);
      return { ...doc, dependencies };
    }
    case 'removeDependency':
      return { ...doc, dependencies: removeById(doc.dependencies ?? [], op, op.id, 'dependency') };
    case 'addEvent':
    case 'updateEvent': {
      const list = doc.events ?? [];
      let ev;
      let events;
      if (op.type === 'addEvent') {
        ev = check(op, eventSchema, op.event, `event "${op.event?.id}"`);
        if (list.some((x) => x.id === ev!.id)) fail(op, `an event with id "${ev.id}" already exists`);
        events = [...list, ev];
      } else {
        events = replaceById(list, op, op.id, 'event', (x) => (ev = check(op, eventSchema, merge(x, op.changes), `event "${op.id}"`)));
      }
      (ev!.entities ?? []).forEach((id) => requireEntity(doc, op, id, 'entity'));
      return { ...doc, events };
    }
    case 'removeEvent':
      return { ...doc, events: removeById(doc.events ?? [], op, op.id, 'event') };
    case 'setMeta': {
      const next = merge(doc, op.changes as Changes<OwnershipDoc>);
      if (next.asOf !== undefined && !isoDate.safeParse(next.asOf).success) fail(op, `asOf "${next.asOf}" is not a date YYYY-MM-DD`);
      return next;
    }
    case 'setScenario': {
      const scenario = check(op, docScenarioSchema, op.scenario, `scenario "${op.scenario?.id}"`) as typeof op.scenario;
      const list = doc.scenarios ?? [];
      const i = list.findIndex((x) => x.id === scenario.id);
      const scenarios = list.slice();
      if (i >= 0) scenarios[i] = scenario; else scenarios.push(scenario);
      return { ...doc, scenarios };
    }
    case 'removeScenario':
      return { ...doc, scenarios: removeById(doc.scenarios ?? [], op, op.id, 'scenario') };
    case 'batch':
      return op.ops.reduce((d, o, i) => {
        try {
          return apply(d, o);
        } catch (e) {
          throw new ModelError(`${(e as Error).message} (operation ${i + 1} of ${op.ops.length}${op.label ? ` in "${op.label}"` : ''})`);
        }
      }, doc);
    default: {
      const never: never = op;
      throw new ModelError(`model/apply: unknown operation ${JSON.stringify((never as { type?: unknown }).type)}`);
    }
  }
}

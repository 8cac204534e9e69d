// The bundled datasets (data/*.ownership.json) and scenarios (data/scenarios/*.json): they parse, every edge is
// sourced, ids are unique, and every scenario applies cleanly to its dataset.
import { describe, it, expect } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { apply, inForce, parseDoc, type Op, type OwnershipDoc } from '../../src/model';

const dataDir = new URL('../../data/', import.meta.url);
const read = (rel: string) => readFileSync(new URL(rel, dataDir), 'utf8');

const datasets: Record<string, string> = {
  'line-yahoo': 'line-yahoo.ownership.json',
  'ntt-docomo': 'ntt-docomo.ownership.json',
};

function load(name: string): OwnershipDoc {
  return parseDoc(read(datasets[name]));
}

/** Sum of shares held in `subject` by the holdings in force on `date`. */
function total(doc: OwnershipDoc, subject: string, date: string) {
  return doc.holdings.filter((h) => h.subject === subject && inForce(h, date)).reduce((s, h) => s + h.shares, 0);
}

function stake(doc: OwnershipDoc, holder: string, subject: string, date: string) {
  return doc.holdings.filter((h) => h.holder === holder && h.subject === subject && inForce(h, date)).reduce((s, h) => s + h.shares, 0);
}

interface Scenario {
  id: string;
  title: string;
  description: string;
  dataset: string;
  ops: Op[];
  sources: { title?: string; url?: string; date?: string }[];
}

const scenarioFiles = readdirSync(fileURLToPath(new URL('scenarios/', dataDir))).filter((f) => f.endsWith('.json')).sort();
const scenarios = scenarioFiles.map((f) => ({ file: f, scenario: JSON.parse(read(`scenarios/${f}`)) as Scenario }));

describe('bundled datasets', () => {
  for (const name of Object.keys(datasets)) {
    describe(name, () => {
      const doc = load(name);

      it('parses as a version-1 ownership document with a view date', () => {
        expect(doc.format).toBe('ownership-graph');
        expect(doc.version).toBe(1);
        expect(doc.title).toBeTruthy();
        expect(doc.asOf).toBe('2024-09-30');
      });

      it('sources every holding, agreement, dependency, event and entity', () => {
        const records = [...doc.holdings, ...(doc.agreements ?? []), ...(doc.dependencies ?? []), ...(doc.events ?? []), ...doc.entities];
        for (const r of records) {
          expect(r.sources?.length ?? 0, `${r.id} has no source`).toBeGreaterThan(0);
          for (const s of r.sources ?? []) expect(s.title, `${r.id} has a source without a title`).toBeTruthy();
        }
      });

      it('sources every other name and identifier', () => {
        for (const e of doc.entities) {
          for (const n of [...(e.aliases ?? []), ...(e.identifiers ?? [])]) {
            const what = 'name' in n ? n.name : `${n.scheme} ${n.id}`;
            expect(n.sources?.length ?? 0, `${e.id}: ${what} has no source`).toBeGreaterThan(0);
          }
        }
      });

      it('has unique ids within each kind', () => {
        for (const list of [doc.entities, doc.holdings, doc.agreements ?? [], doc.dependencies ?? [], doc.events ?? []]) {
          const ids = list.map((r) => r.id);
          expect(new Set(ids).size).toBe(ids.length);
        }
      });

      it('gives every entity notes', () => {
        for (const e of doc.entities) expect(e.notes, `${e.id} has no notes`).toBeTruthy();
      });
    });
  }

  it('line-yahoo: A Holdings and the float of LY add up to 100% at every dated step', () => {
    const doc = load('line-yahoo');
    for (const [date, ahd] of [['2022-01-01', 65.25], ['2024-01-01', 64.42], ['2024-08-01', 64.42], ['2024-09-30', 62.5]] as const) {
      expect(stake(doc, 'ahd', 'ly', date)).toBeCloseTo(ahd, 6);
      expect(total(doc, 'ly', date)).toBeCloseTo(100, 6);
    }
    expect(stake(doc, 'sbkk', 'ahd', '2024-09-30')).toBe(50);
    expect(stake(doc, 'naver', 'ahd', '2024-09-30')).toBe(50);
    expect(total(doc, 'paypay', '2024-09-30')).toBeLessThanOrEqual(100);
  });

  it('line-yahoo: NAVER dependencies end on their planned dates; LINE Plus stays open', () => {
    const doc = load('line-yahoo');
    const deps = new Map((doc.dependencies ?? []).map((d) => [d.id, d]));
    expect(deps.get('d-navercloud-ly-itops')?.until).toBe('2025-12-31');
    expect(deps.get('d-navercloud-ly-auth')?.until).toBe('2025-03-31');
    expect(deps.get('d-naver-ly-dev')?.until).toBe('2025-12-31');
    expect(deps.get('d-lineplus-ly-dev')?.until ?? null).toBeNull();
    expect(deps.get('d-korea-data')?.kind).toBe('data-storage');
  });
});

describe('bundled scenarios', () => {
  it('exist, with unique ids matching their file names', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(7);
    const ids = scenarios.map((s) => s.scenario.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { file, scenario } of scenarios) expect(`${scenario.id}.json`).toBe(file);
  });

  for (const { file, scenario } of scenarios) {
    it(`${file} is well formed and applies cleanly to its dataset`, () => {
      expect(typeof scenario.id).toBe('string');
      expect(scenario.title).toBeTruthy();
      expect(scenario.description).toBeTruthy();
      expect(Object.keys(datasets)).toContain(scenario.dataset);
      expect(Array.isArray(scenario.ops)).toBe(true);
      expect(scenario.sources.length).toBeGreaterThan(0);
      const doc = load(scenario.dataset);
      const next = apply(doc, { type: 'batch', label: scenario.title, ops: scenario.ops });
      // The result is still a valid document.
      expect(() => parseDoc(JSON.parse(JSON.stringify(next)))).not.toThrow();
    });
  }

  it('the 2024 buyback scenario moves 1.92 points of LY to the float on 2024-08-01 only', () => {
    const { scenario } = scenarios.find((s) => s.scenario.id === 'ly-buyback-2024')!;
    const doc = load('line-yahoo');
    const next = apply(doc, { type: 'batch', ops: scenario.ops });
    expect(stake(next, 'ahd', 'ly', '2024-08-01')).toBeCloseTo(62.5, 6);
    expect(stake(next, 'ly-float', 'ly', '2024-08-01')).toBeCloseTo(37.5, 6);
    expect(stake(next, 'ahd', 'ly', '2022-01-01')).toBeCloseTo(65.25, 6);
    expect(stake(next, 'ahd', 'ly', '2024-09-30')).toBeCloseTo(62.5, 6);
  });

  it('SoftBank scenarios give SoftBank Corp. the expected share of A Holdings', () => {
    const doc = load('line-yahoo');
    const expected: Record<string, number> = { 'softbank-majority': 50.01, 'naver-sells-25': 75, 'softbank-buys-out': 100 };
    for (const [id, sb] of Object.entries(expected)) {
      const { scenario } = scenarios.find((s) => s.scenario.id === id)!;
      const next = apply(doc, { type: 'batch', ops: scenario.ops });
      expect(stake(next, 'sbkk', 'ahd', '2024-09-30')).toBeCloseTo(sb, 6);
      expect(stake(next, 'naver', 'ahd', '2024-09-30')).toBeCloseTo(100 - sb, 6);
    }
  });

  it('the system-separation scenario leaves no NAVER or NAVER Cloud dependency', () => {
    const { scenario } = scenarios.find((s) => s.scenario.id === 'system-separation')!;
    const next = apply(load('line-yahoo'), { type: 'batch', ops: scenario.ops });
    expect((next.dependencies ?? []).filter((d) => d.provider === 'naver' || d.provider === 'navercloud')).toEqual([]);
  });
});

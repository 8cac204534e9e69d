// toElements, the stylesheet and the legend: what is drawn for the bundled LY graph and tiny hand-built graphs.
import { describe, expect, it, vi } from 'vitest';
import cytoscape from 'cytoscape';
import { analyze } from '../../src/analysis';
import { parseDoc, type OwnershipDoc } from '../../src/model';
import { applyElements } from '../../src/canvas/applyElements';
import { controlGroups, slotColour } from '../../src/draw/groups';
import { holdingLabel, shortName } from '../../src/draw/labels';
import { legendModel } from '../../src/draw/legend';
import { assignColours, EXPOSURE_STYLES, KIND_STYLES, NEUTRAL, PALETTE, STATUS_STYLES, stakeWidth } from '../../src/draw/styles';
import { stylesheet } from '../../src/canvas/stylesheet';
import { toElements, type ElementDef } from '../../src/draw/toElements';
import { DATASETS } from '../../src/store/datasets';

const ALL = { layers: { holdings: true, agreements: true, dependencies: true } };
const ly = DATASETS.find((d) => d.id === 'line-yahoo')!.load();
const byId = (els: ElementDef[], id: string) => els.find((e) => e.data.id === id)!;

describe('toElements on LY Corporation', () => {
  const legal = analyze(ly, { rule: 'legal' });
  const els = toElements(ly, legal, ALL);

  it('draws every entity and only the records in force on the view date', () => {
    expect(els.filter((e) => e.group === 'nodes')).toHaveLength(ly.entities.length);
    const holdings = els.filter((e) => e.data.kind === 'holding').map((e) => e.data.ref);
    expect(holdings).toContain('h-ahd-ly');
    expect(holdings).not.toContain('h-ahd-ly-2023-10');
    expect(new Set(els.map((e) => e.data.id)).size).toBe(els.length);
  });

  it('labels stakes, votes when they differ, and marks estimates', () => {
    expect(byId(els, 'h:h-naver-ahd').data.label).toBe('50%');
    expect(byId(els, 'h:h-sbgj-sbkk').data.label).toBe('40.47% (40.68% votes)');
    expect(byId(els, 'h:h-ly-float-ly').data.label).toBe('~37.5%');
    expect(byId(els, 'h:h-ly-float-ly').classes).toContain('estimated');
    // 1 px plus 7 px per 100%: 50% draws 4.5 px wide, 100% 8 px, 10% 1.7 px.
    expect(byId(els, 'h:h-naver-ahd').data.width).toBe(4.5);
    expect([stakeWidth(100), stakeWidth(10), stakeWidth(0), stakeWidth(250)]).toEqual([8, 1.7, 1, 8]);
  });

  it('emphasises the holdings that confer control', () => {
    expect(byId(els, 'h:h-ahd-ly').classes).toContain('conferring');
    expect(byId(els, 'h:h-son-sbg').classes).not.toContain('conferring');
  });

  it('marks status and colours each control group by its ultimate controller', () => {
    expect(byId(els, 'e:ly').classes).toContain('s-controlled');
    expect(byId(els, 'e:sbg').classes).toContain('s-independent');
    expect(byId(els, 'e:son').classes).toContain('k-person');
    expect(byId(els, 'e:ly').data.fill).toBe(byId(els, 'e:sbg').data.fill);
    expect(byId(els, 'e:navercloud').data.fill).toBe(byId(els, 'e:naver').data.fill);
    expect(byId(els, 'e:naver').data.fill).not.toBe(byId(els, 'e:sbg').data.fill);
    expect(byId(els, 'e:mic').data.fill).toBe(NEUTRAL.fill);
  });

  it('under votes only, A Holdings is jointly controlled and LY belongs to the NAVER + SoftBank Corp. group', () => {
    const votes = toElements(ly, analyze(ly, { rule: 'votes' }), ALL);
    expect(byId(votes, 'e:ahd').classes).toContain('s-joint');
    expect(byId(votes, 'e:ahd').data.label).toMatch(/joint control/);
    expect(byId(votes, 'e:ly').data.fill).toBe(byId(votes, 'e:ahd').data.fill);
    expect(votes.some((e) => e.data.kind === 'agreement')).toBe(true);
  });

  it('draws agreements (one edge per party) and dependencies coloured by exposure', () => {
    const ag = els.filter((e) => e.data.kind === 'agreement');
    expect(ag.map((e) => e.data.ref)).toContain('a-sbkk-ahd');
    const dep = byId(els, 'd:d-navercloud-ly-itops');
    // NAVER Cloud belongs to NAVER, which co-owns A Holdings, LY's parent; NAVER is Korean, LY Japanese.
    expect(dep.classes).toBe('dependency x-co-owner cross-border');
    expect(dep.data.label).toMatch(/^IT operations/);
  });

  it('switches layers off', () => {
    const none = toElements(ly, legal, { layers: { holdings: false, agreements: false, dependencies: false } });
    expect(none.every((e) => e.group === 'nodes')).toBe(true);
    const noDeps = toElements(ly, legal, { layers: { holdings: true, agreements: true, dependencies: false } });
    expect(noDeps.some((e) => e.data.kind === 'dependency')).toBe(false);
  });

  it('leaves unplaced entities without a position and passes saved positions through', () => {
    expect(byId(els, 'e:ly').position).toBeUndefined();
    expect(byId(els, 'e:ly').data.placed).toBe(false);
    const moved: OwnershipDoc = { ...ly, entities: ly.entities.map((e) => (e.id === 'ly' ? { ...e, position: { x: 12, y: 34 } } : e)) };
    expect(byId(toElements(moved, analyze(moved), ALL), 'e:ly').position).toEqual({ x: 12, y: 34 });
  });
});

describe('labels and colours', () => {
  it.each([
    [{ shares: 50 }, '50%'],
    [{ shares: 40.47, votes: 40.68 }, '40.47% (40.68% votes)'],
    [{ shares: 62.5, votes: 62.5 }, '62.5%'],
    [{ shares: 10, estimated: true }, '~10%'],
    [{ shares: 50, boardSeats: 3 }, '50% · 3 seats'],
  ])('holdingLabel(%j) = %s', (h, label) => expect(holdingLabel(h)).toBe(label));

  it('shortens long names', () => {
    expect(shortName('x'.repeat(60), 10)).toHaveLength(10);
    expect(shortName('Short')).toBe('Short');
  });

  it('assigns distinct, stable colours while the palette lasts', () => {
    const keys = ['sbg', 'naver', 'naver+sbkk', 'mof'];
    const a = assignColours(keys), b = assignColours([...keys].reverse());
    expect(new Set([...a.values()].map((c) => c.fill)).size).toBe(4);
    for (const k of keys) expect(a.get(k)).toEqual(b.get(k));
    expect(assignColours(Array.from({ length: 25 }, (_, i) => `k${i}`)).size).toBe(25);
  });
});

describe('control groups of a partial drawing (focus mode)', () => {
  const a = analyze(ly, { rule: 'legal' });
  const whole = controlGroups(a);
  const sbg = whole.groups.find((g) => g.key === 'sbg')!;

  it('every entity knows the size of its group in the whole graph', () => {
    expect(sbg.members.length).toBeGreaterThan(2);
    for (const g of whole.groups) for (const m of g.members) expect(a.groupSize(m)).toBe(g.members.length);
    expect(a.groupSize('mic')).toBe(1);
    const votes = analyze(ly, { rule: 'votes' });
    const joint = controlGroups(votes).groups.find((g) => g.top.length > 1)!;
    expect(joint.key).toBe('naver+sbkk');
    for (const m of joint.members) expect(votes.groupSize(m)).toBe(joint.members.length);
  });

  it('groups only the drawn entities, counts whole groups, and colours each group the same whatever else is drawn', () => {
    const [x, y] = sbg.members;
    const one = controlGroups(a, new Set([x, 'mic']));
    expect([...one.keyOf.keys()].sort()).toEqual([x, 'mic'].sort());
    expect(one.groups).toEqual([{ key: 'sbg', top: ['sbg'], members: [x], count: sbg.members.length, ...slotColour('sbg') }]);
    expect(one.colourOf(x)).toEqual(slotColour('sbg'));
    expect(one.colourOf('mic')).toEqual(NEUTRAL); // alone in its group in the whole graph
    const other = controlGroups(a, new Set([y, ...whole.groups.flatMap((g) => (g.key === 'sbg' ? [] : g.members))]));
    expect(other.colourOf(y)).toEqual(one.colourOf(x));
    expect(other.groups.map((g) => g.key).sort()).toEqual(whole.groups.map((g) => g.key).sort());
  });

  it('the legend of a focused drawing shows the drawn colours and whole-group counts', () => {
    const only = new Set([sbg.members[0], 'mic']);
    const els = toElements(ly, a, { ...ALL, only });
    const m = legendModel(els, a, String);
    expect(m.groups).toEqual([{ key: 'sbg', label: 'sbg', count: sbg.members.length, ...slotColour('sbg') }]);
    expect(byId(els, `e:${sbg.members[0]}`).data).toMatchObject({ controlGroup: 'sbg', ...slotColour('sbg') });
    expect(byId(els, 'e:mic').data.controlGroup).toBe('');
  });
});

describe('stylesheet and legend', () => {
  it('has a rule for every kind, status and exposure class', () => {
    const selectors = stylesheet().map((r) => r.selector);
    for (const k of Object.keys(KIND_STYLES)) expect(selectors).toContain(`node.k-${k}`);
    for (const s of Object.keys(STATUS_STYLES)) expect(selectors).toContain(`node.s-${s}`);
    for (const x of Object.keys(EXPOSURE_STYLES)) expect(selectors).toContain(`edge.dependency.x-${x}`);
  });

  it('is accepted by Cytoscape: no rule warned about, and the kinds draw with their shapes', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const a = analyze(ly, { rule: 'legal' });
    const cy = cytoscape({ headless: true, styleEnabled: true, style: stylesheet() as never, elements: toElements(ly, a, ALL) as never });
    try {
      expect(warn).not.toHaveBeenCalled(); // Cytoscape warns of every property or value it does not accept
      for (const [id, kind] of [['e:son', 'person'], ['e:ly', 'company'], ['e:ly-float', 'float']] as const) expect(cy.getElementById(id).style('shape')).toBe(KIND_STYLES[kind].shape);
      expect(Number.parseFloat(cy.getElementById('h:h-naver-ahd').style('width'))).toBe(4.5);
    } finally {
      cy.destroy();
      warn.mockRestore();
    }
  });

  it('lists exactly what is drawn', () => {
    const a = analyze(ly, { rule: 'legal' });
    const els = toElements(ly, a, ALL);
    const m = legendModel(els, a, (id) => ly.entities.find((e) => e.id === id)?.name ?? id);
    expect(m.kinds.map((k) => k.kind).sort()).toEqual(['company', 'float', 'fund', 'person', 'state']);
    expect(m.statuses.map((s) => s.status)).toContain('controlled');
    expect(m.edges.map((e) => e.key)).toEqual(expect.arrayContaining(['holding', 'conferring', 'estimated', 'agreement']));
    expect(m.groups[0].label).toBe('SoftBank Group Corp.');
    expect(PALETTE.map((p) => p.fill)).toContain(m.groups[0].fill);
    const bare = legendModel(toElements(ly, a, { layers: { holdings: false, agreements: false, dependencies: false } }), a, String);
    expect(bare.edges).toEqual([]);
  });
});

describe('applyElements (headless Cytoscape)', () => {
  const doc = parseDoc({
    format: 'ownership-graph', version: 1,
    entities: [{ id: 'a', name: 'A', position: { x: 0, y: 0 } }, { id: 'b', name: 'B', position: { x: 0, y: 100 } }],
    holdings: [{ id: 'h1', holder: 'a', subject: 'b', shares: 60 }],
  });

  it('adds, patches only what changed, and removes', () => {
    const cy = cytoscape({ headless: true });
    const first = applyElements(cy, new Map(), toElements(doc, analyze(doc), ALL));
    expect(first.added).toBe(3);
    const same = applyElements(cy, first.drawn, toElements(doc, analyze(doc), ALL));
    expect(same.patched + same.added + same.removed).toBe(0);
    const edited = { ...doc, holdings: [{ ...doc.holdings[0], shares: 40 }], entities: doc.entities.map((e) => (e.id === 'a' ? { ...e, position: { x: 50, y: 0 } } : e)) };
    const r = applyElements(cy, same.drawn, toElements(edited, analyze(edited), ALL));
    expect(r.patched).toBeGreaterThanOrEqual(2);
    expect(cy.getElementById('h:h1').data('label')).toBe('40%');
    expect(cy.getElementById('e:a').position()).toEqual({ x: 50, y: 0 });
    const gone = { ...edited, holdings: [] };
    const r2 = applyElements(cy, r.drawn, toElements(gone, analyze(gone), ALL));
    expect(r2.removed).toBe(1);
    expect(cy.edges()).toHaveLength(0);
    cy.destroy();
  });
});

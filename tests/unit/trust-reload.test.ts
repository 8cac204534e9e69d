// A reload never turns a scenario into the base: saved work that showed a scenario reopens still showing it, marked,
// with Back to base returning to the base and its date exactly; opening a dataset's saved work does the same.
import { describe, expect, it } from 'vitest';
import { createApp, type AppEnv, type ExplorerApp } from '../../src/store/app';
import { memoryKv, type KV } from '../../src/store/kv';
import { applyScenario, backToBase } from '../../src/store/scenario';
import { scenariosFor } from '../../src/store/scenarios';

const env = (kv: KV): AppEnv => ({ search: '', hash: '', kv, workers: false, clearHash() {}, clearSearch() {}, download() {}, idle: () => {} });
const settle = async (app: ExplorerApp) => {
  await new Promise((r) => setTimeout(r, 20));
  await app.autosave.flush();
  await app.autosave.idle();
};
const scenario = (id: string) => scenariosFor('line-yahoo', { format: 'ownership-graph', version: 1, entities: [], holdings: [] }).find((s) => s.id === id)!;

describe('reloading while a scenario is shown', () => {
  it.each([['softbank-majority'], ['ly-buyback-2024']])('%s: after a reload it is still shown, marked, and Back to base returns to the base and its date', async (id) => {
    const kv = memoryKv();
    const first = await createApp(env(kv));
    first.store.getState().setView({ date: '2024-09-30' });
    const base = JSON.stringify(first.store.getState().doc);
    expect(applyScenario(first.store, scenario(id)).ok).toBe(true);
    const shown = JSON.stringify(first.store.getState().doc);
    const date = first.store.getState().view.date;
    await settle(first);
    first.stop();

    const again = await createApp(env(kv));
    const st = again.store.getState;
    expect(JSON.stringify(st().doc)).toBe(shown);
    expect(st().view.date).toBe(date);
    expect(st().sim.scenario).toMatchObject({ id, title: scenario(id).title, baseDate: '2024-09-30' });
    expect(backToBase(again.store).ok).toBe(true);
    expect(JSON.stringify(st().doc)).toBe(base);
    expect(st().view.date).toBe('2024-09-30');
    expect(st().sim.scenario).toBeNull();
    await settle(again);
    again.stop();

    // The base is what is saved now: the next start shows it, as a base.
    const third = await createApp(env(kv));
    expect(JSON.stringify(third.store.getState().doc)).toBe(base);
    expect(third.store.getState().sim.scenario).toBeNull();
    third.stop();
  });

  it('opening a dataset whose saved work shows a scenario shows it marked', async () => {
    const kv = memoryKv();
    const app = await createApp(env(kv));
    applyScenario(app.store, scenario('softbank-majority'));
    await settle(app);
    await app.openDataset('ntt-docomo');
    expect(app.store.getState().sim.scenario).toBeNull();
    await app.openDataset('line-yahoo');
    expect(app.store.getState().sim.scenario?.id).toBe('softbank-majority');
    app.stop();
  });
});

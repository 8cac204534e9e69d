// The diffs of transitions (store/diffs.ts): asked for once per pair of documents and view options, null until
// they arrive, then the same as the page's own diff; where no worker can run (here, Node) worked out on the page.
// The diffs belong to one explorer: its worker is made by createApp's environment and stopped by app.stop().
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { apply, parseDoc } from '../../src/model';
import { analyze, diffAnalyses } from '../../src/analysis';
import { createDiffs } from '../../src/store/diffs';
import { createApp, type AppEnv } from '../../src/store/app';
import { memoryKv } from '../../src/store/kv';

const ly = parseDoc(readFileSync(new URL('../../data/line-yahoo.ownership.json', import.meta.url), 'utf8'));
const after = apply(ly, { type: 'transfer', seller: 'naver', buyer: 'sbkk', subject: 'ahd', points: 0.01 });

describe('transition diffs', () => {
  it('arrive after the asking task, equal to diffAnalyses, and are asked for once per pair and options', async () => {
    const diffs = createDiffs(null);
    const entry = diffs.request(ly, after, { rule: 'legal' });
    expect(entry.diff).toBeNull();
    expect(diffs.request(ly, after, { rule: 'legal' })).toBe(entry);
    await expect.poll(() => entry.diff, { timeout: 5000 }).not.toBeNull();
    expect(entry.error).toBeNull();
    expect(entry.diff).toEqual(diffAnalyses(analyze(ly, { rule: 'legal' }), analyze(after, { rule: 'legal' })));
    expect(diffs.arrivals.getState().count).toBe(1);
    // Another rule is another diff: under Votes only, SoftBank Corp. comes to control A Holdings.
    const votes = diffs.request(ly, after, { rule: 'votes' });
    expect(votes).not.toBe(entry);
    await expect.poll(() => votes.diff, { timeout: 5000 }).not.toBeNull();
    expect(votes.diff!.changes.find((c) => c.entity === 'ahd')?.after?.parent).toEqual(['sbkk']);
    // Two explorers keep their own diffs.
    expect(createDiffs(null).request(ly, after, { rule: 'legal' })).not.toBe(entry);
  });
});

/** A stand-in for a Web Worker: counts the workers made and those terminated. */
function fakeWorkers() {
  const made: { terminated: boolean }[] = [];
  const make = () => {
    const w = { terminated: false, onmessage: null, onerror: null, onmessageerror: null, postMessage() {}, terminate() { w.terminated = true; } };
    made.push(w);
    return w as unknown as Worker;
  };
  return { made, make };
}

describe('the diff worker of an explorer', () => {
  const env = (over: Partial<AppEnv>): AppEnv => ({ search: '', hash: '', kv: memoryKv(), workers: true, clearHash() {}, clearSearch() {}, download() {}, ...over });

  it('is made from the environment on first use, and app.stop() stops it', async () => {
    const workers = fakeWorkers();
    const app = await createApp(env({ worker: workers.make }));
    expect(workers.made).toHaveLength(0); // the LY graph needs no analysis worker, and no diff was asked for yet
    app.diffs.warm();
    app.diffs.warm();
    expect(workers.made).toHaveLength(1);
    app.stop();
    expect(workers.made.every((w) => w.terminated)).toBe(true);
  });

  it('is never made where workers cannot run: diffs are worked out on the page', async () => {
    const workers = fakeWorkers();
    const app = await createApp(env({ workers: false, worker: workers.make }));
    const entry = app.diffs.request(ly, after, { rule: 'votes' });
    await expect.poll(() => entry.diff, { timeout: 5000 }).not.toBeNull();
    expect(workers.made).toHaveLength(0);
    app.stop();
  });
});

// The diffs of transitions (store/diffs.ts): asked for once per pair of documents and view options, null until
// they arrive, then the same as the page's own diff; where no worker can run (here, Node) worked out on the page.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { apply, parseDoc } from '../../src/model';
import { analyze, diffAnalyses } from '../../src/analysis';
import { requestDiff } from '../../src/store/diffs';

const ly = parseDoc(readFileSync(new URL('../../data/line-yahoo.ownership.json', import.meta.url), 'utf8'));
const after = apply(ly, { type: 'transfer', seller: 'naver', buyer: 'sbkk', subject: 'ahd', points: 0.01 });

describe('transition diffs', () => {
  it('arrive after the asking task, equal to diffAnalyses, and are asked for once per pair and options', async () => {
    const entry = requestDiff(ly, after, { rule: 'legal' });
    expect(entry.diff).toBeNull();
    expect(requestDiff(ly, after, { rule: 'legal' })).toBe(entry);
    await expect.poll(() => entry.diff, { timeout: 5000 }).not.toBeNull();
    expect(entry.error).toBeNull();
    expect(entry.diff).toEqual(diffAnalyses(analyze(ly, { rule: 'legal' }), analyze(after, { rule: 'legal' })));
    // Another rule is another diff: under Votes only, SoftBank Corp. comes to control A Holdings.
    const votes = requestDiff(ly, after, { rule: 'votes' });
    expect(votes).not.toBe(entry);
    await expect.poll(() => votes.diff, { timeout: 5000 }).not.toBeNull();
    expect(votes.diff!.changes.find((c) => c.entity === 'ahd')?.after?.parent).toEqual(['sbkk']);
  });
});

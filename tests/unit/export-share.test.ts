// Share links and their preview: a link opens its graph without touching the autosaved work until Keep (it becomes the
// working document, saved at once) or Discard (back to the saved work); damaged and too-large links say so.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { encodeShareFragment, MAX_SHARE_LINK_CHARS } from '../../src/io';
import { generateGraph, parseDoc } from '../../src/model';
import { autosaveControl } from '../../src/store/autosave';
import { memoryPersistence } from '../../src/store/persistence';
import { createShareSession, isShareHash, readShareHash, shareLink, sharedBoot } from '../../src/store/share';
import { createExplorerStore } from '../../src/store/store';
import { graph } from './helpers';

const LY = parseDoc(JSON.parse(readFileSync(new URL('../../data/line-yahoo.ownership.json', import.meta.url), 'utf8')));
const SHARED = graph([['a', 'b', 60]]);

describe('reading a share link', () => {
  it.each([['#v1.abc', true], ['v2.x', true], ['#section-2', false], ['', false], ['#', false]])('%j is a share link: %s', (h, yes) => expect(isShareHash(h)).toBe(yes));

  it('decodes the document', () => {
    const r = readShareHash(`#${encodeShareFragment(SHARED)}`);
    expect(r && 'doc' in r && r.doc).toEqual(SHARED);
  });

  it.each([
    ['cut short', `#${encodeShareFragment(LY).slice(0, 200)}`],
    ['altered', `#${encodeShareFragment(SHARED).replace(/.$/, '!')}`],
    ['a newer version', '#v9.abc'],
  ])('a link %s gives one clear error, and no document', (_what, hash) => {
    const r = readShareHash(hash);
    expect(r && 'error' in r && r.error).toMatch(/^The share link could not be opened: .+ Your own graph is shown instead, unchanged\.$/);
  });

  it('other fragments are not share links', () => expect(readShareHash('#about')).toBeNull());
});

describe('making a share link', () => {
  it('puts the document in the fragment of the app address', () => {
    const r = shareLink(SHARED, 'http://127.0.0.1:4173/app/#old');
    expect(r.ok && r.url).toBe(`http://127.0.0.1:4173/app/#${encodeShareFragment(SHARED)}`);
  });

  it('refuses a document too large for a link, saying what to do instead', () => {
    const big = generateGraph({ entities: 600, seed: 3 });
    const r = shareLink(big, 'http://x/');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(new RegExp(`too large for a share link \\([\\d,]+ characters; a link holds at most ${MAX_SHARE_LINK_CHARS.toLocaleString('en')}\\)\\. Save it as a file`));
  });
});

describe('the share preview', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function start(savedDoc = LY) {
    const persistence = memoryPersistence({ doc: savedDoc, datasetId: 'line-yahoo', view: { rule: 'votes' } });
    const boot = sharedBoot(SHARED);
    const store = createExplorerStore(boot);
    const autosave = autosaveControl(store, persistence, boot.autosave, 10);
    let cleared = 0;
    const session = createShareSession({ store, persistence, autosave, clearHash: () => cleared++ }, true);
    return { persistence, store, autosave, session, cleared: () => cleared };
  }

  it('shows the shared graph and never writes while it is previewed, even after edits', () => {
    const { persistence, store, autosave, session } = start();
    expect(store.getState().doc).toBe(SHARED);
    expect(autosave.running).toBe(false);
    store.getState().commit({ type: 'moveEntity', id: 'a', position: { x: 5, y: 5 } });
    vi.advanceTimersByTime(1000);
    expect(persistence.saves).toBe(0);
    expect(persistence.data!.doc).toEqual(LY);
    expect(session.state.getState().active).toBe(true);
  });

  it('Keep makes it the working document: saved at once, autosaved afterwards', () => {
    const { persistence, store, autosave, session, cleared } = start();
    session.keep();
    expect(session.state.getState().active).toBe(false);
    expect(cleared()).toBe(1);
    expect(autosave.running).toBe(true);
    expect(persistence.data!.doc).toEqual(SHARED);
    store.getState().commit({ type: 'moveEntity', id: 'a', position: { x: 9, y: 9 } });
    vi.advanceTimersByTime(100);
    expect(persistence.data!.doc.entities.find((e) => e.id === 'a')!.position).toEqual({ x: 9, y: 9 });
  });

  it('Discard goes back to the saved work and its view, and resumes autosave', () => {
    const { persistence, store, autosave, session, cleared } = start();
    session.discard();
    expect(store.getState().doc).toEqual(LY);
    expect(store.getState().view.rule).toBe('votes');
    expect(store.getState().datasetId).toBe('line-yahoo');
    expect(cleared()).toBe(1);
    expect(autosave.running).toBe(true);
    expect(persistence.saves).toBe(0);
  });

  it('a link opened in a running app saves pending work first, then previews', () => {
    const persistence = memoryPersistence();
    const store = createExplorerStore({ doc: LY, datasetId: 'line-yahoo' });
    const autosave = autosaveControl(store, persistence, true, 10);
    const session = createShareSession({ store, persistence, autosave, clearHash: () => {} });
    store.getState().commit({ type: 'moveEntity', id: LY.entities[0].id, position: { x: 1, y: 2 } });
    session.preview(SHARED);
    expect(persistence.saves).toBe(1);
    const saved = persistence.data!.doc;
    expect(store.getState().doc).toBe(SHARED);
    store.getState().commit({ type: 'moveEntity', id: 'a', position: { x: 3, y: 3 } });
    vi.advanceTimersByTime(1000);
    expect(persistence.data!.doc).toBe(saved);
    session.discard();
    expect(store.getState().doc.entities[0].position).toEqual({ x: 1, y: 2 });
  });
});

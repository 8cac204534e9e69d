// Share links: the document in a URL fragment, round-tripped, size-checked, and refused when cut, altered or a bomb.
import { zeroBomb } from './bombs';
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { deflateSync } from 'fflate';
import { parseDoc } from '../../src/model';
import { IoError, MAX_SHARE_LINK_CHARS, canShareAsLink, decodeShareFragment, encodeShareFragment, shareLinkSize } from '../../src/io';
import { toBase64Url } from '../../src/io/text';

const read = (name: string) => parseDoc(readFileSync(new URL(`../../data/${name}.ownership.json`, import.meta.url), 'utf8'));
const LY = read('line-yahoo');
const NTT = read('ntt-docomo');

describe('io/share', () => {
  it('round-trips a document through a URL-safe fragment, with or without the #', () => {
    const f = encodeShareFragment(NTT);
    expect(f).toMatch(/^v2\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/);
    expect(decodeShareFragment(f)).toEqual(NTT);
    expect(decodeShareFragment(`#${f}`)).toEqual(NTT);
  });

  it('says whether a document fits in a link', () => {
    expect(MAX_SHARE_LINK_CHARS).toBe(8000);
    expect(canShareAsLink(NTT)).toBe(true);
    const ly = shareLinkSize(LY);
    expect(ly.length).toBe(encodeShareFragment(LY).length);
    expect(ly.fits).toBe(ly.length <= MAX_SHARE_LINK_CHARS);
    const big = { ...LY, entities: LY.entities.map((e, i) => ({ ...e, notes: `${e.notes ?? ''} ${'x'.repeat(50)}${i}`.repeat(20) })) };
    expect(canShareAsLink(big)).toBe(false);
  });

  const f = encodeShareFragment(NTT);
  it.each<[string, string, RegExp]>([
    ['another link', 'section-2', /io\/share: this is not an ownership-graph share link/],
    ['an empty link', 'v1.', /carries no document/],
    ['foreign characters', `${f.slice(0, 20)}+/=${f.slice(20)}`, /the link is damaged \(its checksum does not match what it carries\)/],
    ['a cut link', f.slice(0, Math.floor(f.length / 2)), /the link is damaged/],
    ['a link without its checksum', f.slice(0, f.lastIndexOf('.')), /the link is damaged/],
    ['a cut link of the first version (no checksum)', `v1.${f.slice(3, Math.floor(f.length / 2))}`, /io\/share: the compressed data (is corrupt|ends too early)/],
    ['a link to something else', `v1.${toBase64Url(deflateSync(new TextEncoder().encode('{"hello":1}')))}`, /io\/share: the shared document: field "format" is not "ownership-graph"/],
    ['a zip bomb', `v1.${toBase64Url(zeroBomb(6 * 1024 * 1024, false))}`, /expands to more than 5 MB — refused/],
    ['an absurdly long link', `v1.${'A'.repeat(8 * 1024 * 1024)}`, /too long to be a share link/],
  ])('refuses %s with an IoError', (_name, fragment, message) => {
    expect(() => decodeShareFragment(fragment)).toThrow(IoError);
    expect(() => decodeShareFragment(fragment)).toThrow(message);
  }, 20_000); // the zip bomb inflates to its 5 MB cap twice: about 1 s idle, 3 s with the machine loaded

  it('a link made before checksums (v1.) still opens', () => {
    const body = f.slice(3, f.lastIndexOf('.'));
    expect(decodeShareFragment(`v1.${body}`)).toEqual(NTT);
  });

  it('refuses every one-character corruption of a link: changed, dropped or added, anywhere (a damaged PNG is refused too)', () => {
    const link = encodeShareFragment(NTT);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~%+/='; // spaces around a link are trimmed
    const corrupt = fc.tuple(fc.nat(link.length), fc.constantFrom(...alphabet), fc.constantFrom('change', 'drop', 'add')).map(([i, c, how]) => {
      const at = Math.min(i, link.length - 1);
      if (how === 'drop') return link.slice(0, at) + link.slice(at + 1);
      if (how === 'add') return link.slice(0, i) + c + link.slice(i);
      return link.slice(0, at) + c + link.slice(at + 1);
    }).filter((x) => x !== link);
    fc.assert(fc.property(corrupt, (bad) => {
      expect(() => decodeShareFragment(bad)).toThrow(IoError);
    }), { numRuns: 3000 });
  }, 30_000); // 3,000 links decoded: about 1 s idle, 3 s with the machine loaded
});

// The PNG checks the e2e tests rely on, proven on images built here: decoding every filter type, telling a blank image
// from a drawn one, and reading the document back from the text chunk of an exported-style file.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { embedDoc, extractDoc, readPngChunks, PNG_KEYWORD } from '../../src/io';
import { parseDoc } from '../../src/model';
import { colourVariety, decodePng, encodePng, opaqueShare } from '../png';

const LY = parseDoc(JSON.parse(readFileSync(new URL('../../data/line-yahoo.ownership.json', import.meta.url), 'utf8')));

/** A 64 × 40 picture: a white page with coloured boxes and a transparent margin. */
function picture(w = 64, h = 40): Uint8Array {
  const px = new Uint8Array(w * h * 4);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = (y * w + x) * 4;
      const margin = x < 2 || y < 2;
      const box = (x >> 3) % 3;
      px.set(margin ? [0, 0, 0, 0] : [255 - box * 60, 200 - ((y * 3) % 90), 40 + box * 70, 255], i);
    }
  }
  return px;
}

describe('decodePng', () => {
  it.each([0, 1, 2, 3, 4])('reads rows filtered with filter type %s', (f) => {
    const px = picture();
    const img = decodePng(encodePng(64, 40, px, () => f));
    expect(img).toMatchObject({ width: 64, height: 40, channels: 4 });
    expect(img.pixels).toEqual(px);
  });

  it('reads mixed filters row by row', () => {
    const px = picture(33, 17);
    expect(decodePng(encodePng(33, 17, px, (y) => y % 5)).pixels).toEqual(px);
  });
});

describe('blank or drawn', () => {
  it('a drawn picture has many colours and opaque pixels', () => {
    const img = decodePng(encodePng(64, 40, picture()));
    expect(colourVariety(img)).toBeGreaterThan(20);
    expect(opaqueShare(img)).toBeGreaterThan(0.9);
  });

  it('an empty canvas (what browsers return past their limits) is one transparent colour', () => {
    const img = decodePng(encodePng(64, 40, new Uint8Array(64 * 40 * 4)));
    expect(colourVariety(img)).toBe(1);
    expect(opaqueShare(img)).toBe(0);
  });
});

describe('the document chunk', () => {
  it('an embedded document reads back equal, and the pixels are unchanged', () => {
    const png = encodePng(64, 40, picture());
    const out = embedDoc(png, LY);
    expect(extractDoc(out)).toEqual(LY);
    expect(decodePng(out).pixels).toEqual(decodePng(png).pixels);
    const chunks = readPngChunks(out).map((c) => c.type);
    expect(chunks.at(-2)).toBe('iTXt');
    expect(chunks.at(-1)).toBe('IEND');
    const itxt = readPngChunks(out).find((c) => c.type === 'iTXt')!;
    expect(new TextDecoder().decode(itxt.data.subarray(0, PNG_KEYWORD.length))).toBe(PNG_KEYWORD);
  });
});

// Node only: the shipped CJK font subsets a drawing's text needs, as TrueType files resvg can load (converted once
// from the packages' WOFF files into the system's temporary folder, then reused), and embedded in an SVG the command
// line writes (export/cjkFontEmbed.ts). Nothing is read for Latin-only text.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CJK_FAMILIES, needsCjk, parseFontFaces, subsetsFor, svgTexts, type CjkSubset } from './cjkFonts';
import { embedCjkFonts } from './cjkFontEmbed';
import { woffToSfnt } from './woff';

const require = createRequire(import.meta.url);
let faces: CjkSubset[] | undefined;

/** Every subset of the shipped families (regular weight), read from the packages' CSS once per process. */
function allSubsets(): CjkSubset[] {
  faces ??= CJK_FAMILIES.flatMap((f) => parseFontFaces(readFileSync(require.resolve(`${f.pkg}/400.css`), 'utf8')));
  return faces;
}

/** The package a subset file belongs to ("noto-sans-jp-12-400-normal" → @fontsource/noto-sans-jp). */
function packageOf(s: CjkSubset): string {
  return CJK_FAMILIES.find((f) => f.family === s.family)!.pkg;
}

/** The text of every <text> element of an SVG document (export/cjkFonts.ts). */
export { svgTexts };

/**
 * Paths of TrueType files (regular weight: resvg's fallback picks a face by its glyphs, not its weight) covering the
 * CJK characters of `texts`, converted on first use; [] when no text needs one. The folder is shared by processes:
 * files are written under a temporary name and renamed, so a reader never sees half a font.
 */
export function cjkFontFiles(texts: string[]): string[] {
  if (!texts.some(needsCjk)) return [];
  const dir = join(tmpdir(), 'ownership-explorer-fonts');
  mkdirSync(dir, { recursive: true });
  const paths: string[] = [];
  for (const s of subsetsFor(texts, allSubsets())) {
    const path = join(dir, `${s.file}.ttf`);
    if (!existsSync(path)) {
      const ttf = woffToSfnt(new Uint8Array(readFileSync(require.resolve(`${packageOf(s)}/files/${s.file}.woff`))));
      const part = `${path}.${process.pid}.part`;
      writeFileSync(part, ttf);
      renameSync(part, path);
    }
    paths.push(path);
  }
  return paths;
}

/** `svg` carrying the shipped CJK subsets its text needs, read from the packages' WOFF2 files; unchanged for Latin-only text. */
export function embedCjkFontsNode(svg: string): Promise<string> {
  return embedCjkFonts(svg, allSubsets(), async (s) => new Uint8Array(readFileSync(require.resolve(`${packageOf(s)}/files/${s.file}.woff2`))));
}

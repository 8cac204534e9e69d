// The explanations of `analyze --json` / `--jsonl` (FORMAT.md) written as UTF-8 bytes. An explanation is a chain of
// lines, nearly all of them entities' sentences (Analysis.explainCodes), and each entity's sentence comes back in the
// explanation of every entity it controls (on a register with chains of fifty, dozens of times): each line is made and
// encoded as a JSON string literal once, then copied.
import type { Analysis } from '../analysis';
import { utf8, type ByteOut } from './byteOut';

/** Longer lines (a joint control of thousands of players) are not kept: written afresh each time. */
const LONGEST = 0xffff;

/** A line JSON.stringify would escape a character of, or one outside ASCII. */
const NOT_PLAIN = /[^\x20\x21\x23-\x5b\x5d-\x7e]/;

/** Writes explanations, keeping every line's bytes once made. */
export class ExplanationWriter {
  /** Each entity's sentence: where its bytes lie (chunk · 2^chunkBits + offset, as an int32) and their length (0: not made). */
  private start: Int32Array;
  private length: Uint16Array;
  /** The lines of declared indirect interests (rare), by code. */
  private declared = new Map<number, Uint8Array>();
  private chunks: Buffer[] = [];
  /** Bytes of each chunk (a power of two: 2^chunkBits), the most chunks kept (places fit in an int32), the longest line kept. */
  private chunk: number;
  private maxChunks: number;
  private longest: number;
  /** Bytes used in the last chunk. */
  private used: number;

  /** `chunkBits` is for tests: small chunks, so that lines fill many and some are too long to keep. */
  constructor(private a: Analysis, private chunkBits = 22) {
    this.start = new Int32Array(a.snap.n);
    this.length = new Uint16Array(a.snap.n);
    this.chunk = this.used = 1 << chunkBits;
    this.maxChunks = 1 << (31 - chunkBits);
    this.longest = Math.min(LONGEST, this.chunk);
  }

  /** Writes the explanation of entity v: a JSON array of its lines. */
  write(o: ByteOut, v: number): void {
    const a = this.a, n = a.snap.n;
    const codes = a.explainCodes(v);
    const { start, length, chunks, chunkBits } = this;
    const mask = this.chunk - 1;
    o.char(91);
    for (let i = 0; i < codes.length; i++) {
      if (i) o.char(44);
      const c = codes[i];
      if (c >= 0 && c < n) {
        if (length[c] === 0 && !this.keep(c, a.explainLine(c, v))) {
          o.json(a.explainLine(c, v));
          continue;
        }
        const from = start[c] & mask;
        o.bytes(chunks[start[c] >>> chunkBits], from, from + length[c]);
      } else if (c >= n) {
        let bytes = this.declared.get(c);
        if (!bytes) this.declared.set(c, (bytes = utf8(JSON.stringify(a.explainLine(c, v)))));
        o.bytes(bytes);
      } else o.json(a.explainLine(c, v)); // the line saying that v's own control is circular (one per such entity)
    }
    o.char(93);
  }

  /** Encodes the sentence of entity c as a JSON string literal into the chunks; false when it is not kept (too long). */
  private keep(c: number, line: string): boolean {
    const plain = !NOT_PLAIN.test(line);
    const text = plain ? line : JSON.stringify(line);
    // At most 3 bytes a character, and the quotes.
    const most = 3 * text.length + 2;
    if (most > this.longest) return false;
    if (this.used + most > this.chunk) {
      if (this.chunks.length === this.maxChunks) return false;
      this.chunks.push(Buffer.allocUnsafe(this.chunk));
      this.used = 0;
    }
    const chunk = this.chunks[this.chunks.length - 1];
    let p = this.used;
    if (plain) {
      chunk[p++] = 34;
      p += chunk.write(text, p, 'latin1');
      chunk[p++] = 34;
    } else p += chunk.write(text, p, 'utf8');
    this.start[c] = ((this.chunks.length - 1) << this.chunkBits) | this.used;
    this.length[c] = p - this.used;
    this.used = p;
    return true;
  }
}

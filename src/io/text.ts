// Text and byte helpers that run the same in Node, browsers and workers: UTF-8 without Buffer, base64url without btoa.
import { IoError } from './errors';

const encoder = new TextEncoder();

/** UTF-8 bytes of a string. */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Decodes UTF-8 (a leading BOM is dropped); invalid bytes give an IoError ending with `fix`. */
export function fromUtf8(bytes: Uint8Array, where: string, fix = 'save it as UTF-8 (in Excel: "CSV UTF-8")'): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (e) {
    // Past about 512 MB of text the engine cannot make one string: that is the file's size, not its encoding.
    if ((e as { code?: string }).code === 'ERR_STRING_TOO_LONG' || e instanceof RangeError) {
      throw new IoError(`${where}${(bytes.length / 1048576).toFixed(0)} MB is more text than can be read in one piece (about 512 MB) — save the graph as .ownership.json (read in pieces at any size) or BODS JSON Lines`);
    }
    throw new IoError(`${where}the text is not valid UTF-8 — ${fix}`);
  }
}

/** Drops a leading byte-order mark from decoded text. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LOOKUP = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) LOOKUP[ALPHABET.charCodeAt(i)] = i;

/** Base64url (RFC 4648 §5) without padding. */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63] + ALPHABET[n & 63];
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i] << 16;
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63];
  } else if (rest === 2) {
    const n = (bytes[i] << 16) | (bytes[i + 1] << 8);
    out += ALPHABET[n >> 18] + ALPHABET[(n >> 12) & 63] + ALPHABET[(n >> 6) & 63];
  }
  return out;
}

/** Decodes base64url (padding tolerated); returns null when the text is not base64url. */
export function fromBase64Url(text: string): Uint8Array | null {
  const s = text.replace(/=+$/, '');
  if (s.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let acc = 0, bits = 0, o = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const v = c < 128 ? LOOKUP[c] : -1;
    if (v < 0) return null;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

/** The deepest nesting of arrays and objects any reader accepts: real documents nest 4 levels, BODS about 6. */
export const MAX_NESTING = 64;

/**
 * Throws an IoError when a parsed JSON value nests arrays or objects deeper than MAX_NESTING, before anything
 * recursive (validation, key ordering, saving) walks it and overflows the stack. JSON.parse itself is iterative in
 * V8, so the text is parsed first and the value walked here without recursion: a cost per value, not per character.
 */
export function checkNesting(value: unknown, where: string): void {
  const stack: object[] = [];
  const depths: number[] = [];
  if (value !== null && typeof value === 'object') {
    stack.push(value);
    depths.push(0);
  }
  // Arrays by index and objects by for…in: no array of values made per object (a register has millions of them).
  const visit = (c: unknown, d: number) => {
    if (c !== null && typeof c === 'object') {
      stack.push(c);
      depths.push(d);
    }
  };
  while (stack.length) {
    const v = stack.pop()!;
    const d = depths.pop()!;
    if (d >= MAX_NESTING) throw new IoError(`${where}the JSON nests more than ${MAX_NESTING} levels deep — no ownership or BODS file does; it is broken or hostile`);
    if (Array.isArray(v)) for (let i = 0; i < v.length; i++) visit(v[i], d + 1);
    else for (const k in v) if (Object.hasOwn(v, k)) visit((v as Record<string, unknown>)[k], d + 1);
  }
}

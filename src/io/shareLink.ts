// Share links: the whole document in the URL fragment (JSON → raw DEFLATE → base64url), with a CRC-32 of that text,
// so a link damaged in copying is refused as a damaged PNG is, never opened as another graph; decoded with a size cap.
import { deflateSync } from 'fflate';
import type { OwnershipDoc } from '../model';
import { parseDocText } from './native';
import { crc32 } from './crc32';
import { IoError, rethrowAsIo } from './errors';
import { inflateLimited } from './inflate';
import { fromBase64Url, fromUtf8, toBase64Url, utf8 } from './text';

/** The longest fragment a share link should carry: long URLs break in chat apps, mail clients and some servers. */
export const MAX_SHARE_LINK_CHARS = 8000;

/** The most a share link may expand to when decoded (5 MB), so a crafted link cannot exhaust memory. */
export const MAX_SHARE_DECODED_BYTES = 5 * 1024 * 1024;

/**
 * Fragments start with a version tag so the encoding can change later without breaking old links: `v2.` links end in
 * a checksum; `v1.` links (made before it) are still read, without one.
 */
const PREFIX = 'v2.';
const LEGACY_PREFIX = 'v1.';
const WHERE = 'io/share: ';

/** The checksum a v2 fragment ends with: CRC-32 (crc32.ts) of its body's characters, 8 lowercase hex digits. */
function checksum(body: string): string {
  return crc32(utf8(body)).toString(16).padStart(8, '0');
}

/**
 * The fragment (without '#') that carries `doc`: `v2.`, base64url of raw DEFLATE of compact JSON, `.`, and the
 * checksum of that base64url text (any one character changed, added or lost makes it disagree).
 */
export function encodeShareFragment(doc: OwnershipDoc): string {
  const body = toBase64Url(deflateSync(utf8(JSON.stringify(doc)), { level: 9 }));
  return `${PREFIX}${body}.${checksum(body)}`;
}

/** Whether `doc` fits in a share link, and how long its fragment is. */
export function shareLinkSize(doc: OwnershipDoc): { fits: boolean; length: number } {
  const length = encodeShareFragment(doc).length;
  return { fits: length <= MAX_SHARE_LINK_CHARS, length };
}

/** Whether `doc` is small enough to share as a link (its fragment is at most MAX_SHARE_LINK_CHARS). */
export function canShareAsLink(doc: OwnershipDoc): boolean {
  return shareLinkSize(doc).fits;
}

/** Decodes a share fragment (a leading '#' is fine) into a validated document; throws an IoError saying what is wrong. */
export function decodeShareFragment(fragment: string): OwnershipDoc {
  const f = fragment.trim().replace(/^#/, '');
  let body: string;
  if (f.startsWith(PREFIX)) {
    const dot = f.lastIndexOf('.');
    const sum = dot > PREFIX.length - 1 ? f.slice(dot + 1) : '';
    body = dot > PREFIX.length - 1 ? f.slice(PREFIX.length, dot) : f.slice(PREFIX.length);
    if (!body) throw new IoError(`${WHERE}the link carries no document — copy the whole link`);
    if (!/^[0-9a-f]{8}$/.test(sum) || sum !== checksum(body)) {
      throw new IoError(`${WHERE}the link is damaged (its checksum does not match what it carries): it was cut or altered on the way — copy the whole link again, or ask for the file`);
    }
  } else if (f.startsWith(LEGACY_PREFIX)) {
    body = f.slice(LEGACY_PREFIX.length);
  } else {
    throw new IoError(`${WHERE}this is not an ownership-graph share link (it should start with #${PREFIX}) — copy the whole link`);
  }
  // Compressed data never needs more characters than the decoded cap allows; refuse longer input before decoding.
  if (body.length > Math.ceil((MAX_SHARE_DECODED_BYTES * 4) / 3)) throw new IoError(`${WHERE}the link is too long to be a share link — share the file instead`);
  if (!body) throw new IoError(`${WHERE}the link carries no document — copy the whole link`);
  const bytes = fromBase64Url(body);
  if (!bytes) throw new IoError(`${WHERE}the link contains characters a share link never has — it may have been cut or altered; copy the whole link`);
  const json = fromUtf8(inflateLimited(bytes, { zlib: false, limit: MAX_SHARE_DECODED_BYTES, where: WHERE }), WHERE, 'the link may have been altered; copy the whole link');
  try {
    return parseDocText(json, `${WHERE}the shared document: `);
  } catch (e) {
    rethrowAsIo(e, `${WHERE}the shared document: `);
  }
}

// Share links: the whole document in the URL fragment (JSON → raw DEFLATE → base64url), decoded with a size cap.
import { deflateSync } from 'fflate';
import type { OwnershipDoc } from '../model';
import { parseDocText } from './native';
import { IoError, rethrowAsIo } from './errors';
import { inflateLimited } from './inflate';
import { fromBase64Url, fromUtf8, toBase64Url, utf8 } from './text';

/** The longest fragment a share link should carry: long URLs break in chat apps, mail clients and some servers. */
export const MAX_SHARE_LINK_CHARS = 8000;

/** The most a share link may expand to when decoded (5 MB), so a crafted link cannot exhaust memory. */
export const MAX_SHARE_DECODED_BYTES = 5 * 1024 * 1024;

/** Fragments start with a version tag so the encoding can change later without breaking old links. */
const PREFIX = 'v1.';
const WHERE = 'io/share: ';

/** The fragment (without '#') that carries `doc`: `v1.` followed by base64url of raw DEFLATE of compact JSON. */
export function encodeShareFragment(doc: OwnershipDoc): string {
  return PREFIX + toBase64Url(deflateSync(utf8(JSON.stringify(doc)), { level: 9 }));
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
  if (!f.startsWith(PREFIX)) throw new IoError(`${WHERE}this is not an ownership-graph share link (it should start with #${PREFIX}) — copy the whole link`);
  const body = f.slice(PREFIX.length);
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

// Reading and making share links (the document compressed into the URL fragment, io/shareLink.ts with fflate). Loaded
// only when a link is opened or made, so that the first drawing does not wait for the compression code.
import { decodeShareFragment, encodeShareFragment, MAX_SHARE_DECODED_BYTES, MAX_SHARE_LINK_CHARS } from '../io/shareLink';
import type { OwnershipDoc } from '../model';
import { isShareHash } from './share';

/** The shared document in `hash`, an error saying why it cannot be opened, or null when the fragment is not a share link. */
export function readShareHash(hash: string): { doc: OwnershipDoc } | { error: string } | null {
  if (!isShareHash(hash)) return null;
  try {
    return { doc: decodeShareFragment(hash) };
  } catch (e) {
    const why = e instanceof Error ? e.message.replace(/^io\/share:\s*/, '') : String(e);
    return { error: `The share link could not be opened: ${why}. Your own graph is shown instead, unchanged.` };
  }
}

/**
 * The longest link the app makes (2 MB). A fragment is never sent to a server, and browsers take links of megabytes;
 * only some chat and mail apps cut long links, so above LONG_LINK_CHARS the user is warned, not refused.
 */
export const MAX_LINK_CHARS = 2 * 1024 * 1024;
/** Links longer than this may be cut by some chat and mail apps. */
export const LONG_LINK_CHARS = MAX_SHARE_LINK_CHARS;

/** A share link to `doc` at `base` (the app's address without fragment) with a warning when long, or why there is none. */
export function shareLink(doc: OwnershipDoc, base: string): { ok: true; url: string; warning?: string } | { ok: false; error: string } {
  const json = JSON.stringify(doc).length;
  const fragment = json <= MAX_SHARE_DECODED_BYTES ? encodeShareFragment(doc) : null;
  if (!fragment || fragment.length > MAX_LINK_CHARS) {
    const mb = (x: number) => `${(x / 1024 / 1024).toFixed(1)} MB`;
    const size = fragment ? `its link would be ${mb(fragment.length)}; a link holds at most ${mb(MAX_LINK_CHARS)}` : `it is ${mb(json)} of data; a link holds at most ${mb(MAX_SHARE_DECODED_BYTES)}`;
    return { ok: false, error: `This graph is too large for a share link (${size}). Save it as a file (File → Save) or export a PNG, and send that instead.` };
  }
  const url = `${base.replace(/#.*$/, '')}#${fragment}`;
  if (url.length <= LONG_LINK_CHARS) return { ok: true, url };
  return { ok: true, url, warning: `This link is ${url.length.toLocaleString('en')} characters long: some chat and mail apps cut links longer than ${LONG_LINK_CHARS.toLocaleString('en')} characters. If it arrives cut, send the graph as a file (File → Save) instead.` };
}

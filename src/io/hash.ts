// Deterministic ids for BODS statements: SHA-256 from @noble/hashes (audited, synchronous, runs in browsers and Node).
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** The SHA-256 digest of `data` (32 bytes). */
export function sha256(data: Uint8Array): Uint8Array {
  return nobleSha256(data);
}

/** Lower-case hex of bytes. */
export function hex(bytes: Uint8Array): string {
  return bytesToHex(bytes);
}

/**
 * A stable UUID-shaped id (36 characters, RFC 9562 version 8 "custom") derived from `text` by SHA-256:
 * the same text always gives the same id, so exports are reproducible and diffable.
 */
export function stableUuid(text: string): string {
  const d = sha256(new TextEncoder().encode(text)).slice(0, 16);
  d[6] = (d[6] & 0x0f) | 0x80;
  d[8] = (d[8] & 0x3f) | 0x80;
  const x = hex(d);
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

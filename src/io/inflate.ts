// Bounded decompression: inflate in slices and stop as soon as the output passes a limit, so a zip bomb costs nothing.
import { Inflate, Unzlib } from 'fflate';
import { IoError } from './errors';

const SLICE = 16 * 1024;

/**
 * Inflates DEFLATE (`zlib: false`) or zlib-wrapped (`zlib: true`) data into at most `limit` bytes.
 * Throws an IoError prefixed by `where` when the data is corrupt, truncated or would grow past the limit.
 */
export function inflateLimited(data: Uint8Array, opts: { zlib: boolean; limit: number; where: string }): Uint8Array {
  const parts: Uint8Array[] = [];
  let total = 0;
  let ended = false;
  const onData = (chunk: Uint8Array, final: boolean) => {
    total += chunk.length;
    if (total > opts.limit) {
      throw new IoError(`${opts.where}the compressed data expands to more than ${Math.round(opts.limit / 1024 / 1024)} MB — refused (it may be a zip bomb)`);
    }
    parts.push(chunk);
    if (final) ended = true;
  };
  const stream = opts.zlib ? new Unzlib(onData) : new Inflate(onData);
  try {
    if (data.length === 0) stream.push(data, true);
    for (let i = 0; i < data.length; i += SLICE) stream.push(data.subarray(i, i + SLICE), i + SLICE >= data.length);
  } catch (e) {
    if (e instanceof IoError) throw e;
    throw new IoError(`${opts.where}the compressed data is corrupt (${(e as Error).message}) — the file or link may be cut short`, { cause: e });
  }
  if (!ended) throw new IoError(`${opts.where}the compressed data ends too early — the file or link may be cut short`);
  const out = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

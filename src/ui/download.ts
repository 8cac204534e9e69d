// Saving a file from the page: an <a download> on an object URL, revoked once the browser has taken the data;
// and file names made from the graph's title (anything unsafe in a file name becomes a dash).

/** How long the object URL lives after the click: long enough for every browser to start reading it. */
const REVOKE_AFTER_MS = 10_000;

/** Starts a download of `data` as `fileName`. */
export function download(data: Blob | string | Uint8Array, fileName: string, type: string): void {
  const blob = data instanceof Blob ? data : new Blob([data as BlobPart], { type });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}

/** Longest base name kept from a title. */
export const MAX_BASE_NAME = 80;

/**
 * A file base name from a title: letters and digits of any script, dashes for everything else (markup, slashes,
 * dots, control characters), at most MAX_BASE_NAME characters; "ownership-graph" when nothing is left.
 */
export function fileBaseName(title: string | undefined): string {
  const base = (title ?? '')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const cut = [...base].slice(0, MAX_BASE_NAME).join('').replace(/-+$/, '');
  return cut || 'ownership-graph';
}

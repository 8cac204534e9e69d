// Links to sources: only http(s) addresses become links (a document may carry "javascript:" or "data:" URLs).

/** `url` when it is an absolute http(s) address, else null (shown as text, never as a link). */
export function webLink(url: string | null | undefined): string | null {
  if (!url) return null;
  const u = url.trim();
  if (!/^https?:\/\//i.test(u)) return null;
  try {
    const parsed = new URL(u);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? u : null;
  } catch {
    return null;
  }
}

// Turns a refused edit (ModelError) into a sentence for people: drops the module/op prefix, keeps what is wrong.

/** "model/apply: setHolding: holdings of … sum to 130%…" → "Holdings of … sum to 130%…". */
export function readableError(e: unknown): string {
  const raw = e instanceof Error ? e.message : String(e);
  const text = raw.replace(/^model\/(apply|validate|parse):\s*/, '').replace(/^[a-zA-Z]+:\s+/, '').trim();
  return text ? text[0].toUpperCase() + text.slice(1) : 'The edit was refused.';
}

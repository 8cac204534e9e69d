// Reading numbers people type: a decimal point or a decimal comma ("62,5"), nothing else (no "0x19", no "1e3").

/** The number in `text` ("62.5", "62,5", " 12 "), or NaN when it is not a plain decimal number. */
export function parseDecimal(text: string): number {
  const t = text.trim().replace(/\s*%$/, '');
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(t)) return Number.NaN;
  return Number(t.replace(',', '.'));
}

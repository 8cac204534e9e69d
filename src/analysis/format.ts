// Number formatting shared by explanations, the CLI and the UI: percentages with two decimals.

/** 0.625 → "62.50%". */
export function pct(fraction: number): string {
  return `${(fraction * 100).toFixed(2)}%`;
}

/** A percentage rounded to 1e-6 points, for JSON output. */
export function roundPct(fraction: number): number {
  return Math.round(fraction * 100 * 1e6) / 1e6;
}

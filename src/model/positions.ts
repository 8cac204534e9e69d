// Where an entity may be drawn: a position's coordinates are finite and within MAX_COORDINATE of the origin, checked
// alike by the schema, its fast path and the move operations, so no file, link or edit can put a node where drawing
// it would take minutes (an edge a billion units long) or overflow the arithmetic that places the others.

/**
 * The farthest a coordinate may be from 0, in model units (a node is 170 wide): ten times the widest layout the app
 * makes (10 million generated entities span about 1 million), far beyond anything a person drags to.
 */
export const MAX_COORDINATE = 10_000_000;

/** Whether `v` is a coordinate the app can draw: a finite number within MAX_COORDINATE of 0. */
export function isCoordinate(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= MAX_COORDINATE;
}

/** What is wrong with a position's coordinate `v`, said as the end of a sentence, or null when it is fine. */
export function coordinateProblem(v: unknown): string | null {
  if (typeof v !== 'number' || Number.isNaN(v)) return 'must be a number';
  if (!Number.isFinite(v) || Math.abs(v) > MAX_COORDINATE) {
    return `is ${String(v)}, farther than ${MAX_COORDINATE.toLocaleString('en-US')} from the origin — remove the position (the app then places the entity) or bring it nearer`;
  }
  return null;
}

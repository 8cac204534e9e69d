// Every entity's control reason (reasons.ts) kept as columns: a kind code and two figures per entity, and the few
// reasons that carry records or lists (agreements, joint control) as objects by index. A reason object is made when it
// is read. On a register of millions, one object per entity held across the analysis made every garbage collection
// walk them all (docs/SCALE.md, *A national register*); columns are never walked.
import type { Reason } from './reasons';

/** Kind codes, in the order of the columns' meaning below. */
const NONE = 0, VOTES = 1, DEFACTO = 2, BOARD = 3, OBJECT = 4;

/**
 * Reasons by entity index. Figures per kind: none (largest, block), votes (block), de facto (block, runnerUp), board
 * (seats, boardSize); agreement and joint reasons are kept whole.
 */
export class ReasonTable {
  private kind: Uint8Array;
  private a: Float64Array;
  private b: Float64Array;
  private objects = new Map<number, Extract<Reason, { kind: 'agreement' | 'joint' }>>();

  /** Columns for n entities, carved from `buffer` at `offset` when given (17 bytes per entity, 8-byte aligned). */
  constructor(n: number, buffer?: ArrayBuffer, offset = 0) {
    const buf = buffer ?? new ArrayBuffer(ReasonTable.bytes(n));
    this.a = new Float64Array(buf, offset, n);
    this.b = new Float64Array(buf, offset + 8 * n, n);
    this.kind = new Uint8Array(buf, offset + 16 * n, n);
  }

  /** Bytes the columns of n entities take. */
  static bytes(n: number): number {
    return 17 * n;
  }

  /** Stores entity v's reason (its figures; agreement and joint reasons as they are). */
  set(v: number, r: Reason): void {
    switch (r.kind) {
      case 'none':
        this.put(v, NONE, r.largest, r.block);
        break;
      case 'votes':
        this.put(v, VOTES, r.block, 0);
        break;
      case 'defacto':
        this.put(v, DEFACTO, r.block, r.runnerUp);
        break;
      case 'board':
        this.put(v, BOARD, r.seats, r.boardSize);
        break;
      default:
        this.kind[v] = OBJECT;
        this.objects.set(v, r);
    }
  }

  private put(v: number, kind: number, a: number, b: number) {
    if (this.kind[v] === OBJECT) this.objects.delete(v);
    this.kind[v] = kind;
    this.a[v] = a;
    this.b[v] = b;
  }

  /** Whether entity v is jointly controlled (its reason's kind is 'joint'). */
  isJoint(v: number): boolean {
    return this.kind[v] === OBJECT && this.objects.get(v)!.kind === 'joint';
  }

  /** The joint controllers of entity v when its reason is joint control, else null. */
  players(v: number): readonly number[] | null {
    if (this.kind[v] !== OBJECT) return null;
    const r = this.objects.get(v)!;
    return r.kind === 'joint' ? r.players : null;
  }

  /** Entity v's reason, made afresh (agreement and joint reasons: the stored object). Keys in the Evaluator's order. */
  at(v: number): Reason {
    const a = this.a[v], b = this.b[v];
    switch (this.kind[v]) {
      case NONE:
        return { kind: 'none', largest: a, block: b };
      case VOTES:
        return { kind: 'votes', block: a };
      case DEFACTO:
        return { kind: 'defacto', block: a, runnerUp: b };
      case BOARD:
        return { kind: 'board', seats: a, boardSize: b };
      default:
        return this.objects.get(v)!;
    }
  }
}

// Why a company is (or is not) controlled: the mechanism that decided and its figure, and which holdings that makes
// confer control. Shared by the full analysis (analyze.ts) and the live one (live.ts). Pure.
import type { Agreement } from '../model';

/** Why an entity is (or is not) controlled: the mechanism that fired and its figure. */
export type Reason =
  | { kind: 'agreement'; agreement: Agreement }
  | { kind: 'board'; seats: number; boardSize: number }
  | { kind: 'votes'; block: number }
  | { kind: 'defacto'; block: number; runnerUp: number }
  | { kind: 'joint'; players: number[]; weights: number[]; agreement?: Agreement }
  | { kind: 'none'; largest: number; block: number };


/** Who controls a company (−1: nobody alone) and why. */
export interface Decision {
  parent: number;
  reason: Reason;
}

/**
 * The controllers whose holdings confer control of a company, from why it is controlled: the sole controller when
 * its block decided (by board, votes or de facto), the joint controllers the voting game found; none when an
 * agreement decided (control by contract flows through no holding) or nobody controls. A holding of the company
 * confers control when its holder's chain of control reaches one of them. Read by analyze.ts and live.ts alike.
 */
export function conferringControllers(reason: Reason, parent: number): readonly number[] | null {
  switch (reason.kind) {
    case 'board':
    case 'votes':
    case 'defacto':
      return parent === -1 ? null : [parent];
    case 'joint':
      return reason.agreement ? null : reason.players;
    case 'agreement':
    case 'none':
      return null;
    default: {
      const never: never = reason;
      return never;
    }
  }
}

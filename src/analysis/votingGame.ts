// The voting game of one company (CONTROL-MODEL §3): blocks of its votes, joint control as a unique minimal winning
// coalition of two or more blocks (IFRS 11), and veto players. Pure.
import { passes, ruleOf } from './decisionRule';

/** A block of a company's votes: holders grouped under one top controller, labelled by their lowest common controller. */
export interface Block {
  id: number;
  root: number;
  weight: number;
  holders: number[];
}

/** The lowest entity present in every chain (chains run holder → top). */
export function lowestCommon(chains: number[][]): number {
  const first = chains[0];
  if (chains.length === 1) return first[0];
  const sets = chains.slice(1).map((c) => new Set(c));
  return first.find((x) => sets.every((set) => set.has(x))) ?? first[first.length - 1];
}

/** The blocks that jointly control: the veto players, when they alone win and are at least two (CONTROL-MODEL §3). */
export function jointControl(blocks: Block[], rule: ReturnType<typeof ruleOf>): Block[] | null {
  if (blocks.length < 2) return null;
  const total = blocks.reduce((t, b) => t + b.weight, 0);
  if (!passes(rule, total)) return null;
  const veto = blocks.filter((b) => !passes(rule, total - b.weight));
  if (veto.length < 2) return null;
  return passes(rule, veto.reduce((t, b) => t + b.weight, 0)) ? veto.sort((a, b) => a.id - b.id) : null;
}

/** Veto players of a block game: members of every minimal winning coalition. */
export function vetoPlayers(blocks: Block[], rule: ReturnType<typeof ruleOf>): Block[] {
  const total = blocks.reduce((t, b) => t + b.weight, 0);
  if (!passes(rule, total)) return [];
  return blocks.filter((b) => !passes(rule, total - b.weight));
}

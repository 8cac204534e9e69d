// The one line that says what "voting power" and its two indices mean, shown wherever they appear (the inspector's
// table, the diff's voting-game lines), so no figure is left unexplained.

/** What Banzhaf and Shapley–Shubik measure, in one line. */
export const POWER_NOTE =
  'Voting power, from 0 (never decisive) to 1 (decides alone): Banzhaf is the share of winning coalitions the block turns into losing ones by leaving; Shapley–Shubik, the share of joining orders in which its votes are the ones that make the majority.';

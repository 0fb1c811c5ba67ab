// Types of the pure scoring functions of scripts/score-labels.js (plain ESM, typed with JSDoc), for its test.
export interface Label {
  file: string;
  line: number;
  /** `leak` / `right`: the rule must report the line; anything else (`ok`, `read-only`, `audited-by-*`, …): it must not. */
  label: string;
  category?: string;
  reason: string;
}
export interface Finding {
  file: string;
  line: number;
  message: string;
}
export interface Score {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number | undefined;
  recall: number | undefined;
  falsePositives: Array<Label & { message: string }>;
  falseNegatives: Label[];
  unlabelled: Finding[];
}
export function score(labels: readonly Label[], findings: readonly Finding[]): Score;
export function total(scores: readonly Score[]): Score;

/**
 * "Did you mean …?" suggestions for misspelled setting keys, regulation ids, field names.
 */

/** Levenshtein distance (insertions, deletions, substitutions; each costs 1). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // One row of the matrix at a time: `previous[j]` is the distance of a[0..i) and b[0..j).
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The largest edit distance still worth suggesting: 2, less for very short input (`a` is not a typo of `add`). */
function maxDistance(input: string): number {
  return Math.min(2, Math.max(1, Math.floor(input.length / 2)));
}

/** Lowercase and singular (`factories` → `factory`, `calls` → `call`), so a wrong number costs nothing. */
function stem(word: string): string {
  return word.toLowerCase().replace(/ies$/u, 'y').replace(/s$/u, '');
}

/**
 * The candidate closest to `input`, or `undefined` when none is close. Close means: equal ignoring
 * case, within a small edit distance (≤ 2, compared ignoring case and singular/plural), or — for
 * input of three or more characters — a prefix of the candidate (`pci` → `pci-dss`,
 * `nist` → `nist-800-53`). Ties go to the earlier candidate.
 */
export function didYouMean(input: string, candidates: Iterable<string>): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    if (candidate === input) continue;
    const hay = candidate.toLowerCase();
    const distance = Math.min(editDistance(needle, hay), editDistance(stem(needle), stem(hay)));
    let score: number | undefined;
    if (distance <= maxDistance(needle)) score = distance;
    else if (needle.length >= 3 && hay.startsWith(needle)) score = 3;
    if (score !== undefined && score < bestScore) {
      best = candidate;
      bestScore = score;
    }
  }
  return best;
}

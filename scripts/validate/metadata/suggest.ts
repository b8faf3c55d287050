/** Longest list of allowed names a message spells out in full. */
const MAX_LISTED = 25;

/**
 * The candidate closest to `written` (case-insensitive edit distance, a swap of two neighbours counting once), if it
 * is close enough to be a likely typo: at most one edit per three characters, and at least one.
 */
export function closestName(written: string, candidates: Iterable<string>): string | undefined {
  return closest(written, candidates);
}

function closest(written: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.floor(written.length / 3));
  let best: { name: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(written.toLowerCase(), candidate.toLowerCase());
    if (distance <= limit && (!best || distance < best.distance)) {
      best = { name: candidate, distance };
    }
  }
  return best?.name;
}

/** "did you mean X?" when a candidate is close, otherwise the allowed names (shortened when there are many). */
export function suggestion(written: string, candidates: readonly string[]): string {
  const near = closest(written, candidates);
  if (near) {
    return `did you mean ${near}?`;
  }
  return listAllowed(candidates);
}

/** "allowed: a, b, c", shortened when there are many. */
export function listAllowed(candidates: readonly string[]): string {
  const unique = [...new Set(candidates)];
  const listed = unique.slice(0, MAX_LISTED).join(', ');
  return unique.length > MAX_LISTED ? `allowed: ${listed}, ... (${unique.length} in all)` : `allowed: ${listed}`;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const table: number[][] = Array.from({ length: rows }, (_, row) =>
    Array.from({ length: columns }, (__, column) => (row === 0 ? column : column === 0 ? row : 0))
  );
  for (let row = 1; row < rows; row++) {
    for (let column = 1; column < columns; column++) {
      const cost = a[row - 1] === b[column - 1] ? 0 : 1;
      let value = Math.min(table[row - 1][column] + 1, table[row][column - 1] + 1, table[row - 1][column - 1] + cost);
      if (row > 1 && column > 1 && a[row - 1] === b[column - 2] && a[row - 2] === b[column - 1]) {
        value = Math.min(value, table[row - 2][column - 2] + 1);
      }
      table[row][column] = value;
    }
  }
  return table[rows - 1][columns - 1];
}

/** One place where two sequences part: `a[aStart, aEnd)` stands where `b` has `b[bStart, bEnd)`. */
export interface Hunk {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/**
 * The places where two sequences differ, from a shortest edit script (Myers' O((N+M)·D) algorithm
 * on what is left once the common start and end are set aside), or null when that script needs more
 * than `maxEdits` insertions and deletions: the cost grows with the edits, not with the length, so
 * two long runs that differ in a few places line up quickly and two unrelated ones give up early
 * instead of taking the page with them. `same(i, j)` says whether element i of the first equals
 * element j of the second.
 *
 * @example
 * const a = [1, 2, 3, 4], b = [1, 2, 9, 3, 4];
 * diffSequences(a.length, b.length, (i, j) => a[i] === b[j], 100) // [{ aStart: 2, aEnd: 2, bStart: 2, bEnd: 3 }]
 */
export function diffSequences(lengthA: number, lengthB: number, same: (i: number, j: number) => boolean, maxEdits: number): Hunk[] | null {
  let start = 0;
  while (start < lengthA && start < lengthB && same(start, start)) start++;
  let endA = lengthA;
  let endB = lengthB;
  while (endA > start && endB > start && same(endA - 1, endB - 1)) {
    endA--;
    endB--;
  }
  const n = endA - start;
  const m = endB - start;
  const deleted = new Uint8Array(n);
  const inserted = new Uint8Array(m);
  if (!markEdits(n, m, (x, y) => same(start + x, start + y), maxEdits, deleted, inserted)) return null;
  return hunksOf(deleted, inserted, start);
}

/** Marks the deleted and inserted elements of a shortest edit script; false past `maxEdits`. */
function markEdits(n: number, m: number, same: (x: number, y: number) => boolean, maxEdits: number, deleted: Uint8Array, inserted: Uint8Array): boolean {
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  // The furthest x on each diagonal after each number of edits, kept to walk the script back.
  const rounds: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && same(x, y)) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        rounds.push(v.slice(offset - d, offset + d + 1));
        walkBack(rounds, n, m, deleted, inserted);
        return true;
      }
    }
    rounds.push(v.slice(offset - d, offset + d + 1));
  }
  return false;
}

function walkBack(rounds: Int32Array[], n: number, m: number, deleted: Uint8Array, inserted: Uint8Array): void {
  let x = n;
  let y = m;
  for (let d = rounds.length - 1; d > 0; d--) {
    const before = rounds[d - 1]!;
    // Round d-1 holds diagonals -(d-1)..(d-1) from index 0.
    const at = (k: number) => before[k + d - 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const fromK = down ? k + 1 : k - 1;
    const fromX = at(fromK);
    const fromY = fromX - fromK;
    if (down) inserted[fromY] = 1;
    else deleted[fromX] = 1;
    x = fromX;
    y = fromY;
  }
}

/** The runs of deleted and inserted elements, between the elements both sequences keep in order. */
function hunksOf(deleted: Uint8Array, inserted: Uint8Array, start: number): Hunk[] {
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  while (i < deleted.length || j < inserted.length) {
    if ((i < deleted.length && deleted[i]) || (j < inserted.length && inserted[j])) {
      const hunk = { aStart: start + i, aEnd: 0, bStart: start + j, bEnd: 0 };
      // Deletions and insertions with nothing kept between them make one hunk, in whatever order.
      while ((i < deleted.length && deleted[i]) || (j < inserted.length && inserted[j])) {
        if (i < deleted.length && deleted[i]) i++;
        else j++;
      }
      hunks.push({ ...hunk, aEnd: start + i, bEnd: start + j });
    } else {
      i++;
      j++;
    }
  }
  return hunks;
}

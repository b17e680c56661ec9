/**
 * A growable list of numbers that answers "which of the first `n` items are at least `least`"
 * without reading the others: a segment tree of maxima. The timeline keeps, per bar, the record
 * index at which it stops waiting (or running), so the bars still waiting at a cursor are found in
 * O(log n) each, however many bars the run has.
 */
export class MaxTree {
  /** Leaves at `capacity + i`, each inner node the maximum of its two children; -Infinity is empty. */
  private nodes = new Float64Array(2).fill(-Infinity);
  private capacity = 1;
  length = 0;

  push(value: number): void {
    if (this.length === this.capacity) this.grow();
    this.set(this.length++, value);
  }

  set(i: number, value: number): void {
    let node = this.capacity + i;
    this.nodes[node] = value;
    for (node >>= 1; node >= 1; node >>= 1) {
      const max = Math.max(this.nodes[2 * node]!, this.nodes[2 * node + 1]!);
      if (this.nodes[node] === max) break;
      this.nodes[node] = max;
    }
  }

  get(i: number): number {
    return this.nodes[this.capacity + i]!;
  }

  /** The lowest index below `n` whose value is at least `least`, or -1. */
  first(n: number, least: number): number {
    return this.next(0, n, least);
  }

  /** The lowest index in `[from, n)` whose value is at least `least`, or -1. */
  next(from: number, n: number, least: number): number {
    const to = Math.min(n, this.length);
    return from >= to ? -1 : this.search(1, 0, this.capacity, from, to, least);
  }

  private search(node: number, lo: number, hi: number, from: number, to: number, least: number): number {
    if (hi <= from || lo >= to || this.nodes[node]! < least) return -1;
    if (hi - lo === 1) return lo;
    const mid = (lo + hi) >>> 1;
    const left = this.search(2 * node, lo, mid, from, to, least);
    return left >= 0 ? left : this.search(2 * node + 1, mid, hi, from, to, least);
  }

  private grow(): void {
    const old = this.nodes;
    const oldCapacity = this.capacity;
    this.capacity *= 2;
    this.nodes = new Float64Array(2 * this.capacity).fill(-Infinity);
    this.nodes.set(old.subarray(oldCapacity, oldCapacity + this.length), this.capacity);
    for (let node = this.capacity - 1; node >= 1; node--) this.nodes[node] = Math.max(this.nodes[2 * node]!, this.nodes[2 * node + 1]!);
  }
}

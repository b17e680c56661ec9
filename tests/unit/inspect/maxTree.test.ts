import { describe, expect, test } from 'vitest';
import { MaxTree } from '../../../src/inspect/maxTree.ts';

/** The same questions answered by reading every item. */
function firstByScan(values: number[], from: number, n: number, least: number): number {
  for (let i = from; i < Math.min(n, values.length); i++) if (values[i]! >= least) return i;
  return -1;
}

describe('the tree of maxima', () => {
  test('finds the first item at least a value among the first n, as it grows and items change', () => {
    const tree = new MaxTree();
    const values: number[] = [];
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    for (let step = 0; step < 600; step++) {
      if (values.length === 0 || random() < 0.6) {
        const value = random() < 0.2 ? Infinity : Math.floor(random() * 100);
        values.push(value);
        tree.push(value);
      } else {
        // Values only come down in the timeline (a waiting bar starts); here they go either way.
        const i = Math.floor(random() * values.length);
        values[i] = Math.floor(random() * 100);
        tree.set(i, values[i]!);
      }
      const n = Math.floor(random() * (values.length + 2));
      const from = Math.floor(random() * (n + 1));
      const least = Math.floor(random() * 110);
      expect(tree.next(from, n, least)).toBe(firstByScan(values, from, n, least));
      expect(tree.first(n, least)).toBe(firstByScan(values, 0, n, least));
    }
    expect(tree.length).toBe(values.length);
    expect(values.map((_, i) => tree.get(i))).toEqual(values);
  });

  test('an empty tree finds nothing', () => {
    expect(new MaxTree().first(10, -Infinity)).toBe(-1);
  });
});

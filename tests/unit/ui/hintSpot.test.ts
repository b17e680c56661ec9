import { describe, expect, it } from 'vitest';
import { SPOT_GAP, buttonSize, freeSpot } from '../../../src/ui/graph/hintSpot.ts';

describe('where a "N more" button sits along its side', () => {
  it('in its usual place when no node is there', () => {
    expect(freeSpot([], 40, 300, 24, 270)).toBe(270);
    expect(freeSpot([[40, 120]], 40, 300, 24, 270)).toBe(270);
  });

  it('moved off a node to the nearest free stretch, clear of it by a small gap', () => {
    // A node cut by the right side covers the bottom corner: the button goes just above it.
    expect(freeSpot([[200, 296]], 40, 300, 24, 270)).toBe(200 - SPOT_GAP - 24);
    // Along the bottom, nodes on both sides of the middle: the gap between them if the button fits
    // there, else the nearest one that holds it.
    expect(freeSpot([[100, 380], [480, 700]], 6, 794, 70, 362)).toBe(380 + SPOT_GAP);
    expect(freeSpot([[100, 380], [430, 700]], 6, 794, 70, 362)).toBe(96 - 70);
  });

  it('nowhere when no gap is long enough', () => {
    expect(freeSpot([[40, 150], [160, 300]], 40, 300, 24, 270)).toBeNull();
  });

  it('the button size grows with its words', () => {
    expect(buttonSize('12 more →').width).toBeGreaterThan(buttonSize('3 more →').width);
  });
});

/**
 * A small seeded generator (sfc32 seeded through splitmix32): the same seed gives the same sequence
 * in Node and in every browser, which `Math.random` cannot promise.
 */
export type RandomSource = () => number;

function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Uniform numbers in [0, 1) from `seed`. */
export function seededRandom(seed: number): RandomSource {
  const init = splitmix32(Math.floor(seed) | 0);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  return () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
}

/** An integer in [a, b], both ends included, as Python's `random.randint`. */
export function randintFrom(source: RandomSource, a: number, b: number): number {
  const lo = Math.ceil(Math.min(a, b));
  const hi = Math.floor(Math.max(a, b));
  return lo + Math.floor(source() * (hi - lo + 1));
}

// mulberry32: a small seeded PRNG, the same sequence for the same seed (the trainers, the demo history and the test
// data generators take their randomness from it, so a seed fixes what they make).

/** Uniform numbers in [0, 1), seeded. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A small seeded PRNG (mulberry32): the trainer's only source of randomness, so a seed fixes the model bytes.
import { mulberry32 } from '../util/mulberry32.ts';

export class Prng {
  // the state starts at seed XOR the increment (as this class always did: the models' bytes depend on it)
  readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32((seed >>> 0) ^ 0x6d2b79f5);
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Fisher–Yates shuffle of a[0..len) in place. */
  shuffle(a: Int32Array | number[], len = a.length): void {
    for (let i = len - 1; i > 0; i--) {
      const j = this.int(i + 1);
      const t = a[i] as number;
      a[i] = a[j] as number;
      a[j] = t;
    }
  }
}

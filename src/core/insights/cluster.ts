// Appeals into problems: single-pass leader clustering over the TF-IDF vectors. Each appeal, oldest first, joins the
// cluster whose centroid is most similar (cosine ≥ THRESHOLD), or starts a new one. Place decides as much as words:
// an appeal and a cluster that both name places must share one (搅拌站噪音 at 丽发新城 is not the one at 魅力之城); when
// only one side names a place, the cosine is multiplied by PLACE_UNKNOWN_FACTOR.
// Not O(n²): candidates come from inverted indexes (a cluster is indexed under its members' heaviest terms and its
// places, newest clusters first, at most SCAN per key), counted by shared keys; only the MAX_EVAL best are compared.
import type { Doc } from './features.ts';

export const THRESHOLD = 0.25;
export const PLACE_UNKNOWN_FACTOR = 0.8;
/** Sharing a place is not enough: the words (places aside) must agree this much too (电梯 and 油烟 at one estate). */
export const MIN_WORD_DOT = 0.02;
const INDEX_TERMS = 5;
const INDEX_CAP = 48;
const SCAN = 400;
const MAX_EVAL = 24;

export interface Cluster {
  id: number;
  /** Sum of the members' vectors (term id → weight). */
  sum: Map<number, number>;
  norm2: number;
  /** Indexes (in the docs array) of the members, in the order they joined. */
  members: number[];
  places: Map<string, number>;
  indexed: Set<number>;
}

export class Clusterer {
  readonly clusters: Cluster[] = [];
  private readonly byTerm = new Map<number, number[]>();
  private readonly byPlace = new Map<string, number[]>();
  private readonly hits: Int32Array;
  private readonly touched: number[] = [];
  private hitsSize = 0;

  constructor(
    private readonly docs: readonly Doc[],
    /** Which term ids are places. */
    private readonly isPlace: Uint8Array,
    private readonly threshold = THRESHOLD,
  ) {
    this.hits = new Int32Array(Math.max(16, docs.length));
  }

  /** Adds doc `i` to its best cluster or to a new one; returns the cluster's id. */
  add(i: number): number {
    const best = this.best(this.docs[i]!);
    const c = best ? this.clusters[best.id]! : this.create();
    this.join(c, i);
    return c.id;
  }

  /**
   * One refinement pass (as in k-means) over the members, oldest first: an appeal whose cluster without it is less
   * similar to it than another cluster moves there. A leader pass depends on order (an early appeal starts a cluster
   * its later neighbours outgrow); this corrects most of that. Returns how many moved; empty clusters stay empty.
   */
  refine(order: readonly number[], clusterOf: Int32Array): number {
    let moved = 0;
    for (const i of order) {
      const d = this.docs[i]!;
      const c = this.clusters[clusterOf[i]!]!;
      const self = this.leaveOneOut(d, c);
      const best = this.best(d, c.id);
      if (best && best.sim > self + 0.02) {
        this.leave(c, i);
        this.join(this.clusters[best.id]!, i);
        clusterOf[i] = best.id;
        moved++;
      }
    }
    return moved;
  }

  /**
   * Merges clusters whose centroids are similar (cosine ≥ the threshold, with the place and word rules): two clusters
   * started by differently worded appeals (搅拌站 / 搅拌厂 at one estate) that each grew apart. Larger clusters absorb
   * smaller ones; candidates come from the indexes as for an appeal. Returns how many clusters were absorbed.
   */
  merge(clusterOf: Int32Array): number {
    let merged = 0;
    const order = this.clusters.filter((c) => c.members.length > 0).sort((a, b) => b.members.length - a.members.length || a.id - b.id);
    for (const small of [...order].reverse()) {
      if (!small.members.length) continue;
      const d = centroidDoc(small);
      let best: { id: number; sim: number } | undefined;
      for (const id of this.candidates(d)) {
        const big = this.clusters[id]!;
        if (id === small.id || big.members.length < small.members.length || !big.members.length) continue;
        const sim = this.similarity(d, big);
        if (sim >= this.threshold && (!best || sim > best.sim)) best = { id, sim };
      }
      if (!best) continue;
      const into = this.clusters[best.id]!;
      for (const i of [...small.members]) {
        this.leave(small, i);
        this.join(into, i);
        clusterOf[i] = into.id;
      }
      merged++;
    }
    return merged;
  }

  /** The similarity of a member to its cluster without it. */
  private leaveOneOut(d: Doc, c: Cluster): number {
    let dot = 0;
    let self = 0;
    let words = 0;
    for (let k = 0; k < d.terms.length; k++) {
      const w = d.weights[k]!;
      const x = w * ((c.sum.get(d.terms[k]!) ?? 0) - w);
      dot += x;
      self += w * w;
      if (!this.isPlace[d.terms[k]!]) words += x;
    }
    const norm2 = c.norm2 - 2 * (dot + self) + self;
    if (norm2 <= 1e-9) return 0;
    if (words / Math.sqrt(norm2) < MIN_WORD_DOT) return 0;
    const cos = dot / Math.sqrt(norm2);
    const others = new Map(c.places);
    for (const p of d.places) others.set(p, (others.get(p) ?? 0) - 1);
    const places = [...others].filter(([, n]) => n > 0).map(([p]) => p);
    if (d.places.length && places.length) return d.places.some((p) => places.includes(p)) ? cos : 0;
    return d.places.length || places.length ? cos * PLACE_UNKNOWN_FACTOR : cos;
  }

  private leave(c: Cluster, i: number) {
    const d = this.docs[i]!;
    c.members.splice(c.members.indexOf(i), 1);
    for (let k = 0; k < d.terms.length; k++) {
      const t = d.terms[k]!;
      const old = c.sum.get(t) ?? 0;
      const now = old - d.weights[k]!;
      if (Math.abs(now) < 1e-12) c.sum.delete(t);
      else c.sum.set(t, now);
      c.norm2 += now * now - old * old;
    }
    if (c.members.length === 0) c.norm2 = 0;
    for (const p of d.places) {
      const n = (c.places.get(p) ?? 0) - 1;
      if (n > 0) c.places.set(p, n);
      else c.places.delete(p);
    }
  }

  /** The most similar cluster at or above the threshold, without changing any cluster (history appeals). */
  best(d: Doc, except = -1): { id: number; sim: number } | undefined {
    let best: { id: number; sim: number } | undefined;
    for (const id of this.candidates(d)) {
      if (id === except) continue;
      const sim = this.similarity(d, this.clusters[id]!);
      if (sim >= this.threshold && (!best || sim > best.sim)) best = { id, sim };
    }
    return best;
  }

  /** Cosine of a doc with a cluster's centroid, with the place rule applied (0 when both name places and share none). */
  similarity(d: Doc, c: Cluster): number {
    if (c.norm2 <= 0) return 0;
    let dot = 0;
    let words = 0;
    for (let k = 0; k < d.terms.length; k++) {
      const x = d.weights[k]! * (c.sum.get(d.terms[k]!) ?? 0);
      dot += x;
      if (!this.isPlace[d.terms[k]!]) words += x;
    }
    const norm = Math.sqrt(c.norm2);
    if (words / norm < MIN_WORD_DOT) return 0;
    const cos = dot / norm;
    if (d.places.length && c.places.size) return d.places.some((p) => c.places.has(p)) ? cos : 0;
    return d.places.length || c.places.size ? cos * PLACE_UNKNOWN_FACTOR : cos;
  }

  private candidates(d: Doc): number[] {
    const touch = (id: number, by: number) => {
      if (id >= this.hitsSize) return;
      if (this.hits[id] === 0) this.touched.push(id);
      this.hits[id]! += by;
    };
    this.hitsSize = this.clusters.length;
    for (const p of d.places) {
      const list = this.byPlace.get(p);
      if (list) for (let k = list.length - 1, n = 0; k >= 0 && n < SCAN; k--, n++) touch(list[k]!, 2);
    }
    const n = Math.min(INDEX_TERMS + 2, d.terms.length);
    for (let t = 0; t < n; t++) {
      const list = this.byTerm.get(d.terms[t]!);
      if (list) for (let k = list.length - 1, m = 0; k >= 0 && m < SCAN; k--, m++) touch(list[k]!, 1);
    }
    const found = this.touched.splice(0);
    const out = found.length > MAX_EVAL ? [...found].sort((a, b) => this.hits[b]! - this.hits[a]! || b - a).slice(0, MAX_EVAL) : found;
    for (const id of found) this.hits[id] = 0;
    return out;
  }

  private create(): Cluster {
    const c: Cluster = { id: this.clusters.length, sum: new Map(), norm2: 0, members: [], places: new Map(), indexed: new Set() };
    this.clusters.push(c);
    return c;
  }

  private join(c: Cluster, i: number) {
    const d = this.docs[i]!;
    c.members.push(i);
    for (let k = 0; k < d.terms.length; k++) {
      const t = d.terms[k]!;
      const old = c.sum.get(t) ?? 0;
      const now = old + d.weights[k]!;
      c.sum.set(t, now);
      c.norm2 += now * now - old * old;
    }
    for (const p of d.places) {
      if (!c.places.has(p)) (this.byPlace.get(p) ?? this.byPlace.set(p, []).get(p)!).push(c.id);
      c.places.set(p, (c.places.get(p) ?? 0) + 1);
    }
    for (let k = 0; k < Math.min(INDEX_TERMS, d.terms.length) && c.indexed.size < INDEX_CAP; k++) {
      const t = d.terms[k]!;
      if (c.indexed.has(t)) continue;
      c.indexed.add(t);
      (this.byTerm.get(t) ?? this.byTerm.set(t, []).get(t)!).push(c.id);
    }
  }
}

/** The centroid's heaviest terms (id, weight), heaviest first. */
export function topTerms(c: Cluster, n: number): [number, number][] {
  return [...c.sum.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
}

/** Cosine of a doc with the centroid, without the place rule (how central an appeal is to its problem). */
export function centrality(d: Doc, c: Cluster): number {
  if (c.norm2 <= 0) return 0;
  let dot = 0;
  for (let k = 0; k < d.terms.length; k++) dot += d.weights[k]! * (c.sum.get(d.terms[k]!) ?? 0);
  return dot / Math.sqrt(c.norm2);
}

/** A cluster's centroid as a doc (heaviest terms, L2-normalised, with the cluster's places). */
function centroidDoc(c: Cluster): Doc {
  const top = topTerms(c, 24);
  const norm = Math.sqrt(top.reduce((s, [, w]) => s + w * w, 0)) || 1;
  return { terms: Int32Array.from(top.map(([t]) => t)), weights: Float64Array.from(top.map(([, w]) => w / norm)), places: [...c.places.keys()] };
}

// Remembered answers of pure functions on the message path (a rule list's matcher, a message's normal form, the day
// after a date): worked out once, then looked up.

/** `compute(key)` once per key object, kept as long as the key is (for lists, messages: anything held elsewhere). */
export function weakMemo<K extends object, V>(compute: (key: K) => V): (key: K) => V {
  const known = new WeakMap<K, V>();
  return (key) => {
    // one look-up where the answer is known (this runs many times a message: a term list's matcher, a rule's triggers)
    const found = known.get(key);
    if (found !== undefined || known.has(key)) return found as V;
    const value = compute(key);
    known.set(key, value);
    return value;
  };
}

/** `compute(key)` once per key, for keys that are values (dates as text); all forgotten once `max` are held. */
export function boundedMemo<K, V>(compute: (key: K) => V, max = 20_000): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    const found = known.get(key);
    if (found !== undefined || known.has(key)) return found as V;
    const value = compute(key);
    if (known.size >= max) known.clear();
    known.set(key, value);
    return value;
  };
}

/** `fn()` on the first call; every later call gets the first call's promise. */
export function firstCallOnly<V>(fn: () => Promise<V>): () => Promise<V> {
  let first: Promise<V> | undefined;
  return () => (first ??= fn());
}

/** FNV-1a (32 bit) over the key's UTF-8 bytes: stable across processes and Node versions, for spreading keys over lanes. */
export function fnv1a(key: string): number {
  let h = 0x811c9dc5;
  for (const byte of Buffer.from(key, 'utf8')) h = Math.imul(h ^ byte, 0x01000193);
  return h >>> 0;
}

// A content hash of src/ (the generated Prisma client included): dist/ is up to date when its build stamp holds the
// same hash. Reading ~200 files costs a few milliseconds, cheap enough for every `linli` start.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const STAMP_FILE = '.build-stamp';

/** Hash of every file under `dir` (relative path and bytes, in a stable order). */
export function srcFingerprint(dir) {
  const hash = createHash('sha256');
  const walk = (d) => {
    const entries = readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        hash.update(`${path.relative(dir, p)}\0`);
        hash.update(readFileSync(p));
        hash.update('\0');
      }
    }
  };
  walk(dir);
  return hash.digest('hex');
}

/** True when `distDir` holds a build of exactly the sources now in `srcDir`. */
export function distIsFresh(srcDir, distDir) {
  let stamp;
  try {
    stamp = readFileSync(path.join(distDir, STAMP_FILE), 'utf8').trim();
  } catch {
    return false;
  }
  return stamp === srcFingerprint(srcDir);
}

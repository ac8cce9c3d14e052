// Compiles src/ to dist/ (ES modules with source maps) for production; runs at install and before `npm start`.
// A no-op when dist/ already holds a build of the current sources. Without TypeScript (an install that skipped dev
// dependencies) it prints one line and leaves bin/linli.js to run the sources through tsx.
import { spawnSync } from 'node:child_process';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { STAMP_FILE, distIsFresh, srcFingerprint } from './src-fingerprint.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const src = path.join(root, 'src');
const dist = path.join(root, 'dist');
const force = process.argv.includes('--force');

if (!force && distIsFresh(src, dist)) process.exit(0);

const tsc = path.join(root, 'node_modules', 'typescript', 'bin', 'tsc');
if (!existsSync(tsc)) {
  console.error('linli build: TypeScript is not installed; `linli` will run the sources through tsx');
  process.exit(0);
}
const fingerprint = srcFingerprint(src);
// build beside dist/ and swap it in, so a running `linli` never sees half a build and deleted sources leave nothing
const tmp = path.join(root, `.dist-build-${process.pid}`);
rmSync(tmp, { recursive: true, force: true });
const started = Date.now();
// --noCheck: emit only (the same JavaScript, in a third of the time); the types are checked by `npm run lint`, which
// `npm test` runs first, not at every install and start
const r = spawnSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json'), '--outDir', tmp, '--noCheck'], {
  cwd: root,
  stdio: 'inherit',
});
if (r.status !== 0) {
  rmSync(tmp, { recursive: true, force: true });
  console.error('linli build: tsc failed; `linli` will run the sources through tsx');
  process.exit(r.status ?? 1);
}
writeFileSync(path.join(tmp, STAMP_FILE), `${fingerprint}\n`);
rmSync(dist, { recursive: true, force: true });
renameSync(tmp, dist);
console.error(`linli build: compiled src/ to dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s`);

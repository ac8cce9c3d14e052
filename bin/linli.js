#!/usr/bin/env node
// Entry point of the `linli` command. Production runs the compiled JavaScript in dist/ (built at install and by
// `npm start`, see scripts/build.mjs) when it is a build of the current sources; otherwise (a checkout being edited,
// no build yet) it runs the TypeScript sources through tsx. LINLI_RUNTIME=tsx forces the sources. `linli start` runs
// the bundle of its path in dist/bundle/, built with dist/.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { distIsFresh } from '../scripts/src-fingerprint.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = path.join(root, 'dist');

if (process.env.LINLI_RUNTIME !== 'tsx' && distIsFresh(path.join(root, 'src'), dist)) {
  // `linli start` (what a supervisor restarts after a crash) from the bundle of its path that the same build made
  // (scripts/bundle.mjs: a few dozen files instead of thousands of modules to load); LINLI_BUNDLE=0 runs it from dist/ as the rest
  const bundled = process.argv[2] === 'start' && process.env.LINLI_BUNDLE !== '0' && existsSync(path.join(dist, 'bundle', 'cli.mjs'));
  process.env.LINLI_RUNTIME = bundled ? 'bundle' : 'dist';
  await import(bundled ? '../dist/bundle/cli.mjs' : '../dist/cli.js');
} else {
  process.env.LINLI_RUNTIME = 'tsx';
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}

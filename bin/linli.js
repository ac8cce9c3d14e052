#!/usr/bin/env node
// Entry point of the `linli` command. Production runs the compiled JavaScript in dist/ (built at install and by
// `npm start`, see scripts/build.mjs) when it is a build of the current sources; otherwise (a checkout being edited,
// no build yet) it runs the TypeScript sources through tsx. LINLI_RUNTIME=tsx forces the sources.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { distIsFresh } from '../scripts/src-fingerprint.mjs';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const dist = path.join(root, 'dist');

if (process.env.LINLI_RUNTIME !== 'tsx' && distIsFresh(path.join(root, 'src'), dist)) {
  process.env.LINLI_RUNTIME = 'dist';
  await import('../dist/cli.js');
} else {
  process.env.LINLI_RUNTIME = 'tsx';
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}

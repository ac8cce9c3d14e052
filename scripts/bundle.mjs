// Bundles `linli start`'s path (src/cli.ts and what it imports, our code and the packages it runs) into a few ES
// module files with esbuild, for scripts/build.mjs: bin/linli.js runs `linli start` from that bundle (dist/bundle/),
// every other command from dist/. A restart after a crash then reads and resolves a few dozen files instead of thousands of
// modules (about half of the CPU it spent before its first send; docs/BENCHMARKS.md, session 18). Dynamic imports stay dynamic (code splitting):
// a process still loads only what its configuration runs.
//
// What a bundle changes, and how it is put back:
// - `import.meta.url`, `__dirname` and `__filename` name the bundle, not the file they were written in: each module
//   that uses them gets its own, computed at run time from the bundle's place and the file's path relative to it (our
//   sources: the file's place in dist/, as compiled), so data files, wasm, .proto files and native addons found next
//   to a module are found as before.
// - wechaty-grpc's generated/*.cjs require a list of files by variable: rewritten as literal requires.
// - wechaty-puppet's interface-of.js reads Puppet when first used, not when loaded (the order of an import cycle).
// - Functions and classes keep their names (keepNames), which code reads (node-fetch: a signal's class name).
// - A bare `import 'x'` is kept even when x's package says it has no side effects (Node keeps it: wechaty-puppet
//   relies on one for the order of an import cycle).
// - Two packages' imports of what Linli does not use on its way to a first send are made when used (LATER).
// - Packages that cannot be bundled stay outside and are imported from node_modules (EXTERNAL).
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Loaded from node_modules at run time, not bundled: native addons, optional packages that are not installed, tsx. */
export const EXTERNAL = [
  'tsx',
  'tsx/*',
  'esbuild',
  'typescript',
  // native addons (found by node-gyp-build from their own folder)
  'leveldown',
  'classic-level',
  'msgpackr-extract',
  // optional backends of memory-card, imported only when configured (not installed)
  'etcd3',
  'esdk-obs-nodejs',
  'aws-sdk',
];

/**
 * Packages that a module imports for one function Linli does not call on the way to its first send, imported by that
 * function when it is called instead (its own chunk): [file, [text, replacement]…]. Each saves the CPU of loading them
 * at every start (docs/BENCHMARKS.md, sessions 16 and 18): wechaty's link preview (open-graph: request, cheerio,
 * tough-cookie with psl's suffix list), file-box's QR code reading and drawing (jimp, jsqr, qrcode).
 */
const LATER = [
  [
    /wechaty[\\/]dist[\\/]esm[\\/]src[\\/]helper-functions[\\/]open-graph\.js$/,
    [
      ["import og from 'open-graph';", ''],
      ['export async function openGraph(url) {', "export async function openGraph(url) {\n    const { default: og } = await import('open-graph');"],
    ],
  ],
  [
    /file-box[\\/]dist[\\/]esm[\\/]src[\\/]qrcode\.js$/,
    [
      ["import Jimp from 'jimp';", ''],
      ["import jsQR from 'jsqr';", ''],
      ["import { toFileStream } from 'qrcode';", ''],
      [
        'export async function bufferToQrValue(buf) {',
        "export async function bufferToQrValue(buf) {\n    const [{ default: Jimp }, { default: jsQR }] = await Promise.all([import('jimp'), import('jsqr')]);",
      ],
      ['export async function qrValueToStream(value) {', "export async function qrValueToStream(value) {\n    const { toFileStream } = await import('qrcode');"],
    ],
  ],
];

/** The bundle's entry file under the bundle's folder. */
export const BUNDLE_ENTRY = 'cli.mjs';

const LOADERS = { '.ts': 'ts', '.mts': 'ts', '.cts': 'ts', '.js': 'js', '.mjs': 'js', '.cjs': 'js' };

// defined at the top of each output file: `require` for bundled CommonJS, and the paths of the modules that ask
const BANNER = [
  "import { createRequire as __linliCreateRequire } from 'node:module';",
  "import { fileURLToPath as __linliFileURLToPath, pathToFileURL as __linliPathToFileURL } from 'node:url';",
  "import { join as __linliJoin, dirname as __linliDirname } from 'node:path';",
  'const require = __linliCreateRequire(import.meta.url);',
  'const __linliDir = __linliDirname(__linliFileURLToPath(import.meta.url));',
  'const __linliPath = (p) => __linliJoin(__linliDir, p);',
  'const __linliUrl = (p) => __linliPathToFileURL(__linliPath(p)).href;',
].join(' ');

/**
 * Bundles `root`/src/cli.ts into `outdir` (which becomes `<dist>/bundle`, `distDir` being where the same build puts
 * the compiled files: our modules' paths are those of their compiled files). Returns the number of modules bundled.
 */
export async function bundleStart({ root, outdir, distDir, splitting = true }) {
  const { build } = await import('esbuild');
  const src = path.join(root, 'src');
  const paths = {
    name: 'linli-module-paths',
    setup(b) {
      b.onLoad({ filter: /\.(c|m)?(j|t)s$/ }, (args) => {
        let text = readFileSync(args.path, 'utf8');
        let changed = false;
        if (/wechaty-grpc[\\/].*[\\/]generated[\\/](puppet|google)\.cjs$/.test(args.path)) {
          const files = [...text.matchAll(/^\s*'([^']+\.js)',?\s*$/gm)].map((m) => m[1]);
          if (!files.length || !/require\(pkg\)/.test(text)) throw new Error(`linli bundle: ${args.path} is not the file list it expected`);
          text = `module.exports = Object.assign({}, ${files.map((f) => `require(${JSON.stringify(f)})`).join(', ')});`;
          changed = true;
        }
        if (/wechaty-puppet[\\/]dist[\\/]esm[\\/]src[\\/]puppet[\\/]interface-of\.js$/.test(args.path)) {
          // its checks of Puppet's interface, made when first used: this module and puppet-abstract.js import each other,
          // and the bundle does not keep the order the package's entry imports them in (interface-of.js first)
          const before = 'const interfaceOfPuppet = interfaceOfClass(Puppet)();\nconst looseInstanceOfPuppet = looseInstanceOfClass(Puppet);';
          if (!text.includes(before)) throw new Error(`linli bundle: ${args.path} is not the module it expected`);
          text = text.replace(
            before,
            'let interfaceOf, looseInstanceOf;\nconst interfaceOfPuppet = (t) => (interfaceOf ??= interfaceOfClass(Puppet)())(t);\nconst looseInstanceOfPuppet = (t) => (looseInstanceOf ??= looseInstanceOfClass(Puppet))(t);',
          );
          changed = true;
        }
        for (const [file, edits] of LATER) {
          if (!file.test(args.path)) continue;
          for (const [before, after] of edits) {
            if (!text.includes(before)) throw new Error(`linli bundle: ${args.path} is not the module it expected`);
            text = text.replace(before, after);
          }
          changed = true;
        }
        const ours = !path.relative(src, args.path).startsWith('..');
        // where the module would be when not bundled: ours compiled in dist/, a package's where it is
        const original = ours ? path.join(distDir, path.relative(src, args.path)).replace(/\.ts$/, '.js') : args.path;
        const rel = path.relative(outdir, original);
        let prefix = '';
        if (/\b__dirname\b/.test(text)) prefix += `var __dirname = __linliPath(${JSON.stringify(path.dirname(rel))});`;
        if (/\b__filename\b/.test(text)) prefix += `var __filename = __linliPath(${JSON.stringify(rel)});`;
        if (/\bimport\.meta\.url\b/.test(text)) {
          text = text.replace(/\bimport\.meta\.url\b/g, '__linliMetaUrl');
          prefix += `var __linliMetaUrl = __linliUrl(${JSON.stringify(rel)});`;
        }
        if (!prefix && !changed) return undefined;
        // on the first line (after a hashbang), so that line numbers stay those of the file
        const hashbang = /^#![^\n]*\n/.exec(text)?.[0] ?? '';
        text = hashbang + prefix + text.slice(hashbang.length);
        return { contents: text, loader: LOADERS[path.extname(args.path)] ?? 'js', resolveDir: path.dirname(args.path) };
      });
    },
  };
  // without splitting, a lazily imported module's imports of a package are at the top of the one file: the optional
  // packages that are not installed are modules that fail when (if ever) they run
  const missing = {
    name: 'linli-missing-optional',
    setup(b) {
      b.onResolve({ filter: /^(etcd3|esdk-obs-nodejs|aws-sdk)$/ }, (args) => ({ path: args.path, namespace: 'linli-missing' }));
      b.onLoad({ filter: /.*/, namespace: 'linli-missing' }, (args) => ({
        contents: `throw new Error(${JSON.stringify(`Cannot find package '${args.path}'`)});`,
        loader: 'js',
      }));
    },
  };
  const result = await build({
    entryPoints: { cli: path.join(src, 'cli.ts') },
    absWorkingDir: root,
    bundle: true,
    splitting,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir,
    outExtension: { '.js': '.mjs' },
    external: splitting ? EXTERNAL : EXTERNAL.filter((e) => !['etcd3', 'esdk-obs-nodejs', 'aws-sdk'].includes(e)),
    plugins: splitting ? [paths] : [paths, missing],
    banner: { js: BANNER },
    // what Node does: a package's "sideEffects": false (and /* @__PURE__ */) is no reason to drop a bare import (wechaty-puppet
    // imports interface-of.js for its side effect, the order of a cycle)
    ignoreAnnotations: true,
    // functions and classes keep their names (esbuild renames those that clash across modules): code reads them
    // (node-fetch accepts a signal whose class is named AbortSignal, the abort-controller polyfill's in grammY)
    keepNames: true,
    metafile: true,
    logLevel: 'error',
  });
  if (process.env.LINLI_BUNDLE_META) (await import('node:fs')).writeFileSync(process.env.LINLI_BUNDLE_META, JSON.stringify(result.metafile));
  return Object.keys(result.metafile.inputs).length;
}

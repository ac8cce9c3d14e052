// What production runs: `npm ci` / `npm start` compile src/ to dist/, and bin/linli.js runs that JavaScript while it is
// a build of the current sources; after an edit (a stale build) it runs the sources through tsx until the next build.
// Done in a copy of the project so the build under test is this test's own.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../support/cli.ts';

function linli(root: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin/linli.js'), ...args], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function build(root: string) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, encoding: 'utf8', timeout: 240_000 });
  expect(r.status, r.stderr).toBe(0);
  return r.stderr;
}

describe('the compiled build', () => {
  const root = tempDir('linli-build-');
  beforeAll(() => {
    for (const f of ['src', 'bin', 'scripts', 'package.json', 'tsconfig.json', 'tsconfig.build.json']) cpSync(path.join(ROOT, f), path.join(root, f), { recursive: true });
    for (const f of ['node_modules', 'data', 'prisma']) symlinkSync(path.join(ROOT, f), path.join(root, f));
  });

  it('runs the demo end to end from dist/, and falls back to the sources when they change', { timeout: 600_000 }, async () => {
    expect(linli(root, ['--version']).stdout).toMatch(/TypeScript sources through tsx/); // no build yet
    expect(build(root)).toMatch(/compiled src\/ to dist\//);
    expect(existsSync(path.join(root, 'dist/cli.js'))).toBe(true);
    expect(existsSync(path.join(root, 'dist/generated/prisma/client.js'))).toBe(true);
    expect(linli(root, ['--version']).stdout).toMatch(/compiled JavaScript in dist\//);

    // the whole product from the compiled files: the generated Prisma client, migrations, model and demo grid resolve
    const demo = linli(root, ['demo']);
    expect(demo.stderr).toBe('');
    expect(demo.code).toBe(0);
    expect(demo.stdout).toMatch(/工单 #1（设施维修）已关闭/);

    expect(build(root)).toBe(''); // up to date: nothing to do
    appendFileSync(path.join(root, 'src/config.ts'), '\n// edited\n');
    expect(linli(root, ['--version']).stdout).toMatch(/TypeScript sources through tsx/);
    build(root);
    expect(linli(root, ['--version']).stdout).toMatch(/compiled JavaScript in dist\//);
  });
});

// What a `linli` command loads: its own command's modules, not every other command's (`linli start` after a crash
// loads less before it can send again; docs/BENCHMARKS.md, session 17). Help and exit codes stay those of the whole CLI.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../support/cli.ts';

/** The modules of src/cli/ a run of `linli <args>` loaded (by file name without extension), and its result. */
async function loadedCommands(args: string[]) {
  const file = path.join(tempDir('linli-modules-'), 'modules.txt');
  const r = await runCli(args, { env: { NODE_OPTIONS: `--import ${path.join(ROOT, 'test/support/record-modules.mjs')}`, LINLI_RECORD_MODULES: file } });
  const urls = existsSync(file) ? readFileSync(file, 'utf8').split('\n') : [];
  const commands = new Set(urls.map((u) => /\/cli\/([\w-]+\.command)\.[jt]s$/.exec(u)?.[1]).filter((c): c is string => Boolean(c)));
  return { ...r, commands };
}

describe('linli loads the command it runs', () => {
  it('`linli migrate` and `linli start --help` load no other command module', async () => {
    for (const args of [['migrate', '--help'], ['start', '--help']]) {
      const r = await loadedCommands(args);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: linli ${args[0]}`);
      expect([...r.commands]).toEqual([]);
    }
  });

  it('`linli broadcast …` loads the broadcast commands alone; `linli insights …` both of its files', async () => {
    const b = await loadedCommands(['broadcast', '--help']);
    expect(b.code).toBe(0);
    expect(b.stdout).toContain('Usage: linli broadcast');
    expect([...b.commands]).toEqual(['broadcast.command']);
    const i = await loadedCommands(['insights', '--help']);
    expect(i.stdout).toMatch(/hot[\s\S]*report|report[\s\S]*hot/);
    expect([...i.commands].sort()).toEqual(['insights-report.command', 'insights.command']);
  });

  it('`linli --help`, `linli help grid` and an unknown command see every command', async () => {
    const all = await loadedCommands(['--help']);
    expect(all.code).toBe(0);
    for (const c of ['start', 'demo', 'migrate', 'grid', 'broadcast', 'insights', 'users', 'bench']) expect(all.stdout).toMatch(new RegExp(`^  ${c}\\b`, 'm'));
    expect(all.commands.size).toBeGreaterThan(10);
    const help = await loadedCommands(['help', 'grid']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: linli grid');
    const unknown = await loadedCommands(['brodcast']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'brodcast'");
    expect(unknown.stderr).toContain('(Did you mean broadcast?)');
  });
});

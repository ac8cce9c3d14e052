// `linli grid import FILE` and `linli grid export`: the grid, its groups and staff, as one file.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { importGridRecords, readGridImport, writeGridYaml } from '../adapters/files/grid-file.ts';
import { ConfigError } from '../config.ts';
import { GridFileError } from '../core/grid/grid-validation.ts';
import { StoreInUseError } from '../adapters/prisma/prisma-store.ts';
import { action, assertWritableFile, EXIT, UsageError, withCheckedStore } from './runtime.ts';
import { linesForTerminal } from './terminal-text.ts';

export function registerGridCommands(program: Command) {
  const grid = program.command('grid').description('import and export the grid (网格), its groups and staff');

  grid
    .command('import')
    .argument('<file>', 'grid file (.yaml, .yml, .json or .csv)')
    .option('--dry-run', 'validate only, change nothing')
    .description('validate a grid file and apply it in one transaction (nothing is imported if any line is wrong)')
    .action(
      action(async (file: string, opts: { dryRun?: boolean }) => {
        try {
          // the file is read and its syntax checked before the store opens: a missing or broken file creates no store
          await withCheckedStore(() => readGridImport(file), async (read, store) => {
            const { spec } = await importGridRecords(store.grid, read, file, { dryRun: opts.dryRun });
            const counts = `${spec.nodes.length} nodes, ${spec.groups.length} groups, ${spec.people.length} people`;
            console.log(opts.dryRun ? `${file} is valid: ${counts} (dry run, nothing changed)` : `imported ${counts} from ${file}`);
          });
        } catch (e) {
          importFailed(file, e);
        }
      }),
    );

  grid
    .command('export')
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .description('print the grid, groups and staff as YAML (the import format)')
    .action(
      action(async (opts: { out?: string }) => {
        // an --out that cannot be written is said before the store opens
        await withCheckedStore(() => opts.out && assertWritableFile(opts.out), async (_, store) => {
          const yaml = writeGridYaml(await store.grid.exportSpec());
          if (opts.out) writeFileSync(opts.out, yaml);
          // YAML escapes C0 controls but writes C1 and bidi controls as they are: not onto a terminal
          else process.stdout.write(linesForTerminal(yaml));
        });
      }),
    );
}

const READ_ERRORS: Record<string, string> = { ENOENT: 'no such file', EISDIR: 'it is a folder', EACCES: 'permission denied' };

/** A refused file: its errors, line by line, exit 2. Anything else: one English line, never a stack trace. */
function importFailed(file: string, e: unknown): void {
  if (e instanceof GridFileError) {
    console.error(e.format());
    console.error(`${e.errors.length} error(s); nothing was imported.`);
    throw new UsageError(`${file} is not a valid grid file`);
  }
  const io = e as NodeJS.ErrnoException;
  if (io.path === file && io.code && READ_ERRORS[io.code]) throw new UsageError(`cannot read ${file}: ${READ_ERRORS[io.code]}`);
  if (e instanceof UsageError || e instanceof ConfigError || e instanceof StoreInUseError) throw e;
  // the merged validation leaves a bad file nothing to break: this is the store or a bug, said in one line
  console.error(`error: grid import failed: ${String((e as Error)?.message ?? e).split('\n')[0]}`);
  process.exitCode = EXIT.failure;
}

// `linli grid import FILE` and `linli grid export`: the grid, its groups and staff, as one file.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { readGridFile, writeGridYaml } from '../adapters/files/grid-file.ts';
import { GridFileError } from '../core/grid/grid-validation.ts';
import { action, UsageError, withStore } from './runtime.ts';
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
        await withStore(async (store) => {
          const existing = await store.grid.exportSpec();
          const existingCodes = new Map(existing.nodes.map((n) => [n.code, n.level]));
          let spec;
          try {
            spec = await readGridFile(file, { existingCodes });
          } catch (e) {
            if (e instanceof GridFileError) {
              console.error(e.format());
              console.error(`${e.errors.length} error(s); nothing was imported.`);
              throw new UsageError(`${file} is not a valid grid file`);
            }
            throw e;
          }
          if (opts.dryRun) {
            console.log(`${file} is valid: ${spec.nodes.length} nodes, ${spec.groups.length} groups, ${spec.people.length} people (dry run, nothing changed)`);
            return;
          }
          const r = await store.grid.importSpec(spec);
          console.log(`imported ${r.nodes} nodes, ${r.groups} groups, ${r.people} people from ${file}`);
        });
      }),
    );

  grid
    .command('export')
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .description('print the grid, groups and staff as YAML (the import format)')
    .action(
      action(async (opts: { out?: string }) => {
        await withStore(async (store) => {
          const yaml = writeGridYaml(await store.grid.exportSpec());
          if (opts.out) writeFileSync(opts.out, yaml);
          // YAML escapes C0 controls but writes C1 and bidi controls as they are: not onto a terminal
          else process.stdout.write(linesForTerminal(yaml));
        });
      }),
    );
}

// `linli broadcast …` until src/cli.ts registers it: the same commander program with only the broadcast commands.
// Usage: npx tsx test/support/broadcast-cli.ts broadcast send --to … (the e2e test runs it as a child process).
import { Command } from 'commander';
import { registerBroadcastCommands } from '../../src/cli/broadcast.command.ts';

const program = new Command().name('linli').exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));
registerBroadcastCommands(program);
await program.parseAsync(process.argv);

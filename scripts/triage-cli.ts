// Stand-alone entry for the triage commands (manual runs and tests): npx tsx scripts/triage-cli.ts triage train …
// The main `linli` CLI registers the same commands.
import { Command } from 'commander';
import { registerTriageCommands } from '../src/cli/triage.command.ts';
import { UsageError } from '../src/cli/runtime.ts';

const program = new Command()
  .name('triage-cli')
  .showHelpAfterError()
  .exitOverride((err) => process.exit(err.exitCode === 0 ? 0 : 2));
registerTriageCommands(program);
try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof UsageError) {
    console.error(`error: ${e.message}`);
    process.exit(2);
  }
  throw e;
}

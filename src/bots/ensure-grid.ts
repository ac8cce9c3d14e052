// The grid a fresh store starts with: the configured grid file, or the demo grid. Kept apart from the sandbox so that
// commands needing only this do not load the WeChat bot.
import { readGridFile } from '../adapters/files/grid-file.ts';
import { GridFileError } from '../core/grid/grid-validation.ts';
import type { Logger } from '../core/ports/logger.port.ts';
import type { Store } from '../core/ports/store.port.ts';
import { StartupError } from './startup-error.ts';

export const DEMO_GRID_FILE = new URL('../../data/demo-grid.yaml', import.meta.url).pathname;

const SETTING = "LINLI_GRID_FILE or the config file's gridFile";

/** Imports the configured grid file (or the demo grid) into an empty store. */
export async function ensureGrid(store: Store, gridFile: string | undefined, logger: Logger): Promise<void> {
  if ((await store.grid.count()) > 0) return;
  const file = gridFile ?? DEMO_GRID_FILE;
  let spec;
  try {
    spec = await readGridFile(file);
  } catch (e) {
    // said with the setting it came from: the operator did not type this path on this command line
    const code = (e as { code?: unknown }).code;
    if (gridFile && (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR')) {
      const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : 'it is a folder';
      throw new StartupError(`the grid file ${file} (${SETTING}) cannot be read: ${why}`, { exitCode: 2, cause: e });
    }
    if (gridFile && e instanceof GridFileError) {
      throw new StartupError(`${e.message}\nnothing was imported; fix the grid file (${SETTING}) and start again`, { exitCode: 2, cause: e });
    }
    throw e;
  }
  const r = await store.grid.importSpec(spec);
  logger.info({ file, ...r }, 'grid imported into an empty store');
}

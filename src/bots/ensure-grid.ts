// The grid a fresh store starts with: the configured grid file, or the demo grid. Kept apart from the sandbox so that
// commands needing only this do not load the WeChat bot.
import { readGridFile } from '../adapters/files/grid-file.ts';
import type { Logger } from '../core/ports/logger.port.ts';
import type { Store } from '../core/ports/store.port.ts';

export const DEMO_GRID_FILE = new URL('../../data/demo-grid.yaml', import.meta.url).pathname;

/** Imports the configured grid file (or the demo grid) into an empty store. */
export async function ensureGrid(store: Store, gridFile: string | undefined, logger: Logger): Promise<void> {
  if ((await store.grid.count()) > 0) return;
  const file = gridFile ?? DEMO_GRID_FILE;
  const r = await store.grid.importSpec(await readGridFile(file));
  logger.info({ file, ...r }, 'grid imported into an empty store');
}

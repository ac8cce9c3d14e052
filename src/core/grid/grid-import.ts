// Importing grid records: a dry run and a real import run the same validation, against the file merged with the
// stored grid; the real import then applies the file in one transaction. A bad file changes nothing.
import type { GridRepository, GridSpec } from '../ports/grid.repository.ts';
import { sortByLine, type GridLineError, type GridRecords } from './grid-records.ts';
import { GridFileError, validateGridRecords } from './grid-validation.ts';

export interface GridImportOptions {
  /** Validate only: nothing is written. */
  dryRun?: boolean;
  /** Name used in error lines (`grid.yaml:12: …`). */
  fileName?: string;
}

export interface GridImportResult {
  /** What the file sets (its own entries; the store's others stay as they are). */
  spec: GridSpec;
  /** False for a dry run. */
  applied: boolean;
}

/**
 * Validates the records (with the errors found while reading them) merged with the stored grid, and applies them
 * unless `dryRun`. Throws GridFileError listing every problem with its line; then nothing has changed.
 */
export async function importGrid(
  grid: GridRepository,
  read: { records: GridRecords; errors: readonly GridLineError[] },
  options: GridImportOptions = {},
): Promise<GridImportResult> {
  const stored = await grid.exportSpec();
  const result = validateGridRecords(read.records, { stored });
  const errors = [...read.errors, ...(result.ok ? [] : result.errors)];
  if (errors.length > 0 || !result.ok) throw new GridFileError(sortByLine(errors), options.fileName);
  if (options.dryRun) return { spec: result.spec, applied: false };
  await grid.importSpec(result.spec);
  return { spec: result.spec, applied: true };
}

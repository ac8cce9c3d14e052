// Files of the local text classifier: the model file (binary, see TextClassifier.serialize) and labelled JSONL
// training/evaluation data (one {"text", "label"} object a line; other fields such as "id" are ignored).
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TextClassifier, type LabelledText } from '../../core/triage/text-classifier.ts';

/** A problem with a file the user gave: the message names the file (and line), fit to print as is. */
export class TriageFileError extends Error {
  override readonly name = 'TriageFileError';
}

/** The shipped default model, rebuilt from data/corpus by `npm run model:build`. */
export const DEFAULT_MODEL_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../../data/models/neighbourhood.model');

async function readBytes(path: string, what: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new TriageFileError(`${what} ${path}: no such file`);
    if (code === 'EISDIR') throw new TriageFileError(`${what} ${path}: is a directory`);
    throw new TriageFileError(`${what} ${path}: cannot read (${code ?? (e as Error).message})`);
  }
}

/** Reads a model file written by writeModelFile. */
export async function readModelFile(path: string): Promise<TextClassifier> {
  const bytes = await readBytes(path, 'model file');
  try {
    return TextClassifier.deserialize(bytes);
  } catch (e) {
    throw new TriageFileError(`model file ${path}: ${(e as Error).message}`);
  }
}

/** Writes a model file atomically (temporary file, then rename); creates the directory. Returns the byte size. */
export async function writeModelFile(path: string, model: TextClassifier): Promise<number> {
  const bytes = model.serialize();
  await mkdir(dirname(resolve(path)), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, path);
  return bytes.length;
}

/** Parses labelled JSONL text; blank lines are skipped; errors name the file and the 1-based line. */
export function parseLabelledJsonl(text: string, fileName: string): LabelledText[] {
  const out: LabelledText[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || (i === 0 && line === '\ufeff')) return;
    const where = `${fileName}:${i + 1}`;
    let row: unknown;
    try {
      row = JSON.parse(i === 0 ? line.replace(/^\ufeff/, '') : line);
    } catch (e) {
      throw new TriageFileError(`${where}: not valid JSON (${(e as Error).message})`);
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      throw new TriageFileError(`${where}: expected a JSON object with "text" and "label"`);
    }
    const { text: t, label } = row as Record<string, unknown>;
    if (typeof t !== 'string') throw new TriageFileError(`${where}: missing string field "text"`);
    if (typeof label !== 'string' || label === '') throw new TriageFileError(`${where}: missing string field "label"`);
    out.push({ text: t, label });
  });
  return out;
}

/** Reads a labelled JSONL file (see parseLabelledJsonl). */
export async function readLabelledJsonl(path: string): Promise<LabelledText[]> {
  const bytes = await readBytes(path, 'data file');
  const rows = parseLabelledJsonl(new TextDecoder().decode(bytes), path);
  if (rows.length === 0) throw new TriageFileError(`data file ${path}: no examples`);
  return rows;
}

// `node --import ./test/support/record-modules.mjs …` with LINLI_RECORD_MODULES=<file>: every module the process
// resolves (its URL) is appended to that file, one a line. For tests of what a command loads.
import { register } from 'node:module';

const hooks = `
import { appendFileSync } from 'node:fs';
let file;
export function initialize(data) { file = data.file; }
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  appendFileSync(file, r.url + '\\n');
  return r;
}`;
if (process.env.LINLI_RECORD_MODULES) register(`data:text/javascript,${encodeURIComponent(hooks)}`, { data: { file: process.env.LINLI_RECORD_MODULES } });

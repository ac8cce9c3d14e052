// The month's proposal as PDF: its printable HTML printed by headless Chromium (Debian's package), when installed.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const CHROMIUM = '/usr/bin/chromium';

export class NoChromiumError extends Error {
  override readonly name = 'NoChromiumError';
}

/** Prints the HTML page to `pdfFile`; throws NoChromiumError when Chromium is not at `chromium`. */
export async function printPdf(htmlText: string, pdfFile: string, chromium = CHROMIUM): Promise<void> {
  if (!existsSync(chromium)) {
    throw new NoChromiumError(`PDF needs Chromium at ${chromium} (Debian: apt-get install chromium); write --out FILE.html instead and print it from a browser`);
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'linli-report-'));
  try {
    const page = path.join(dir, 'report.html');
    writeFileSync(page, htmlText);
    const args = ['--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', `--user-data-dir=${path.join(dir, 'profile')}`, `--print-to-pdf=${path.resolve(pdfFile)}`, pathToFileURL(page).href];
    await new Promise<void>((resolve, reject) =>
      execFile(chromium, args, { timeout: 120_000 }, (err, _out, stderr) => (err ? reject(new Error(`Chromium failed: ${err.message}\n${stderr}`)) : resolve())),
    );
    if (!existsSync(pdfFile)) throw new Error(`Chromium did not write ${pdfFile}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// CSV for spreadsheets (RFC 4180): what Excel in a Chinese locale opens without garbling or running a formula.

/** A CSV cell: quoted when needed; a leading = + - @ is defused so a spreadsheet never runs it as a formula. */
export function csvCell(v: string | number): string {
  let s = String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows (the header first) as a file: UTF-8 with a BOM, CRLF lines. */
export function csvDocument(rows: readonly (readonly (string | number)[])[]): string {
  return '\uFEFF' + rows.map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

import { stringify } from "csv-stringify/sync";

// CSV for spreadsheets. Quoting is csv-stringify's; on top of it, a cell that a spreadsheet
// would read as a formula (it starts with = + - @, or a tab or carriage return) gets a leading
// apostrophe, so a title someone typed cannot run as a formula on a facilitator's computer.

export type CsvColumn<T> = { header: string; value: (row: T) => string | number | null };

const FORMULA = /^[=+\-@\t\r]/;

export function safeCell(value: string | number | null): string {
  if (value === null) return "";
  if (typeof value === "number") return String(value);
  return FORMULA.test(value) ? `'${value}` : value;
}

/** A CSV document with a header row, lines ending CRLF as RFC 4180 has them. */
export function toCsv<T>(rows: T[], columns: CsvColumn<T>[]): string {
  return stringify([columns.map((c) => c.header), ...rows.map((row) => columns.map((c) => safeCell(c.value(row))))], {
    record_delimiter: "windows",
    quoted_match: /[",\r\n]/,
  });
}

/**
 * CSV as Excel and LibreOffice open it without an import dialog: UTF-8 with a
 * byte-order mark (without it Excel reads "Pemeriksaan Berkas – Loket 3" and
 * names like "Ni Putu Ayu Ség" as Windows-1252 mojibake), CRLF line ends, RFC
 * 4180 quoting.
 *
 * Two dialects: the default ("," between fields, "." in decimals) and "id"
 * (";" and ","), for Excel on Windows set to Indonesian, whose list separator
 * is ";" and which would otherwise put every row in one column.
 */
export const BOM = "\uFEFF";

export type CsvValue = string | number | boolean | null | undefined;

export interface CsvDialect {
  delimiter: "," | ";";
  decimal: "." | ",";
}

export const CSV_DEFAULT: CsvDialect = { delimiter: ",", decimal: "." };
export const CSV_INDONESIA: CsvDialect = { delimiter: ";", decimal: "," };

/**
 * One field. Text that a spreadsheet would run as a formula (=, +, -, @ first)
 * gets a leading apostrophe: a citizen's or officer's name is data, never a
 * formula (CSV injection, OWASP). Numbers are written as numbers.
 */
export function csvField(value: CsvValue, dialect: CsvDialect = CSV_DEFAULT): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "ya" : "tidak";
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return "";
    const text = String(value);
    return dialect.decimal === "." ? text : text.replace(".", dialect.decimal);
  }
  let text = value;
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  const needsQuotes =
    text.includes(dialect.delimiter) ||
    text.includes('"') ||
    text.includes("\n") ||
    text.includes("\r") ||
    text !== text.trim();
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[], dialect: CsvDialect = CSV_DEFAULT): string {
  return `${values.map((v) => csvField(v, dialect)).join(dialect.delimiter)}\r\n`;
}

/** A whole document: BOM, header, rows. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly CsvValue[])[],
  dialect: CsvDialect = CSV_DEFAULT,
): string {
  return BOM + csvRow(header, dialect) + rows.map((r) => csvRow(r, dialect)).join("");
}

/** Minutes with one decimal, from ms (null stays empty). */
export function minutes(ms: number | null | undefined): number | null {
  return ms === null || ms === undefined ? null : Math.round(ms / 6_000) / 10;
}

/**
 * Where a CSV answer goes. Reports are written in the report worker, so this
 * is the worker's channel back to the HTTP response, not the response itself.
 */
export interface CsvSink {
  writeHead(status: number, headers: Record<string, string | number>): void;
  /** Resolves when the far end can take more: a streamed export waits on it between pages. */
  write(chunk: string): Promise<void>;
  end(chunk?: string): void;
  /** True once the client went away: a stream stops reading pages. */
  readonly closed: boolean;
}

/** A whole CSV file as a download. */
export function sendCsv(res: CsvSink, filename: string, body: string): void {
  res.writeHead(200, {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="${filename}"`,
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
  });
  res.end(body);
}

/** A target in minutes, or "min-max" when the SOP changed inside the range. */
export const targetMinutes = (t: { min: number; max: number } | null): string | number | null =>
  t === null ? null : t.min === t.max ? minutes(t.max) : `${minutes(t.min)}-${minutes(t.max)}`;

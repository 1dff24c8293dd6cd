// Hand-written types for escpos@3.0.0-alpha.6 (it ships none), limited to the
// builder calls this package makes. The runtime is CommonJS: `module.exports`
// is the Printer constructor, so it is imported as the default export.
declare module "escpos" {
  namespace Printer {
    /** escpos adapters are duck-typed; the builder only calls write on flush. */
    interface Adapter {
      write(data: Buffer, callback?: (error?: Error | null) => void): void;
      read(callback: (data: Buffer) => void): void;
      close(callback?: (error?: Error | null) => void): void;
    }

    interface PrinterOptions {
      /** iconv-lite encoding used by text(); escpos does not send ESC t for it. */
      encoding?: string;
      /** Columns, only used by escpos' own drawLine/table helpers. */
      width?: number;
    }
  }

  class Printer {
    constructor(adapter: Printer.Adapter, options?: Printer.PrinterOptions);
    hardware(command: "init" | "select" | "reset"): this;
    /** Writes ESC t n. */
    setCharacterCodeTable(codeTable: number): this;
    encode(encoding: string): this;
    align(align: "lt" | "ct" | "rt"): this;
    /** GS ! with (width << 4 | height); 0 is normal, 1 is double in v3. */
    size(width: number, height: number): this;
    /** Encodes with the printer's encoding and appends LF. */
    text(content: string, encoding?: string): this;
    feed(lines?: number): this;
    /** Feeds `feed` lines (default 3), then GS V 0 (full) or GS V 1 (partial). */
    cut(partial?: boolean, feed?: number): this;
    raw(data: Buffer | string): this;
    flush(callback?: (error?: Error | null) => void): this;
  }

  export = Printer;
}

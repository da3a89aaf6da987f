import { once } from "node:events";
import { finished } from "node:stream/promises";
import type { Writable } from "node:stream";
import type { Sql } from "postgres";

/** A field of COPY's text format: `\N` for null, backslash escapes for the separators. */
type Field = string | number | boolean | null;

const escape = (s: string) =>
  /[\\\t\n\r]/.test(s) ? s.replace(/[\\\t\n\r]/g, (c) => ({ "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" })[c]!) : s;
const field = (v: Field) => (v === null ? "\\N" : typeof v === "string" ? escape(v) : String(v));

const FLUSH_BYTES = 1 << 20;

/**
 * Streams rows into one table with `COPY … FROM STDIN` (text format) on its own connection,
 * buffering about 1 MB per write and honouring backpressure. Several sinks can be open at once
 * (one connection each), so one pass over the units feeds every table.
 */
export class CopySink {
  rows = 0;
  private parts: string[] = [];
  private size = 0;
  private constructor(private readonly stream: Writable) {}

  static async open(sql: Sql, table: string, columns: readonly string[]): Promise<CopySink> {
    const stream = await sql`copy ${sql(table)} (${sql(columns as string[])}) from stdin`.writable();
    return new CopySink(stream);
  }

  async push(row: readonly Field[]): Promise<void> {
    const line = `${row.map(field).join("\t")}\n`;
    this.parts.push(line);
    this.size += line.length;
    this.rows++;
    if (this.size >= FLUSH_BYTES) await this.flush();
  }

  private async flush(): Promise<void> {
    if (this.parts.length === 0) return;
    const chunk = this.parts.join("");
    this.parts = [];
    this.size = 0;
    if (!this.stream.write(chunk)) await once(this.stream, "drain");
  }

  /** Sends the rest and waits until the server has stored every row. */
  async close(): Promise<number> {
    await this.flush();
    this.stream.end();
    await finished(this.stream);
    return this.rows;
  }
}

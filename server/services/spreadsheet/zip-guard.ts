import "server-only";
import { inflateRawSync } from "node:zlib";
import { m } from "~/lib/server-message";

/**
 * Checks an .xlsx (a zip) before any XML is read: every entry's declared inflated size, their
 * sum, and then each entry's actual inflated size (inflated with a hard output cap, so a lying
 * header cannot make it grow). A zip bomb is refused here in well under a second and within
 * the cap's memory. Returns a message for the person who chose the file, or null when it is fine.
 */

/** Total inflated bytes a workbook may hold: a 250,000-row template is ≈ 80 MB of XML. */
export const MAX_INFLATED_BYTES = 200 * 1024 * 1024;
const MAX_ENTRIES = 2_000;

type Entry = { name: string; method: number; compressed: number; inflated: number; localOffset: number };

const tooBig = (fileName: string) =>
  m("spreadsheet.theWorkbookInflatesBeyondTheLimit", { fileName, maxMb: MAX_INFLATED_BYTES / 1024 / 1024 });
const broken = (fileName: string) => m("spreadsheet.cannotReadTheWorkbook", { fileName });

function centralDirectory(bytes: Buffer): Entry[] | null {
  // End of central directory: signature 0x06054b50 within the last 64 KiB + 22 bytes.
  const from = Math.max(0, bytes.length - 65_557);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const entries: Entry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLength = bytes.readUInt16LE(at + 28);
    const extra = bytes.readUInt16LE(at + 30);
    const comment = bytes.readUInt16LE(at + 32);
    entries.push({
      method: bytes.readUInt16LE(at + 10),
      compressed: bytes.readUInt32LE(at + 20),
      inflated: bytes.readUInt32LE(at + 24),
      localOffset: bytes.readUInt32LE(at + 42),
      name: bytes.toString("utf8", at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

export function checkZip(bytes: Buffer, fileName: string): string | null {
  const entries = centralDirectory(bytes);
  if (!entries || entries.length === 0) return broken(fileName);
  if (entries.length > MAX_ENTRIES) return tooBig(fileName);
  // 0xffffffff marks a zip64 size: no real workbook of ≤ 5 MB needs one.
  if (entries.some((e) => e.inflated === 0xffffffff || e.compressed === 0xffffffff)) return tooBig(fileName);
  const declared = entries.reduce((sum, e) => sum + e.inflated, 0);
  if (declared > MAX_INFLATED_BYTES) return tooBig(fileName);

  let actual = 0;
  for (const e of entries) {
    const at = e.localOffset;
    if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== 0x04034b50) return broken(fileName);
    const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
    const data = bytes.subarray(start, start + e.compressed);
    let size: number;
    if (e.method === 0) size = data.length;
    else if (e.method === 8) {
      try {
        // One byte more than declared: an entry that inflates beyond its header is refused.
        size = inflateRawSync(data, { maxOutputLength: Math.min(e.inflated + 1, MAX_INFLATED_BYTES - actual + 1) }).length;
      } catch (err) {
        return (err as { code?: string }).code === "ERR_BUFFER_TOO_LARGE" ? tooBig(fileName) : broken(fileName);
      }
    } else return broken(fileName);
    if (size !== e.inflated) return size > e.inflated ? tooBig(fileName) : broken(fileName);
    actual += size;
    if (actual > MAX_INFLATED_BYTES) return tooBig(fileName);
  }
  return null;
}

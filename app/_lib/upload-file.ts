/** The server's limit of an uploaded spreadsheet (server/services/spreadsheet/read-file.ts). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** A chosen file as the base64 the upload procedures take. */
export async function toBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  // In slices: spreading a 5 MB array into one call overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

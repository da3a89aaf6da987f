/** A file the person chose in the spreadsheet panel; `n` counts the choices (the same file chosen again is a new one). */
export type Chosen = { file: File; n: number };

/** What the upload button says while the import works: reading the file (the preview), or importing it. */
export type ImportBusy = "reading" | "importing" | null;

/** localStorage: the import job the person dismissed, not shown again on coming back. */
export const dismissedJobKey = "djzl.importJob.dismissed";

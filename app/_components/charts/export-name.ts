// File names for chart downloads live in server/lib (the .xlsx route uses them too).
export { asciiFileName, sanitiseFileName } from "~/lib/file-name";

// The one date format lives in lib/ (the server's messages use it too); pages keep importing it from here.
export { formatDate, formatDateTime, formatPercent } from "~/lib/format-date";

import { createLoader, createSerializer } from "nuqs/server";
import { parseAsPositiveId } from "~/app/_lib/url-params";

/** The roster page's unit in the URL: `/admin/officers?unit=`. */
export const officerRosterParsers = { unit: parseAsPositiveId };
export const loadOfficerRosterParams = createLoader(officerRosterParsers);
export const officerRosterHref = (unit: number | null) => createSerializer(officerRosterParsers)("/admin/officers", { unit });

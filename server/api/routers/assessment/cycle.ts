/** The cycle part of the `assessment` router (annual assessment), merged in ../assessment.ts: add procedures here. */
export const cycleProcedures = {};

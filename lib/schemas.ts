import { z } from "zod";
import { quarterPattern } from "~/lib/quarter";
import { m } from "~/lib/server-message";

/**
 * Input rules many areas share (pure, so forms can use them too). Messages as every server
 * message: Chinese first, the English in the closing parenthesis.
 */

/** The largest id a PostgreSQL `integer` column holds. */
export const maxId = 2_147_483_647;

/** The messages of an id named `zh` (e.g. 会议编号), with its English name `en` when the message gives one. */
function idMessages(zh: string, en: string) {
  const p = en ? `${en} ` : "";
  return {
    integer: m("schemas.mustBeAnInteger", { zh, p }),
    positive: m("schemas.mustBePositive", { zh, p }),
    range: m("schemas.outOfRange", { zh, p }),
  };
}

/** Integer, positive, within `integer` range. */
function idRules<T extends z.ZodNumber | z.ZodCoercedNumber>(base: T, zh: string, en: string): T {
  const m = idMessages(zh, en);
  // Each check returns its schema's own type; TypeScript sees the union's member, hence the cast.
  return base.int({ error: m.integer }).positive({ error: m.positive }).max(maxId, { error: m.range }) as T;
}

/** A row id given as a number. */
export const idSchema = (zh: string, en = "") => idRules(z.number({ error: idMessages(zh, en).integer }), zh, en);

/** A row id that may come as text (a URL, a form): "12" is read as 12. */
export const coercedIdSchema = (zh: string, en = "") => idRules(z.coerce.number({ error: idMessages(zh, en).integer }), zh, en);

/** The integer, sign and range checks of `unitIdSchema` on a base with its own message for a missing or non-number value. */
export const unitIdRules = <T extends z.ZodNumber | z.ZodCoercedNumber>(base: T) => idRules(base, "单位编号", "unitId");

export const unitIdSchema = coercedIdSchema("单位编号", "unitId");

export const quarterSchema = z
  .string({ error: m("schemas.quarterMustBeText") })
  .regex(quarterPattern, { error: m("schemas.quarterFormat") });

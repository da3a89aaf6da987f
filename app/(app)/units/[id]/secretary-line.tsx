import { getTranslations } from "next-intl/server";
import { Link } from "~/app/_components/ui/link";
import type { RouterOutputs } from "~/app/_lib/trpc/types";

/** The unit's secretary in post today (from the officers roster), linked to their record; “未登记” when none; nothing when the roster could not be read. */
export async function SecretaryLine({ roster }: { roster: RouterOutputs["officer"]["list"] | null }) {
  const t = await getTranslations("officers.unitHeader");
  if (!roster) return null;
  const secretary = roster.find((o) => o.current && o.post === "secretary");
  return (
    <div className="flex gap-1" data-testid="unit-secretary">
      <dt className="text-neutral-500">{t("secretary")}</dt>
      <dd>
        {secretary ? (
          <Link prefetch={false} href={`/officers/${secretary.id}`} className="text-party hover:underline">
            {secretary.name}
          </Link>
        ) : (
          <span className="text-neutral-500">{t("none")}</span>
        )}
      </dd>
    </div>
  );
}

import { getTranslations } from "next-intl/server";
import { Link } from "~/app/_components/ui/link";
import type { RouterOutputs } from "~/app/_lib/trpc/types";
import type { UnitType } from "~/lib/codes";
import { SecretaryLine } from "./secretary-line";
import { parentOf } from "./unit-data";

type Node = { id: number; parentId: number | null; name: string; type: string; memberCount: number };

/** Name, type, parent and the trail up to the reader's own unit; links to the dashboards of this subtree. */
export async function UnitHeader(props: {
  unit: Node;
  subunits: Node[];
  breadcrumb: { id: number; name: string }[] | undefined;
  roster: RouterOutputs["officer"]["list"] | null;
}) {
  const t = await getTranslations("unitPage");
  const tt = await getTranslations("adminUnits.types");
  const tabs = await getTranslations("dashboardTabs");
  const { unit } = props;
  const parent = props.breadcrumb ? parentOf(props.breadcrumb, unit.id) : null;
  const q = `?unit=${unit.id}`;
  return (
    <header className="space-y-2 rounded border border-neutral-200 bg-white px-4 py-3" data-testid="unit-header">
      {props.breadcrumb && props.breadcrumb.length > 1 ? (
        <nav aria-label={t("parent")}>
          <ol className="flex flex-wrap items-center gap-1 text-xs text-neutral-600">
            {props.breadcrumb.map((b, i) => (
              <li key={b.id} className="flex items-center gap-1">
                {i > 0 ? (
                  <span aria-hidden className="text-neutral-400">
                    ›
                  </span>
                ) : null}
                {b.id === unit.id ? (
                  <span aria-current="page">{b.name}</span>
                ) : (
                  <Link href={`/units/${b.id}`} className="text-party hover:underline">
                    {b.name}
                  </Link>
                )}
              </li>
            ))}
          </ol>
        </nav>
      ) : null}
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <h1 className="text-lg font-semibold">{unit.name}</h1>
        <dl className="flex flex-wrap gap-x-4 text-sm text-neutral-700">
          <div className="flex gap-1">
            <dt className="text-neutral-500">{t("type")}</dt>
            <dd>{tt(unit.type as UnitType)}</dd>
          </div>
          <div className="flex gap-1">
            <dt className="text-neutral-500">{t("parent")}</dt>
            <dd>
              {parent ? (
                <Link href={`/units/${parent.id}`} className="text-party hover:underline" data-testid="unit-parent">
                  {parent.name}
                </Link>
              ) : (
                t("none")
              )}
            </dd>
          </div>
          <div className="flex gap-1">
            <dt className="text-neutral-500">{t("members")}</dt>
            <dd className="num">{unit.memberCount}</dd>
          </div>
          <SecretaryLine roster={props.roster} />
        </dl>
        <nav className="ml-auto flex flex-wrap gap-3 text-sm" aria-label={tabs("label")}>
          <Link href={`/dashboard${q}`} className="text-party hover:underline">
            {t("toDashboard")}
          </Link>
          {props.subunits.length ? (
            <Link href={`/dashboard/quadrant${q}`} className="text-party hover:underline">
              {t("toQuadrant")}
            </Link>
          ) : null}
          <Link href={`/dashboard/meetings${q}`} className="text-party hover:underline">
            {t("toMeetings")}
          </Link>
        </nav>
      </div>
      {props.subunits.length ? (
        <div className="text-sm">
          <span className="mr-2 text-neutral-500">{t("childrenTitle", { count: props.subunits.length })}</span>
          <ul className="inline">
            {props.subunits.map((c, i) => (
              <li key={c.id} className="inline">
                {i > 0 ? <span className="text-neutral-300"> · </span> : null}
                <Link href={`/units/${c.id}`} className="text-party hover:underline">
                  {c.name}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </header>
  );
}

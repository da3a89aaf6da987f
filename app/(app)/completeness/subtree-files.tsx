import { useTranslations } from "next-intl";
import { addQuarters } from "~/lib/quarter";

/** Admins: one template or one export for the whole subtree shown (many units' reports in one file). */
export function SubtreeFiles({ unitId, quarter, running }: { unitId: number; quarter: string; running: string }) {
  const t = useTranslations("spreadsheet");
  const exportHref = `/api/export/reports?unit=${unitId}&from=${addQuarters(running, -7)}&to=${running}&format=xlsx`;
  return (
    <p className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-neutral-600" data-testid="subtree-files">
      <span>{t("subtreeTitle")}：</span>
      <a className="text-party hover:underline" href={`/api/export/template?unit=${unitId}&quarter=${quarter}&subtree=1`} download>
        {t("subtreeTemplate")}
      </a>
      <a className="text-party hover:underline" href={exportHref} download>
        {t("subtreeExport")}
      </a>
    </p>
  );
}

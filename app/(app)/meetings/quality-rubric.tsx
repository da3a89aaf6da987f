"use client";

import { useTranslations } from "next-intl";
import { formatScore } from "~/app/_lib/categories";
import { lifeMeetings, meetingQuality, qualityRubric, type MeetingFacts } from "~/lib/scoring/meeting-quality";

const parts = ["attendance", "preparation", "criticism", "rectification", "minutes"] as const;

/** The rubric beside the form, with the score of what has been typed so far (same function as the server). */
export function QualityRubric({ facts }: { facts: MeetingFacts }) {
  const t = useTranslations("meetings.rubric");
  const q = meetingQuality(facts);
  const life = lifeMeetings.includes(facts.type);
  const r = qualityRubric;
  const rule: Record<(typeof parts)[number], string> = {
    attendance: t("rules.attendance"),
    preparation: t("rules.preparation"),
    criticism: t("rules.criticism", { target: life ? r.criticism.perParticipant.life : r.criticism.perParticipant.other }),
    rectification: t("rules.rectification", { target: life ? r.rectification.target.life : r.rectification.target.other }),
    minutes: t("rules.minutes", { target: r.minutes.targetChars }),
  };
  return (
    <aside aria-labelledby="rubric-title" className="rounded border border-neutral-200 bg-neutral-50 p-3 text-sm" data-testid="rubric">
      <h3 id="rubric-title" className="font-semibold">
        {t("title")}
      </h3>
      <ul className="mt-2 space-y-2">
        {parts.map((p) => (
          <li key={p} data-part={p}>
            <div className="flex justify-between gap-2">
              <span>{t(`parts.${p}`)}</span>
              <span className="num">
                {formatScore(q[p])} / {r[p].points}
              </span>
            </div>
            <div className="mt-0.5 h-1.5 rounded bg-neutral-200" aria-hidden>
              <div className="h-1.5 rounded bg-party" style={{ width: `${(q[p] / r[p].points) * 100}%` }} />
            </div>
            <p className="mt-0.5 text-xs text-neutral-500">{rule[p]}</p>
          </li>
        ))}
      </ul>
      <div className="mt-3 flex items-baseline justify-between border-t border-neutral-200 pt-2">
        <span className="font-medium">{t("total")}</span>
        <output className="num text-2xl font-semibold text-party" data-testid="rubric-total">
          {formatScore(q.total)}
        </output>
      </div>
      {life ? <p className="mt-2 text-xs text-neutral-500">{t("lifeNote")}</p> : null}
    </aside>
  );
}

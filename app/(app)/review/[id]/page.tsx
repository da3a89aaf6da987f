import { getTranslations } from "next-intl/server";
import { Notice } from "~/app/_components/ui/notice";
import { ClientMessages } from "~/app/_lib/client-messages";
import { readForPage } from "~/app/_lib/trpc/page-read";
import { ReviewMeetingClient } from "./client";
import { MeetingFacts } from "./facts";
import { reviewMeetingId } from "./meeting-id";

/** One review meeting: its agenda (editable until it closes), start, presentation, close, minutes. Rendered from `review.get` on the server. */
export default async function ReviewMeetingPage({ params }: { params: Promise<{ id: string }> }) {
  const id = await reviewMeetingId(params);
  const got = await readForPage((api) => api.review.get({ id }));
  const t = await getTranslations();
  return (
    <ClientMessages entry="(app)/review/[id]/page">
      {got.ok ? (
        <ReviewMeetingClient meeting={got.data}>
          <MeetingFacts meeting={got.data} />
        </ReviewMeetingClient>
      ) : (
        <Notice tone="error">{t("common.error", { message: got.message })}</Notice>
      )}
    </ClientMessages>
  );
}

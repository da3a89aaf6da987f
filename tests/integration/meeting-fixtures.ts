import { eq } from "drizzle-orm";
import type { Db } from "~/db/client";
import { units } from "~/db/schema";
import type { MeetingInput } from "~/server/services/meeting/schemas";
import { refreshUnitRollups } from "~/server/services/rollup/tree-counts";
import { createUnit } from "../factories";

/** A valid meeting of `unitId`; minutes are short (under 30 characters) so they are never compared. */
export function meetingInput(unitId: number, over: Partial<MeetingInput> = {}): MeetingInput {
  return {
    unitId,
    type: "group",
    date: "2025-02-10",
    expected: 10,
    present: 9,
    topic: "学习党的二十届四中全会精神",
    solicitedOpinions: true,
    criticalOpinions: 2,
    rectificationItems: 1,
    minutes: "传达学习文件，党员交流体会。",
    ...over,
  };
}

/** Sets a unit's member count directly, and its kind in the meeting-quality rollups as unit.update would. */
export async function setMembers(db: Db, unitId: number, memberCount: number) {
  await db.update(units).set({ memberCount }).where(eq(units.id, unitId));
  await db.transaction((tx) => refreshUnitRollups(tx, [unitId], { meetings: true }));
}

/** A new 党支部 of ten members under `parent`, for a test that needs a unit with no meetings yet. */
export async function freshBranch(db: Db, name: string, parent: { id: number; path: string; depth: number }) {
  const unit = await createUnit(db, { name, parent });
  await setMembers(db, unit.id, 10);
  return unit;
}

/** Three unrelated passages of real-sounding minutes (each well over 30 characters). */
export const minutesTexts = {
  budget:
    "会议由支部书记主持，传达学习了上级关于加强预算绩效管理的文件精神。书记结合本科室年度预算编制工作，指出部分项目绩效目标设置不够具体、评价结果运用不充分等问题。与会党员逐一发言，围绕如何在业务工作中体现党员担当进行了讨论，提出要把党建工作与预算审核同部署、同检查。会议确定三项整改措施，明确责任人和完成时限。",
  lifeMeeting:
    "本次组织生活会会前，支部通过谈心谈话和发放征求意见表共收集意见建议十二条。会上，支部书记代表支委会作对照检查，班子成员逐一开展批评和自我批评。党员同志们指出书记在理论学习上抓得不够紧、联系服务群众不够主动，书记当场表示诚恳接受。会议形成整改清单，共五项，逐项明确了整改时限。",
  lecture:
    "支部书记以“发扬斗争精神、增强斗争本领”为题讲授专题党课。党课回顾了党的百年奋斗历程中的重大斗争，结合执法一线面临的新情况新问题，要求党员在急难险重任务面前站得出来、顶得上去。课后，三名青年党员分享了学习体会，大家一致认为要把学习成果转化为推动执法规范化建设的实际行动。",
  inspection:
    "会议听取了关于上半年市场主体登记注册业务抽查情况的通报，分析了窗口服务中群众反映集中的排队时间长、材料反复补正等问题。支委会研究决定在窗口设立党员先锋岗，由党员骨干轮流值守，推行一次性告知和容缺受理。会议还讨论了下半年发展党员计划，同意将两名入党积极分子列为发展对象。",
  volunteer:
    "支部组织党员到结对社区开展“我为群众办实事”志愿服务，为老年居民讲解医保报销政策、帮助办理线上业务。活动结束后召开小结会，大家谈到群众最关心的是看病报销和子女入学问题，建议把志愿服务常态化，每月固定一天进社区，并建立服务台账。",
};

/** A near-copy: the same minutes with a few words changed (as copied minutes usually are). */
export const nearCopy = (text: string) => text.replace("会议", "本次会议").replace("三项", "四项").replace("讨论", "深入讨论");

import type { CategoryCode } from "~/lib/codes";

/** One colour per problem category everywhere (Okabe–Ito palette; always shown with a label). */
export const categoryColors: Record<CategoryCode, string> = {
  leadership: "#0072B2",
  vanguard: "#E69F00",
  inner_life: "#009E73",
  two_skins: "#CC79A7",
  methods: "#56B4E9",
  responsibility: "#D55E00",
};

/** The Party-building series colour (党建红). */
export const partyRed = "#B71C1C";

export const formatScore = (n: number | null | undefined) => (n === null || n === undefined ? "—" : n.toFixed(1));

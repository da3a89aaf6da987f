import type { Grade } from "~/lib/codes";

/** Tailwind tones of a grade's badge: 好 green, 较好 blue, 一般 amber, 差 red (the word is always shown too). */
export const gradeTone: Record<Grade, string> = {
  good: "border-green-300 bg-green-50 text-green-800",
  fairly_good: "border-blue-300 bg-blue-50 text-blue-800",
  average: "border-amber-300 bg-amber-50 text-amber-800",
  poor: "border-red-300 bg-red-50 text-red-800",
};

/** The six problem categories of “重业务轻党建”. */
export const categoryCodes = [
  "leadership", // “一把手”政绩观偏差、领导不重视党建
  "vanguard", // 党员先锋模范作用发挥不明显
  "inner_life", // 党内政治生活庸俗化、组织生活形式化
  "two_skins", // 党建与业务“两张皮”
  "methods", // 党建手段单一、方法陈旧
  "responsibility", // 党建责任制落实不到位、考核激励不足
] as const;
export type CategoryCode = (typeof categoryCodes)[number];

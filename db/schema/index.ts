export * from "./units";
export * from "./users";
export * from "./categories";
export * from "./indicators";
export * from "./reports";
export * from "./report-values";
export * from "./audit-log";

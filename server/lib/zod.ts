import { z } from "zod";

// Validation messages in Simplified Chinese first (the UI's default language).
z.config(z.locales.zhCN());

export { z };

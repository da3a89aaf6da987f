/** `%`, `_` and `\` made literal for a SQL LIKE pattern (PostgreSQL's default escape is `\`). */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

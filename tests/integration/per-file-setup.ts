import { beforeAll } from "vitest";
import { forgetRefusalBudget } from "~/server/api/refusal-audit";
import { forgetDecodedTokens } from "~/server/auth/session-token";
import { forgetSnapshotMemo } from "~/server/lib/snapshot-memo";

/**
 * Before each file of the shared-module project (vitest.config.ts): the process-wide state a file
 * before it in the same worker may have left. Every file's database starts from the same template,
 * so its users have the same ids as the last file's — a refusal budget or a remembered answer
 * keyed by a user id would otherwise carry over.
 */
beforeAll(() => {
  forgetRefusalBudget();
  forgetDecodedTokens();
  forgetSnapshotMemo();
});

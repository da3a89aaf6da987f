-- The audit log is append-only: refuse UPDATE and DELETE whatever the caller.
CREATE OR REPLACE FUNCTION audit_log_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only (审计日志只能追加)' USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_refuse_change();
--> statement-breakpoint
-- Normalise one indicator value to 0–100 (DESIGN.md "Scoring"). The TypeScript twin is
-- lib/scoring/normalise.ts; tests/integration/dashboard.test.ts ("computes, in SQL, the same
-- scores as the TypeScript scoring rules") keeps them equal.
--   boolean: 1 → 100, 0 → 0
--   higher is better: min(100, value / target × 100); target ≤ 0 → 100
--   lower is better:  value ≤ target → 100, else 100 × (1 + target) / (1 + value)
CREATE OR REPLACE FUNCTION indicator_score(kind text, direction text, target double precision, val double precision)
RETURNS double precision
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN val IS NULL THEN NULL
    WHEN kind = 'boolean' THEN CASE WHEN val >= 1 THEN 100.0 ELSE 0.0 END
    WHEN direction = 'lower' THEN
      CASE WHEN val <= target THEN 100.0 ELSE 100.0 * (1 + target) / (1 + val) END
    WHEN target <= 0 THEN 100.0
    ELSE LEAST(100.0, GREATEST(0.0, val / target * 100.0))
  END
$$;

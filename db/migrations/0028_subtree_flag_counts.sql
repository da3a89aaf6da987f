-- The formalism flags counted per subtree root, quarter and kind (issue 16): what
-- `dashboard.meetingQuality`'s flagCounts reads for a caller who reads the whole subtree, kept
-- like the other subtree rollups by the writers (server/services/rollup/flag-counts.ts; the rules'
-- one home is server/services/meeting/flags.ts). Backfilled here from the rules as they are at
-- this migration — each unit's flags added to itself and every ancestor (the ids of its path);
-- `rebuildCountRollups` (the seeds) recomputes it from the app's own query.
CREATE TABLE "subtree_flag_counts" (
	"root_unit_id" integer NOT NULL,
	"quarter" text NOT NULL,
	"kind" text NOT NULL,
	"flags" integer NOT NULL,
	CONSTRAINT "subtree_flag_counts_root_unit_id_quarter_kind_pk" PRIMARY KEY("root_unit_id","quarter","kind")
);
--> statement-breakpoint
INSERT INTO "subtree_flag_counts" ("root_unit_id", "quarter", "kind", "flags")
SELECT a.id::int, f.quarter, f.kind, sum(f.n)
FROM (
	SELECT m.unit_id, m.quarter, 'zero_criticism' AS kind, count(*) AS n FROM meetings m
	 WHERE m.type IN ('org_life', 'democratic_life') AND m.critical_opinions = 0 GROUP BY 1, 2
	UNION ALL
	SELECT m.unit_id, m.quarter, 'low_attendance', count(*) FROM meetings m
	 WHERE m.present * 3 < m.expected * 2 GROUP BY 1, 2
	UNION ALL
	SELECT m.unit_id, m.quarter, 'copied_minutes', count(*) FROM meetings m
	 WHERE m.copied_from_id IS NOT NULL GROUP BY 1, 2
	UNION ALL
	SELECT b.unit_id, b.quarter, 'quarter_end_bunching', count(*) FROM (
		SELECT m.unit_id, m.quarter FROM meetings m
		 WHERE m.date >= (date_trunc('quarter', m.date::timestamp) + interval '3 months')::date - 10
		 GROUP BY m.unit_id, m.quarter
		HAVING count(*) >= 3
		   AND NOT EXISTS (SELECT 1 FROM meetings e
		                    WHERE e.unit_id = m.unit_id AND e.date >= date_trunc('quarter', min(m.date)::timestamp)::date
		                      AND e.date < (date_trunc('quarter', min(m.date)::timestamp) + interval '3 months')::date - 10)
	) b GROUP BY 1, 2
	UNION ALL
	SELECT d.unit_id, d.year || 'Q4', 'copied_duty_report', count(*) FROM duty_reports d
	 WHERE d.copied_from_id IS NOT NULL GROUP BY 1, 2
) f
JOIN units u ON u.id = f.unit_id
CROSS JOIN LATERAL unnest(string_to_array(trim(BOTH '/' FROM u.path), '/')) AS a(id)
GROUP BY a.id, f.quarter, f.kind;

"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useMemo, useRef, useState } from "react";
import { useTRPC } from "~/app/_lib/trpc/react";
import type { RouterOutputs } from "~/app/_lib/trpc/types";

type TreeNode = RouterOutputs["unit"]["tree"][number];

/** A row of the browsed tree as the picker draws it. */
export type TreeRow = TreeNode & { level: number; expanded: boolean; loading: boolean; ancestors: string[] };

/**
 * The organisation tree loaded one level at a time (`unit.tree({rootId, depth: 1})`, cached by
 * React Query): nothing is fetched until the picker opens, then the top unit and its children;
 * each expand fetches that unit's children only — so 10,000 units never travel at once.
 */
export function useLazyTree(rootId: number | undefined) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [nodes, setNodes] = useState(() => new Map<number, TreeNode>());
  const [children, setChildren] = useState(() => new Map<number, number[]>());
  const [top, setTop] = useState<number | null>(null);
  const [expanded, setExpanded] = useState(() => new Set<number>());
  const [loading, setLoading] = useState(() => new Set<number>());
  const [error, setError] = useState<unknown>(null);
  const started = useRef(false);

  const loadLevel = useCallback(
    async (id: number | undefined) => {
      const rows = await queryClient.fetchQuery(trpc.unit.tree.queryOptions(id === undefined ? { depth: 1 } : { rootId: id, depth: 1 }));
      const [head, ...kids] = rows;
      if (!head) return null;
      setNodes((m) => new Map([...m, ...rows.map((r) => [r.id, r] as const)]));
      setChildren((m) =>
        new Map(m).set(
          head.id,
          kids.filter((k) => k.parentId === head.id).map((k) => k.id),
        ),
      );
      return head;
    },
    [queryClient, trpc],
  );

  /** Loads the top and its children the first time the picker opens. */
  const start = useCallback(() => {
    if (started.current) return;
    started.current = true;
    setError(null);
    loadLevel(rootId)
      .then((head) => {
        if (!head) return;
        setTop(head.id);
        setExpanded(new Set([head.id]));
      })
      .catch((err: unknown) => {
        started.current = false;
        setError(err);
      });
  }, [loadLevel, rootId]);

  const toggle = useCallback(
    (id: number, open?: boolean) => {
      const isOpen = expanded.has(id);
      const want = open ?? !isOpen;
      if (want === isOpen) return;
      setExpanded((s) => {
        const next = new Set(s);
        if (want) next.add(id);
        else next.delete(id);
        return next;
      });
      if (want && !children.has(id)) {
        setLoading((s) => new Set(s).add(id));
        loadLevel(id)
          .catch(setError)
          .finally(() =>
            setLoading((s) => {
              const next = new Set(s);
              next.delete(id);
              return next;
            }),
          );
      }
    },
    [children, expanded, loadLevel],
  );

  /** The visible rows, depth first: each unit right under its parent. */
  const rows = useMemo(() => {
    const out: TreeRow[] = [];
    const walk = (id: number, level: number, ancestors: string[]) => {
      const node = nodes.get(id);
      if (!node) return;
      const isOpen = expanded.has(id);
      out.push({ ...node, level, expanded: isOpen && node.hasChildren, loading: loading.has(id), ancestors });
      if (isOpen) for (const child of children.get(id) ?? []) walk(child, level + 1, [...ancestors, node.name]);
    };
    if (top !== null) walk(top, 1, []);
    return out;
  }, [nodes, children, expanded, loading, top]);

  return { rows, start, toggle, ready: top !== null, error };
}

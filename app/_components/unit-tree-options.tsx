/** A unit as `unit.tree` returns it (the fields the options need). */
type TreeUnit = { id: number; name: string; depth: number };

/**
 * The `<option>`s of a unit select: the tree in order, each name indented by its depth below
 * the first unit listed (or `topDepth`). `keep` adds the selected unit when the tree does not hold it (still
 * loading, or a unit reached by a shared link), so the select never shows a wrong value.
 */
export function UnitTreeOptions(props: {
  units: readonly TreeUnit[] | undefined;
  keep?: { id: number; name?: string };
  /** The depth that gets no indent, when the list is a filtered part of the tree. */
  topDepth?: number;
  /** Units listed (so that the tree keeps its shape) but not choosable. */
  disabled?: (unit: TreeUnit) => boolean;
}) {
  const list = props.units ?? [];
  const { keep } = props;
  const top = props.topDepth ?? list[0]?.depth ?? 0;
  return (
    <>
      {list.map((u) => (
        <option key={u.id} value={u.id} disabled={props.disabled?.(u)}>
          {"\u3000".repeat(Math.max(0, u.depth - top))}
          {u.name}
        </option>
      ))}
      {keep && !list.some((u) => u.id === keep.id) ? <option value={keep.id}>{keep.name ?? keep.id}</option> : null}
    </>
  );
}

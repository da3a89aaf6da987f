import { formatCell, type ChartData } from "./chart-data";

/**
 * A chart's text alternative, generated from the rows it draws. Text columns left, numbers
 * right-aligned; with `onSelect`, each row's first cell is a button (drill down by keyboard).
 */
export function DataTable({
  data,
  onSelect,
  selectLabel,
}: {
  data: ChartData;
  onSelect?: (index: number) => void;
  selectLabel?: (index: number) => string;
}) {
  const numeric = data.columns.map((c) => data.rows.some((r) => typeof r[c.key] === "number"));
  return (
    <table className="w-full text-sm">
      <thead>
        <tr className="text-left text-xs text-neutral-500">
          {data.columns.map((c, i) => (
            <th key={c.key} scope="col" className={`py-1 pr-2 font-normal ${numeric[i] ? "num" : ""}`}>
              {c.label}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {data.rows.map((row, r) => (
          <tr key={r} className="border-t border-neutral-100">
            {data.columns.map((c, i) => {
              const text = formatCell(row[c.key], c);
              return (
                <td key={c.key} className={`py-1 pr-2 ${numeric[i] ? "num" : ""}`}>
                  {i === 0 && onSelect ? (
                    <button
                      type="button"
                      className="text-left text-party hover:underline"
                      aria-label={selectLabel?.(r)}
                      onClick={() => onSelect(r)}
                    >
                      {text}
                    </button>
                  ) : (
                    text
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

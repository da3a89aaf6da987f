import { formatCell, type ChartData } from "./chart-data";
import { Table, TBody, TD, TH, THead, TR } from "~/app/_components/ui/table";

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
    <Table>
      <THead>
        <TR className="text-left text-xs text-neutral-500">
          {data.columns.map((c, i) => (
            <TH key={c.key} scope="col" className={`py-1 pr-2 font-normal ${numeric[i] ? "num" : ""}`}>
              {c.label}
            </TH>
          ))}
        </TR>
      </THead>
      <TBody>
        {data.rows.map((row, r) => (
          <TR key={r} className="border-t border-neutral-100">
            {data.columns.map((c, i) => {
              const text = formatCell(row[c.key], c);
              return (
                <TD key={c.key} className={`py-1 pr-2 ${numeric[i] ? "num" : ""}`}>
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
                </TD>
              );
            })}
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

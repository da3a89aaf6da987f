import { Card, CardHeader } from "~/app/_components/ui/card";

/**
 * A chart card: title, the chart, and its data as a table (the chart's text alternative,
 * folded away by default).
 */
export function ChartFrame(props: {
  title: string;
  description?: string;
  tableLabel: string;
  table: React.ReactNode;
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <Card data-testid={props.testId}>
      <CardHeader title={props.title} description={props.description} />
      <div className="px-2 py-3">{props.children}</div>
      <details className="border-t border-neutral-100 px-4 py-2 text-sm">
        <summary className="cursor-pointer text-neutral-600">{props.tableLabel}</summary>
        <div className="mt-2 overflow-x-auto">{props.table}</div>
      </details>
    </Card>
  );
}

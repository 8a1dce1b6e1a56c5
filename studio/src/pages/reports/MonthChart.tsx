/** Complaints per month as SVG columns, each with its count above it and its month below. */

const WIDTH = 560;
const HEIGHT = 220;
const BOTTOM = 24;
const TOP = 20;

export function MonthChart({
  title,
  months,
  monthLabel,
  testId,
}: {
  title: string;
  months: { month: string; count: number }[];
  /** "2026-03" → "3月". */
  monthLabel: (month: string) => string;
  testId?: string;
}) {
  const top = Math.max(1, ...months.map((m) => m.count));
  const slot = WIDTH / Math.max(1, months.length);
  const column = Math.min(32, slot * 0.6);
  const span = HEIGHT - BOTTOM - TOP;
  const summary = months.map((m) => `${monthLabel(m.month)} ${m.count}`).join('，');
  return (
    <figure className="reports-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${title}：${summary}`}>
        <line
          className="reports-axis"
          x1={0}
          x2={WIDTH}
          y1={HEIGHT - BOTTOM}
          y2={HEIGHT - BOTTOM}
        />
        {months.map((m, i) => {
          const height = (m.count / top) * span;
          const x = i * slot + (slot - column) / 2;
          return (
            <g key={m.month}>
              <title>{`${monthLabel(m.month)}: ${m.count}`}</title>
              <rect
                className="reports-bar"
                x={x}
                y={HEIGHT - BOTTOM - height}
                width={column}
                height={height}
                rx={2}
              />
              <text
                className="reports-value"
                x={x + column / 2}
                y={HEIGHT - BOTTOM - height - 5}
                textAnchor="middle"
              >
                {m.count}
              </text>
              <text x={x + column / 2} y={HEIGHT - 6} textAnchor="middle">
                {monthLabel(m.month)}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

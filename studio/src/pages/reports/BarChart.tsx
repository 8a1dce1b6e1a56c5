/** Horizontal bars drawn as SVG: one row per item, its label on the left and its value after the bar. */

export type Bar = { key: string; label: string; value: number; text: string };

const WIDTH = 560;
const ROW = 30;
const LABEL = 140;
const VALUE = 170;

/** The label cut to fit `room` pixels at 13px: CJK characters are about 13px wide, others about 7.5px. */
export function fitLabel(text: string, room = LABEL - 12): string {
  const width = (c: string) => (/[\u2e80-\uffef]/.test(c) ? 13 : 7.5);
  let used = 0;
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    used += width(chars[i]!);
    if (used > room) return `${chars.slice(0, Math.max(1, i - 1)).join('')}…`;
  }
  return text;
}

export function BarChart({
  title,
  bars,
  max,
  testId,
}: {
  title: string;
  bars: Bar[];
  /** The value a full-width bar stands for (default: the largest value). */
  max?: number;
  testId?: string;
}) {
  const top = Math.max(max ?? 0, ...bars.map((bar) => bar.value), 1);
  const span = WIDTH - LABEL - VALUE;
  const height = bars.length * ROW + 8;
  const summary = bars.map((bar) => `${bar.label} ${bar.text}`).join('，');
  return (
    <figure className="reports-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={`${title}：${summary}`}>
        {bars.map((bar, i) => {
          const length = bar.value > 0 ? Math.max(2, (bar.value / top) * span) : 0;
          return (
            <g key={bar.key} transform={`translate(0 ${i * ROW + 4})`}>
              <title>{`${bar.label}: ${bar.text}`}</title>
              <text x={LABEL - 8} y={ROW / 2} textAnchor="end" dominantBaseline="middle">
                {fitLabel(bar.label)}
              </text>
              <rect
                className="reports-track"
                x={LABEL}
                y={5}
                width={span}
                height={ROW - 10}
                rx={3}
              />
              <rect
                className="reports-bar"
                x={LABEL}
                y={5}
                width={length}
                height={ROW - 10}
                rx={3}
              />
              <text
                className="reports-value"
                x={LABEL + span + 8}
                y={ROW / 2}
                dominantBaseline="middle"
              >
                {bar.text}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}

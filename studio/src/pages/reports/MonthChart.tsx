/**
 * Complaints per month as SVG columns, each with its count above it and its month below; with
 * series (the values of one category dimension), each column is stacked by value, with a legend.
 */

import type { ReactNode } from 'react';

const WIDTH = 560;
const HEIGHT = 220;
const BOTTOM = 24;
const TOP = 20;
const COLOURS = 8;

export type MonthSeries = { key: string; label: string; counts: Record<string, number> };

export function MonthChart({
  title,
  months,
  series = [],
  monthLabel,
  testId,
  children,
}: {
  title: string;
  months: { month: string; count: number }[];
  series?: MonthSeries[];
  /** "2026-03" → "3月". */
  monthLabel: (month: string) => string;
  testId?: string;
  /** Controls shown under the caption (the breakdown picker). */
  children?: ReactNode;
}) {
  const top = Math.max(1, ...months.map((m) => m.count));
  const slot = WIDTH / Math.max(1, months.length);
  const column = Math.min(32, slot * 0.6);
  const span = HEIGHT - BOTTOM - TOP;
  const summary = months.map((m) => `${monthLabel(m.month)} ${m.count}`).join('，');
  const parts = (month: string, count: number) =>
    series.length === 0
      ? [{ key: 'all', index: -1, value: count }]
      : series.map((s, index) => ({ key: s.key, index, value: s.counts[month] ?? 0 }));
  return (
    <figure className="reports-chart" data-testid={testId}>
      <figcaption>{title}</figcaption>
      {children}
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${title}：${summary}`}>
        <line
          className="reports-axis"
          x1={0}
          x2={WIDTH}
          y1={HEIGHT - BOTTOM}
          y2={HEIGHT - BOTTOM}
        />
        {months.map((m, i) => {
          const x = i * slot + (slot - column) / 2;
          let base = HEIGHT - BOTTOM;
          const height = (m.count / top) * span;
          return (
            <g key={m.month}>
              <title>{`${monthLabel(m.month)}: ${m.count}`}</title>
              {parts(m.month, m.count).map((part) => {
                const h = (part.value / top) * span;
                base -= h;
                return (
                  <rect
                    key={part.key}
                    className={
                      part.index < 0
                        ? 'reports-bar'
                        : `reports-segment reports-series-${part.index % COLOURS}`
                    }
                    x={x}
                    y={base}
                    width={column}
                    height={h}
                  />
                );
              })}
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
      {series.length > 0 && (
        <ul className="reports-legend">
          {series.map((s, index) => (
            <li key={s.key}>
              <span className={`reports-swatch reports-series-${index % COLOURS}`} />
              {s.label}
            </li>
          ))}
        </ul>
      )}
    </figure>
  );
}

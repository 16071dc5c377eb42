'use client';
/**
 * Legible axis ticks (16px), wrapped to the lines the chart made room for; only past those does a
 * label end in an ellipsis (the full label is in the tooltip and the table).
 */
import { Text, type BaseTickContentProps } from 'recharts';
import { CHART_FONT_SIZE, CHART_TEXT_FILL } from './chart-parts';

/**
 * A category tick: the label wrapped to the room it has, the overflow replaced by "…".
 * `y`: left of a bar; `x`: under a column (two lines); `above`: over a bar, on narrow screens.
 */
export function CategoryTick({
  x,
  y,
  label,
  axis,
  room,
  lines = 2,
}: Pick<BaseTickContentProps, 'x' | 'y'> & {
  label: string;
  axis: 'x' | 'y' | 'above';
  room: number;
  lines?: number;
}) {
  const anchors = {
    y: { textAnchor: 'end', verticalAnchor: 'middle' },
    x: { textAnchor: 'middle', verticalAnchor: 'start' },
    above: { textAnchor: 'start', verticalAnchor: 'end' },
  } as const;
  return (
    <Text
      x={x}
      y={y}
      width={Math.max(room, CHART_FONT_SIZE * 2)}
      maxLines={lines}
      {...anchors[axis]}
      fill={CHART_TEXT_FILL}
      style={{ fontSize: CHART_FONT_SIZE }}
      className="chart-tick"
    >
      {label}
    </Text>
  );
}

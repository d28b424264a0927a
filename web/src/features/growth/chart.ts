/** Where a skill's ratings go on its chart (pure geometry, in pixels of an SVG of the given size), and what it says in words. */

import { formatDate } from '../../shared/time';

const DAY_MS = 86_400_000;
/** A chart shorter than this is widened around its middle, so one rating or one busy day still reads as a point in time. */
const MIN_SPAN_MS = 14 * DAY_MS;
export const MARGIN = { left: 28, right: 16, top: 12, bottom: 28 } as const;

export interface ChartRating {
  id: string;
  source: 'self' | 'feedback';
  rating: number;
  ratedAt: string;
}

export interface PlottedRating extends ChartRating {
  x: number;
  y: number;
}

export interface ChartGeometry {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  self: PlottedRating[];
  others: PlottedRating[];
  /** The y of each scale value, 1 to 5. */
  levels: { value: number; y: number }[];
  /** Evenly spaced instants along the time axis, as many as fit. */
  ticks: { at: number; x: number }[];
}

const round = (n: number) => Math.round(n * 10) / 10;

export function chartGeometry(ratings: readonly ChartRating[], width: number, height: number): ChartGeometry {
  const left = MARGIN.left;
  const right = width - MARGIN.right;
  const top = MARGIN.top;
  const bottom = height - MARGIN.bottom;
  const times = ratings.map((r) => Date.parse(r.ratedAt));
  let min = Math.min(...times);
  let max = Math.max(...times);
  if (max - min < MIN_SPAN_MS) {
    const middle = (min + max) / 2;
    min = middle - MIN_SPAN_MS / 2;
    max = middle + MIN_SPAN_MS / 2;
  }
  const x = (t: number) => round(left + ((t - min) / (max - min)) * (right - left));
  const y = (rating: number) => round(bottom - ((rating - 1) / 4) * (bottom - top));
  const plotted = ratings.map((r) => ({ ...r, x: x(Date.parse(r.ratedAt)), y: y(r.rating) }));
  // About one date label per 120 pixels, never fewer than the two ends.
  const count = Math.max(2, Math.min(6, Math.floor((right - left) / 120) + 1));
  return {
    width,
    height,
    left,
    right,
    top,
    bottom,
    self: plotted.filter((p) => p.source === 'self'),
    others: plotted.filter((p) => p.source === 'feedback'),
    levels: [1, 2, 3, 4, 5].map((value) => ({ value, y: y(value) })),
    ticks: Array.from({ length: count }, (_, i) => {
      const at = min + ((max - min) * i) / (count - 1);
      return { at, x: x(at) };
    }),
  };
}

/** An SVG path through the points in time order. */
export function linePath(points: readonly { x: number; y: number }[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join(' ');
}

/** One line of text saying what the chart shows, for those who cannot see it. */
export function chartSummary(ratings: readonly ChartRating[], timeZone: string, locale?: string): string {
  const self = ratings.filter((r) => r.source === 'self');
  const others = ratings.filter((r) => r.source === 'feedback');
  const parts: string[] = [];
  if (self.length > 0) {
    parts.push(`${self.length} self-rating${self.length === 1 ? '' : 's'} from ${formatDate(self[0]!.ratedAt, timeZone, locale)} to ${formatDate(self.at(-1)!.ratedAt, timeZone, locale)}, latest ${self.at(-1)!.rating} of 5`);
  } else parts.push('no self-ratings');
  if (others.length > 0) {
    const average = Math.round((others.reduce((sum, r) => sum + r.rating, 0) / others.length) * 10) / 10;
    parts.push(`${others.length} rating${others.length === 1 ? '' : 's'} from others, averaging ${average} of 5`);
  } else parts.push('no ratings from others yet');
  return `${parts.join('; ')}.`;
}

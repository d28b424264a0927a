import { useId, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { useUser } from '../../shared/session';
import { formatDate } from '../../shared/time';
import { chartGeometry, chartSummary, linePath } from './chart';
import type { Rating } from './types';

const HEIGHT = 240;

/** The width of an element, following it as the window changes. */
function useWidth(ref: RefObject<HTMLElement | null>): number | null {
  const [width, setWidth] = useState<number | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/**
 * Self-ratings against ratings from others over time. The two differ in shape and line as well as
 * colour: yours are filled circles on a solid line, others' hollow squares on a dashed one.
 */
export function SkillChart({ name, ratings }: { name: string; ratings: Rating[] }) {
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  const width = useWidth(box);
  const { timeZone } = useUser();
  const g = width && width > 120 ? chartGeometry(ratings, width, HEIGHT) : null;
  const spanYears = g ? new Date(g.ticks[0]!.at).getUTCFullYear() !== new Date(g.ticks.at(-1)!.at).getUTCFullYear() : false;
  const tickLabel = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', ...(spanYears && { year: '2-digit' }), timeZone });
  return (
    <figure className="chart">
      <ul className="chart-legend plain" aria-hidden="true">
        <li>
          <svg width="36" height="14">
            <line x1="2" y1="7" x2="34" y2="7" className="line-self" />
            <circle cx="18" cy="7" r="4.5" className="mark-self" />
          </svg>
          You
        </li>
        <li>
          <svg width="36" height="14">
            <line x1="2" y1="7" x2="34" y2="7" className="line-others" />
            <rect x="13.5" y="2.5" width="9" height="9" className="mark-others" />
          </svg>
          Others
        </li>
      </ul>
      <div ref={box} className="chart-box">
        {g && (
          <svg width={g.width} height={g.height} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
            <title id={`${id}-title`}>{`${name}: ratings over time`}</title>
            <desc id={`${id}-desc`}>{chartSummary(ratings, timeZone)}</desc>
            {g.levels.map((l) => (
              <g key={l.value}>
                <line x1={g.left} x2={g.right} y1={l.y} y2={l.y} className="grid" />
                <text x={g.left - 10} y={l.y} className="axis-label" textAnchor="end" dominantBaseline="middle">
                  {l.value}
                </text>
              </g>
            ))}
            {g.ticks.map((t, i) => (
              <text key={t.at} x={t.x} y={g.bottom + 18} className="axis-label" textAnchor={i === 0 ? 'start' : i === g.ticks.length - 1 ? 'end' : 'middle'}>
                {tickLabel.format(new Date(t.at))}
              </text>
            ))}
            <path d={linePath(g.self)} className="line-self" />
            <path d={linePath(g.others)} className="line-others" />
            {g.self.map((p) => (
              <circle key={p.id} cx={p.x} cy={p.y} r={5} className="mark-self">
                <title>{`You: ${p.rating} of 5, ${formatDate(p.ratedAt, timeZone)}`}</title>
              </circle>
            ))}
            {g.others.map((p) => (
              <rect key={p.id} x={p.x - 5} y={p.y - 5} width={10} height={10} className="mark-others">
                <title>{`Others: ${p.rating} of 5, ${formatDate(p.ratedAt, timeZone)}`}</title>
              </rect>
            ))}
          </svg>
        )}
      </div>
    </figure>
  );
}

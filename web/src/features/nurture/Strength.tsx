import { useId } from 'react';
import { formatCalendarDate } from '../../shared/time';
import { ErrorState, Loading } from '../../shared/ui';
import { useStrength } from './api';
import { chartPoints, trendSummary, type StrengthPoint } from './model';
import './nurture.css';

const WIDTH = 260;
const HEIGHT = 64;

/** Relationship strength now, with its trend over the last year as a small chart and a table. */
export function StrengthCard({ contactId }: { contactId: string }) {
  const strength = useStrength(contactId);
  return (
    <section className="card" aria-labelledby="strength">
      <h2 id="strength">Relationship strength</h2>
      {strength.isPending ? (
        <Loading label="Loading strength…" />
      ) : strength.isError ? (
        <ErrorState error={strength.error} retry={() => void strength.refetch()} />
      ) : (
        <>
          <div className="strength-now">
            <p className="strength-figure">
              <span className="strength-value">{strength.data.strength}</span>
              <span className="muted"> / 100</span>
            </p>
            <TrendChart trend={strength.data.trend} />
          </div>
          <p className="muted small">
            {trendSummary(strength.data.trend)} Built by interactions (a meal counts more than an email, a great one more than a poor one); without contact it halves every{' '}
            {strength.data.halfLifeDays} days.
          </p>
          <details className="strength-table">
            <summary>Strength month by month</summary>
            <table>
              <caption className="visually-hidden">Relationship strength at the end of each month and now</caption>
              <thead>
                <tr>
                  <th scope="col">On</th>
                  <th scope="col">Strength</th>
                </tr>
              </thead>
              <tbody>
                {strength.data.trend.map((p, i, all) => (
                  <tr key={p.at}>
                    <th scope="row">{i === all.length - 1 ? 'Now' : formatCalendarDate(p.at.slice(0, 10))}</th>
                    <td>{p.strength}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}

/** A sparkline of 0–100; the summary sentence and the table say the same in words. */
function TrendChart({ trend }: { trend: StrengthPoint[] }) {
  const id = useId();
  const points = chartPoints(
    trend.map((p) => p.strength),
    WIDTH,
    HEIGHT,
  );
  if (points.length === 0) return null;
  const line = points.map((p) => `${p.x},${p.y}`).join(' ');
  const last = points.at(-1)!;
  const area = `${points[0]!.x},${HEIGHT} ${line} ${last.x},${HEIGHT}`;
  return (
    <svg className="trend-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title`}>
      <title id={`${id}-title`}>{trendSummary(trend)}</title>
      <line x1="0" x2={WIDTH} y1={HEIGHT / 2} y2={HEIGHT / 2} className="trend-grid" />
      <polygon points={area} className="trend-area" />
      <polyline points={line} className="trend-line" />
      <circle cx={last.x} cy={last.y} r="3.5" className="trend-dot" />
    </svg>
  );
}

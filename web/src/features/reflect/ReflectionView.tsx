import { COMMUNICATION_LEVELS, CONNECTION_LEVELS } from '../growth/scale';
import type { Reflection } from '../growth/types';

/** A saved reflection, showing only what was written or scored. */
export function ReflectionView({ reflection: r }: { reflection: Reflection }) {
  const score = (value: number | null, levels: readonly string[]) => (value === null ? null : `${value} of 5 · ${levels[value - 1]}`);
  const rows: [string, string | null][] = [
    ['What went well', r.wentWell],
    ['What to improve', r.toImprove],
    ['Missed opportunities', r.missedOpportunities],
    ['Connection quality', score(r.connectionQuality, CONNECTION_LEVELS)],
    ['Communication effectiveness', score(r.communicationEffectiveness, COMMUNICATION_LEVELS)],
    ['Skills practised', r.skills.map((s) => s.name).join(', ') || null],
    ['Notes', r.notes],
  ];
  return (
    <dl className="reflection-view">
      {rows
        .filter((row): row is [string, string] => row[1] !== null)
        .map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className="prose">{value}</dd>
          </div>
        ))}
    </dl>
  );
}

import { useId } from 'react';

/** What each point of a 1-to-5 scale means, so a number is never the only thing to go by. */
export const SKILL_LEVELS = ['Just starting', 'Developing', 'Capable', 'Strong', 'Outstanding'] as const;
export const CONNECTION_LEVELS = ['Distant', 'Polite', 'Friendly', 'Warm', 'Close'] as const;
export const COMMUNICATION_LEVELS = ['Missed', 'Patchy', 'Okay', 'Clear', 'Excellent'] as const;

/**
 * A 1-to-5 choice as a row of labelled radio buttons (arrow keys move along it). With `noneLabel`
 * the first choice clears the score.
 */
export function ScaleInput({ legend, levels, value, onChange, noneLabel, error, hint }: {
  legend: string;
  levels: readonly string[];
  value: number | null;
  onChange: (value: number | null) => void;
  noneLabel?: string;
  error?: string | undefined;
  hint?: string;
}) {
  const name = useId();
  const described = [hint ? `${name}-hint` : '', error ? `${name}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="field scale" aria-describedby={described}>
      <legend>{legend}</legend>
      {hint && <p className="hint" id={`${name}-hint`}>{hint}</p>}
      <div className="segmented">
        {noneLabel && (
          <label className="segment">
            <input type="radio" name={name} checked={value === null} onChange={() => onChange(null)} />
            <span>{noneLabel}</span>
          </label>
        )}
        {levels.map((label, index) => (
          <label key={label} className="segment">
            <input type="radio" name={name} checked={value === index + 1} onChange={() => onChange(index + 1)} />
            <span>
              {index + 1} · {label}
            </span>
          </label>
        ))}
      </div>
      {error && <p className="field-error" id={`${name}-error`}>{error}</p>}
    </fieldset>
  );
}

import { useState, type ReactNode } from 'react';
import { useRun } from '../../shared/ui';

/**
 * A checkbox saved to the server on change. It shows the new state at once and stays disabled
 * until the server has answered; a refusal puts it back and says why.
 */
export function ToggleBox({ checked, onToggle, className, children }: { checked: boolean; onToggle: (on: boolean) => Promise<unknown>; className?: string; children: ReactNode }) {
  const [saving, setSaving] = useState<boolean | null>(null);
  const run = useRun();
  return (
    <label className={`check${className ? ` ${className}` : ''}`}>
      <input
        type="checkbox"
        checked={saving ?? checked}
        disabled={saving !== null}
        onChange={(e) => {
          const on = e.target.checked;
          setSaving(on);
          run(() => onToggle(on).finally(() => setSaving(null)));
        }}
      />
      {children}
    </label>
  );
}

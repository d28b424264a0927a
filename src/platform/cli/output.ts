/** Formats rows as an aligned plain-text table, truncating long cells. */
export function table(rows: readonly Record<string, unknown>[], columns: readonly { key: string; label: string; max?: number }[]): string {
  const cell = (value: unknown, max = 40) => {
    const text = value === null || value === undefined ? '' : Array.isArray(value) ? value.join(', ') : String(value);
    const flat = text.replace(/\s+/g, ' ');
    return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
  };
  const cells = rows.map((row) => columns.map((c) => cell(row[c.key], c.max)));
  const widths = columns.map((c, i) => Math.max(c.label.length, ...cells.map((r) => r[i]!.length)));
  const line = (parts: string[]) => parts.map((p, i) => p.padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(columns.map((c) => c.label)), ...cells.map(line)].join('\n');
}

/** Local date and time for a terminal, in the user's time zone, as YYYY-MM-DD HH:MM. */
export function when(iso: string | null, timeZone: string): string {
  if (!iso) return '';
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

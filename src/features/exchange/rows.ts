/** Rows as JSON for backups and merge records: binary columns as {"$base64": "…"}. */
export type Row = Record<string, unknown>;

export function encodeValue(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $base64: Buffer.from(value).toString('base64') };
  return value;
}

export function decodeValue(value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value) && typeof (value as { $base64?: unknown }).$base64 === 'string') {
    return Buffer.from((value as { $base64: string }).$base64, 'base64');
  }
  return value;
}

export function encodeRow(row: Row): Row {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, encodeValue(v)]));
}

export function decodeRow(row: Row): Row {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, decodeValue(v)]));
}

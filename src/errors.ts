/** Invalid `settings.compliance` (or a value inside it). The message names the exact path and the expected form. */
export class SettingsError extends Error {
  readonly path: string;
  constructor(path: string, expected: string, got: unknown, hint?: string) {
    super(`${path}: expected ${expected}, got ${describeValue(got)}${hint ? ` (${hint})` : ''}`);
    this.name = 'SettingsError';
    this.path = path;
  }
}

/** A short, readable rendering of a bad value for an error message. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined;
  }
  return json && json.length <= 60 ? json : 'an object';
}

/**
 * The primitives of settings validation: every check throws a SettingsError (or UnknownSettingError) that names the
 * full path (`settings.compliance.audit.calls[2]`) and the expected form; nothing invalid is silently dropped.
 */
import { compileMatcher, type Matcher } from '../analysis/matchers.js';
import { SettingsError } from '../errors.js';
import { didYouMean } from '../util/did-you-mean.js';

/** The keys of `settings.compliance` and of its sections, in the order messages list them. */
export const SECTION_KEYS = {
  compliance: ['regulations', 'audit', 'endpoints', 'masking', 'sensitiveData', 'logging', 'sensitiveOperations'],
  audit: ['calls', 'wrappers', 'decorators', 'middleware', 'eventArgument', 'providedFields', 'fieldAliases'],
  endpoints: ['factories'],
  masking: ['functions'],
  sensitiveData: ['add', 'ignore', 'brands'],
  logging: ['sinks', 'clientFiles'],
} as const;

// ---------------------------------------------------------------------------------------------
// Errors

/**
 * An unknown key, regulation id, field name or kind. Same class as every settings error
 * (`instanceof SettingsError`), with the message form
 * `settings.compliance.adit: unknown key; expected one of regulations, audit, … (did you mean "audit"?)`.
 */
export class UnknownSettingError extends SettingsError {
  /** The names that would have been accepted. */
  readonly known: readonly string[];
  readonly suggestion: string | undefined;

  constructor(path: string, what: string, name: string, known: readonly string[], alternative?: string) {
    super(path, '', name);
    const suggestion = didYouMean(name, known);
    this.message =
      `${path}: unknown ${what}; expected one of ${known.join(', ')}` +
      `${alternative ? ` ${alternative}` : ''}${suggestion ? ` (did you mean "${suggestion}"?)` : ''}`;
    this.known = known;
    this.suggestion = suggestion;
    // The stack was captured with the base message: capture it again so CLI output shows this one.
    Error.captureStackTrace?.(this, UnknownSettingError);
  }
}

// ---------------------------------------------------------------------------------------------
// Validation helpers

export type Settings = Readonly<Record<string, unknown>>;

export function isObject(value: unknown): value is Settings {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `path.key`, or `path["odd key"]` when the key is not a plain name. */
export function child(path: string, key: string): string {
  return /^[A-Za-z_$][\w$-]*$/u.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

export function expectObject(value: unknown, path: string, expected: string): Settings {
  if (!isObject(value)) throw new SettingsError(path, expected, value);
  return value;
}

/** Throws for the first key of `object` not in `known`. */
export function checkKeys(object: Settings, path: string, known: readonly string[]): void {
  for (const key of Object.keys(object)) {
    if (!known.includes(key)) throw new UnknownSettingError(child(path, key), 'key', key, known);
  }
}

/** A section object, or `undefined` when absent (`undefined` counts as absent, so presets can leave keys out). */
export function section(parent: Settings, key: keyof typeof SECTION_KEYS, path: string): Settings | undefined {
  const value = parent[key];
  if (value === undefined) return undefined;
  const sectionPath = child(path, key);
  const object = expectObject(value, sectionPath, `an object with keys ${SECTION_KEYS[key].join(', ')}`);
  checkKeys(object, sectionPath, SECTION_KEYS[key]);
  return object;
}

export function expectArray(value: unknown, path: string, expected: string): readonly unknown[] {
  if (!Array.isArray(value)) throw new SettingsError(path, expected, value);
  return value;
}

/** Compiles a matcher and freezes it, segments included. */
export function frozenMatcher(spec: unknown, path: string): Matcher {
  const matcher = compileMatcher(spec, path);
  return Object.freeze(matcher.kind === 'type' ? matcher : { ...matcher, segments: Object.freeze([...matcher.segments]) });
}

export function matchers(value: unknown, path: string): Matcher[] {
  return expectArray(value, path, 'an array of matchers').map((spec, index) => frozenMatcher(spec, `${path}[${index}]`));
}

export function optionalMatchers(object: Settings | undefined, key: string, path: string): Matcher[] {
  const value = object?.[key];
  return value === undefined ? [] : matchers(value, child(path, key));
}

export const NAME = /^[A-Za-z0-9_$-]+$/u;
export const TYPE_NAME = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)*$/u;

/** An array of name strings; each must match `pattern`. */
export function names(value: unknown, path: string, what: string, example: string, pattern: RegExp = NAME): string[] {
  const list = expectArray(value, path, `an array of ${what}s like ["${example}"]`);
  return list.map((item, index) => {
    if (typeof item !== 'string' || !pattern.test(item)) {
      throw new SettingsError(`${path}[${index}]`, `a ${what} like "${example}"`, item);
    }
    return item;
  });
}

export function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}

/** A Set whose mutators throw: the policy is shared by every rule and file. */
export function frozenSet<T>(values: Iterable<T>): ReadonlySet<T> {
  const set = new Set(values);
  const reject = (): never => {
    throw new TypeError('The compliance policy is frozen');
  };
  Object.defineProperties(set, { add: { value: reject }, delete: { value: reject }, clear: { value: reject } });
  return Object.freeze(set);
}

/** `apiKey`, `api_key`, `API-KEY` → `apikey`: how sensitive-name patterns compare. */
export function nameKey(name: string): string {
  return name.replace(/[-_\s]/gu, '').toLowerCase();
}

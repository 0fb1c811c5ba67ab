/**
 * `settings.compliance` → one validated, resolved, frozen Policy shared by every rule.
 *
 * Validation is strict: every key at every level is known, every value has the documented form,
 * and a bad one throws a SettingsError naming its full path (`settings.compliance.audit.calls[2]`)
 * and the expected form. Nothing invalid is silently dropped.
 *
 * Resolution merges the active regulations (the ids set to `true`): the union of their required
 * fields, sensitive categories and audited methods, and the strictest retention bounds.
 * Results are cached per `settings` object and per `settings.compliance` object.
 */
import { compileDecoratorMatcher } from './analysis/matchers.js';
import type { DecoratorMatcher, Matcher } from './analysis/matchers.js';
import { SettingsError } from './errors.js';
import type { Policy } from './policy.js';
import {
  ALWAYS_ACTIVE_CATEGORIES,
  AUDIT_FIELDS,
  DEFAULT_FIELD_ALIASES,
  DEFAULT_SENSITIVE_PATTERNS,
  HTTP_METHODS,
  MUTATING_METHODS,
  REFERENCES,
  REGULATION_IDS,
  REGULATIONS,
  SENSITIVE_CATEGORIES,
} from './regulations/index.js';
import type { AuditField, HttpMethod, Regulation, SensitiveCategory } from './regulations/index.js';
import { didYouMean } from './util/did-you-mean.js';
import { mergeRetention } from './settings/retention.js';
import { globs } from './settings/globs.js';
import {
  checkKeys,
  child,
  expectArray,
  expectObject,
  frozenMatcher,
  frozenSet,
  matchers,
  nameKey,
  names,
  optionalMatchers,
  section,
  SECTION_KEYS,
  type Settings,
  TYPE_NAME,
  UnknownSettingError,
  unique,
} from './settings/validation.js';

export { mergeRetention } from './settings/retention.js';
export { UnknownSettingError } from './settings/validation.js';

/** Built-in masking functions; `masking.functions` extends them. */
export const DEFAULT_MASKING_FUNCTIONS: readonly string[] = Object.freeze([
  'mask',
  'redact',
  'hash',
  'anonymize',
  'pseudonymize',
  'tokenize',
  'truncate',
  'sha256',
  'hmac',
  'encrypt',
]);

/** Kinds of the sensitive-operation catalog; `sensitiveOperations` adds matchers per kind. */
export const SENSITIVE_OPERATION_KINDS = Object.freeze([
  'authentication',
  'authorization',
  'export',
  'deletion',
  'sensitiveRead',
  'configuration',
  'auditAccess',
] as const);
export type SensitiveOperationKind = (typeof SENSITIVE_OPERATION_KINDS)[number];

const ROOT = 'settings.compliance';

// ---------------------------------------------------------------------------------------------
// Resolution

const COMPLIANCE_EXPECTED = 'an object like { regulations: { soc2: true } }';
const DEFAULT_MASKING_MATCHERS: readonly Matcher[] = Object.freeze(
  DEFAULT_MASKING_FUNCTIONS.map((name, index) => frozenMatcher(name, `DEFAULT_MASKING_FUNCTIONS[${index}]`)),
);

function resolveRegulations(compliance: Settings): Regulation[] {
  const value = compliance.regulations;
  if (value === undefined) return [];
  const path = child(ROOT, 'regulations');
  const object = expectObject(value, path, 'an object of regulation ids to booleans like { soc2: true }');
  const active = new Set<string>();
  for (const [id, enabled] of Object.entries(object)) {
    if (!(REGULATION_IDS as readonly string[]).includes(id)) {
      throw new UnknownSettingError(child(path, id), 'regulation', id, REGULATION_IDS);
    }
    if (enabled === undefined) continue;
    if (typeof enabled !== 'boolean') throw new SettingsError(child(path, id), 'true or false', enabled);
    if (enabled) active.add(id);
  }
  return REGULATION_IDS.filter(id => active.has(id)).map(id => REGULATIONS[id]);
}

function resolveAuditField(value: unknown, path: string): AuditField {
  if (typeof value !== 'string') throw new SettingsError(path, `an audit field name (one of ${AUDIT_FIELDS.join(', ')})`, value);
  if (!(AUDIT_FIELDS as readonly string[]).includes(value)) throw new UnknownSettingError(path, 'audit field', value, AUDIT_FIELDS);
  return value as AuditField;
}

function resolveAudit(compliance: Settings): Policy['audit'] {
  const audit = section(compliance, 'audit', ROOT);
  const path = child(ROOT, 'audit');

  const calls = audit?.calls === undefined ? undefined : Object.freeze(matchers(audit.calls, child(path, 'calls')));

  let decorators: DecoratorMatcher[] = [];
  if (audit?.decorators !== undefined) {
    const decoratorsPath = child(path, 'decorators');
    decorators = expectArray(audit.decorators, decoratorsPath, 'an array of decorators like ["Audit"]').map((spec, index) =>
      Object.freeze(compileDecoratorMatcher(spec, `${decoratorsPath}[${index}]`)),
    );
  }

  let eventArgument: number | undefined;
  if (audit?.eventArgument !== undefined) {
    const value = audit.eventArgument;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      throw new SettingsError(child(path, 'eventArgument'), 'a non-negative integer (the index of the argument carrying the event)', value);
    }
    eventArgument = value;
  }

  let providedFields: AuditField[] = [];
  if (audit?.providedFields !== undefined) {
    const fieldsPath = child(path, 'providedFields');
    const list = expectArray(audit.providedFields, fieldsPath, `an array of audit field names like ["timestamp"]`);
    const given = new Set(list.map((value, index) => resolveAuditField(value, `${fieldsPath}[${index}]`)));
    providedFields = AUDIT_FIELDS.filter(field => given.has(field));
  }

  const additions: Partial<Record<AuditField, string[]>> = {};
  if (audit?.fieldAliases !== undefined) {
    const aliasesPath = child(path, 'fieldAliases');
    const object = expectObject(audit.fieldAliases, aliasesPath, 'an object of audit field names to property names like { actor: ["userId"] }');
    for (const [field, aliases] of Object.entries(object)) {
      const fieldPath = child(aliasesPath, field);
      if (!(AUDIT_FIELDS as readonly string[]).includes(field)) throw new UnknownSettingError(fieldPath, 'audit field', field, AUDIT_FIELDS);
      if (aliases === undefined) continue;
      additions[field as AuditField] = names(aliases, fieldPath, 'property name', 'userId');
    }
  }
  const fieldAliases = Object.fromEntries(
    AUDIT_FIELDS.map(field => [field, Object.freeze(unique([...DEFAULT_FIELD_ALIASES[field], ...(additions[field] ?? [])]))]),
  ) as Record<AuditField, readonly string[]>;

  return Object.freeze({
    calls,
    wrappers: Object.freeze(optionalMatchers(audit, 'wrappers', path)),
    decorators: Object.freeze(decorators),
    middleware: Object.freeze(optionalMatchers(audit, 'middleware', path)),
    eventArgument,
    providedFields: Object.freeze(providedFields),
    fieldAliases: Object.freeze(fieldAliases),
  });
}

interface SensitiveSettings {
  /** Additions per category, known or custom, in the order given. */
  readonly add: ReadonlyMap<string, readonly string[]>;
  readonly ignore: readonly string[];
  readonly brands: readonly string[];
}

function resolveSensitiveData(compliance: Settings): SensitiveSettings {
  const sensitive = section(compliance, 'sensitiveData', ROOT);
  const path = child(ROOT, 'sensitiveData');
  const add = new Map<string, readonly string[]>();
  if (sensitive?.add !== undefined) {
    const addPath = child(path, 'add');
    const object = expectObject(sensitive.add, addPath, 'an object of category names to name patterns like { employeeData: ["employeeId"] }');
    for (const [category, patterns] of Object.entries(object)) {
      const categoryPath = child(addPath, category);
      const known = (SENSITIVE_CATEGORIES as readonly string[]).includes(category);
      // A new key makes a custom category; one that is nearly a built-in name is almost surely a typo of it.
      if (!known && didYouMean(category, SENSITIVE_CATEGORIES)) {
        throw new UnknownSettingError(categoryPath, 'sensitive-data category', category, SENSITIVE_CATEGORIES, 'or a custom category name not this close to one');
      }
      if (patterns === undefined) continue;
      add.set(category, names(patterns, categoryPath, 'name pattern', 'employeeId'));
    }
  }
  const ignore = sensitive?.ignore === undefined ? [] : names(sensitive.ignore, child(path, 'ignore'), 'name', 'tokenType');
  const brands =
    sensitive?.brands === undefined ? [] : names(sensitive.brands, child(path, 'brands'), 'type name', 'Secret', TYPE_NAME);
  return { add, ignore: unique(ignore), brands: unique(brands) };
}

function resolveSensitiveOperations(compliance: Settings): Policy['sensitiveOperations'] {
  const value = compliance.sensitiveOperations;
  const result = Object.fromEntries(SENSITIVE_OPERATION_KINDS.map(kind => [kind, Object.freeze([]) as readonly Matcher[]])) as Record<string, readonly Matcher[]>;
  if (value !== undefined) {
    const path = child(ROOT, 'sensitiveOperations');
    const object = expectObject(value, path, 'an object of operation kinds to matchers like { export: ["reports.download"] }');
    for (const [kind, specs] of Object.entries(object)) {
      const kindPath = child(path, kind);
      if (!(SENSITIVE_OPERATION_KINDS as readonly string[]).includes(kind)) {
        throw new UnknownSettingError(kindPath, 'sensitive operation kind', kind, SENSITIVE_OPERATION_KINDS);
      }
      if (specs !== undefined) result[kind] = Object.freeze(matchers(specs, kindPath));
    }
  }
  return Object.freeze(result);
}

/** Validates `settings.compliance` (the object itself, not the whole `settings`) and builds the Policy. */
function buildPolicy(compliance: unknown): Policy {
  const root = expectObject(compliance, ROOT, COMPLIANCE_EXPECTED);
  checkKeys(root, ROOT, SECTION_KEYS.compliance);

  // Validate everything first, in the order of the keys' documentation.
  const regulations = resolveRegulations(root);
  const audit = resolveAudit(root);
  const endpoints = section(root, 'endpoints', ROOT);
  const factories = optionalMatchers(endpoints, 'factories', child(ROOT, 'endpoints'));
  const masking = section(root, 'masking', ROOT);
  const maskingFunctions = optionalMatchers(masking, 'functions', child(ROOT, 'masking'));
  const sensitive = resolveSensitiveData(root);
  const logging = section(root, 'logging', ROOT);
  const sinks = optionalMatchers(logging, 'sinks', child(ROOT, 'logging'));
  const clientFiles = logging?.clientFiles === undefined ? [] : globs(logging.clientFiles, child(child(ROOT, 'logging'), 'clientFiles'));
  const sensitiveOperations = resolveSensitiveOperations(root);

  // Then merge the active regulations.
  const provided = new Set(audit.providedFields);
  const required = new Set(regulations.flatMap(regulation => regulation.requiredFields));
  const requiredFields = AUDIT_FIELDS.filter(field => required.has(field) && !provided.has(field));

  const builtIn = new Set<SensitiveCategory>([...ALWAYS_ACTIVE_CATEGORIES, ...regulations.flatMap(regulation => regulation.sensitiveCategories)]);
  const custom = [...sensitive.add.keys()].filter(category => !(SENSITIVE_CATEGORIES as readonly string[]).includes(category));
  const categories = [...SENSITIVE_CATEGORIES.filter(category => builtIn.has(category)), ...custom];

  const ignored = new Set(sensitive.ignore.map(nameKey));
  const sensitivePatterns = Object.fromEntries(
    categories.map(category => {
      const defaults = (DEFAULT_SENSITIVE_PATTERNS as Readonly<Record<string, readonly string[]>>)[category] ?? [];
      const patterns = unique([...defaults, ...(sensitive.add.get(category) ?? [])]).filter(pattern => !ignored.has(nameKey(pattern)));
      return [category, Object.freeze(patterns)];
    }),
  );

  const methods = new Set<HttpMethod>([...MUTATING_METHODS, ...regulations.flatMap(regulation => regulation.auditedMethods)]);

  const retention = mergeRetention(regulations.map(regulation => ({ ...regulation.retention, regulation: regulation.citation })));

  const masked = new Map<string, Matcher>();
  for (const matcher of [...DEFAULT_MASKING_MATCHERS, ...maskingFunctions]) if (!masked.has(matcher.source)) masked.set(matcher.source, matcher);

  const policy: Policy = {
    regulations: Object.freeze(regulations),
    regulationIds: frozenSet(regulations.map(regulation => regulation.id)),
    references: REFERENCES,
    requiredFields: Object.freeze(requiredFields),
    sensitiveCategories: frozenSet(categories),
    sensitivePatterns: Object.freeze(sensitivePatterns),
    sensitiveIgnore: frozenSet(sensitive.ignore),
    sensitiveBrands: Object.freeze([...sensitive.brands]),
    auditedMethods: frozenSet(HTTP_METHODS.filter(method => methods.has(method))),
    retention,
    audit,
    endpoints: Object.freeze({ factories: Object.freeze(factories) }),
    masking: Object.freeze({ functions: Object.freeze([...masked.values()]) }),
    logging: Object.freeze({ sinks: Object.freeze(sinks), clientFiles: Object.freeze(clientFiles) }),
    sensitiveOperations,
  };
  return Object.freeze(policy);
}

// ---------------------------------------------------------------------------------------------
// Entry points and caching

let defaultPolicy: Policy | undefined;
const bySettings = new WeakMap<object, Policy>();
const byCompliance = new WeakMap<object, Policy>();

/** The policy for no `settings.compliance`: no regulation, built-in defaults. */
function getDefaultPolicy(): Policy {
  defaultPolicy ??= buildPolicy({});
  return defaultPolicy;
}

/**
 * Validates and resolves `settings.compliance` from an ESLint `settings` object (`context.settings`).
 * Cached per `settings` object and per `settings.compliance` object, so a run over many files
 * with the same configuration validates once. Throws a SettingsError for any invalid setting.
 */
export function resolvePolicy(settings: unknown): Policy {
  if (typeof settings !== 'object' || settings === null) return getDefaultPolicy();
  const cached = bySettings.get(settings);
  if (cached) return cached;

  const compliance = (settings as Settings).compliance;
  let policy: Policy;
  if (compliance === undefined) {
    policy = getDefaultPolicy();
  } else if (typeof compliance === 'object' && compliance !== null) {
    policy = byCompliance.get(compliance) ?? buildPolicy(compliance);
    byCompliance.set(compliance, policy);
  } else {
    policy = buildPolicy(compliance); // throws: not an object
  }
  bySettings.set(settings, policy);
  return policy;
}

/** The policy for a rule's context: `resolvePolicy(context.settings)`. */
export function getPolicy(context: { readonly settings: unknown }): Policy {
  return resolvePolicy(context.settings);
}

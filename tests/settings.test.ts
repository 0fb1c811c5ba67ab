import { describe, expect, it } from 'vitest';
import { SettingsError } from '../src/errors.js';
import type { Policy } from '../src/policy.js';
import { ALWAYS_ACTIVE_CATEGORIES, AUDIT_FIELDS, DEFAULT_FIELD_ALIASES, DEFAULT_SENSITIVE_PATTERNS, REFERENCES, REGULATIONS } from '../src/regulations/index.js';
import type { RegulationId } from '../src/regulations/index.js';
import {
  DEFAULT_MASKING_FUNCTIONS,
  SENSITIVE_OPERATION_KINDS,
  UnknownSettingError,
  getPolicy,
  mergeRetention,
  resolvePolicy,
} from '../src/settings.js';

/** A fresh settings object each time, so the cache never hides validation. */
function policyFor(compliance: unknown): Policy {
  return resolvePolicy({ compliance });
}

function policyWith(...ids: RegulationId[]): Policy {
  return policyFor({ regulations: Object.fromEntries(ids.map(id => [id, true])) });
}

/** The message of the SettingsError that `compliance` causes; fails the test if none is thrown. */
function errorFor(compliance: unknown): string {
  try {
    policyFor(compliance);
  } catch (error) {
    expect(error).toBeInstanceOf(SettingsError);
    expect(error).toBeInstanceOf(Error);
    return (error as Error).message;
  }
  throw new Error(`expected a SettingsError for ${JSON.stringify(compliance)}`);
}

const sources = (matchers: readonly { readonly source: string }[] | undefined) => matchers?.map(matcher => matcher.source);

describe('defaults', () => {
  it.each([
    ['no settings object', undefined],
    ['null settings', null],
    ['a non-object settings value', 42],
    ['settings without compliance', {}],
    ['other plugins\' settings only', { react: { version: '19' } }],
  ])('%s → the default policy', (_, settings) => {
    const policy = resolvePolicy(settings);
    expect(policy.regulations).toEqual([]);
    expect([...policy.regulationIds]).toEqual([]);
    expect(policy.requiredFields).toEqual([]);
    expect([...policy.sensitiveCategories]).toEqual(['credentials', 'cardData']);
    expect(Object.keys(policy.sensitivePatterns)).toEqual(['credentials', 'cardData']);
    expect(policy.sensitivePatterns.credentials).toEqual(DEFAULT_SENSITIVE_PATTERNS.credentials);
    expect([...policy.sensitiveIgnore]).toEqual([]);
    expect(policy.sensitiveBrands).toEqual([]);
    expect([...policy.auditedMethods]).toEqual(['POST', 'PUT', 'PATCH', 'DELETE']);
    expect(policy.retention).toEqual({ mustBeSet: false, mustBeBounded: false });
    expect(policy.references).toBe(REFERENCES);
    expect(policy.audit.calls).toBeUndefined();
    expect(policy.audit.wrappers).toEqual([]);
    expect(policy.audit.decorators).toEqual([]);
    expect(policy.audit.middleware).toEqual([]);
    expect(policy.audit.eventArgument).toBeUndefined();
    expect(policy.audit.providedFields).toEqual([]);
    expect(policy.audit.fieldAliases).toEqual(DEFAULT_FIELD_ALIASES);
    expect(policy.endpoints.factories).toEqual([]);
    expect(sources(policy.masking.functions)).toEqual([...DEFAULT_MASKING_FUNCTIONS]);
    expect(policy.logging.sinks).toEqual([]);
    expect(Object.keys(policy.sensitiveOperations)).toEqual([...SENSITIVE_OPERATION_KINDS]);
    expect(Object.values(policy.sensitiveOperations).every(list => list.length === 0)).toBe(true);
  });

  it('shares one default policy', () => {
    expect(resolvePolicy(undefined)).toBe(resolvePolicy({}));
    expect(resolvePolicy({ other: 1 })).toBe(resolvePolicy('x'));
  });

  it('an empty compliance object (or all-false regulations) resolves like the defaults', () => {
    const defaults = resolvePolicy(undefined);
    expect(policyFor({})).toEqual(defaults);
    expect(policyFor({ regulations: { soc2: false, hipaa: false } })).toEqual(defaults);
    expect(policyFor({ regulations: { soc2: undefined } })).toEqual(defaults);
  });

  it('exports the masking defaults and operation kinds', () => {
    expect(DEFAULT_MASKING_FUNCTIONS).toEqual([
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
    expect(SENSITIVE_OPERATION_KINDS).toEqual([
      'authentication',
      'authorization',
      'export',
      'deletion',
      'sensitiveRead',
      'configuration',
      'auditAccess',
    ]);
  });
});

describe('each regulation alone', () => {
  it.each(Object.keys(REGULATIONS) as RegulationId[])('%s', id => {
    const regulation = REGULATIONS[id];
    const policy = policyWith(id);
    expect(policy.regulations).toEqual([regulation]);
    expect([...policy.regulationIds]).toEqual([id]);
    expect(policy.requiredFields).toEqual(AUDIT_FIELDS.filter(field => regulation.requiredFields.includes(field)));
    const categories = new Set([...ALWAYS_ACTIVE_CATEGORIES, ...regulation.sensitiveCategories]);
    expect(new Set(policy.sensitiveCategories)).toEqual(categories);
    expect(new Set(Object.keys(policy.sensitivePatterns))).toEqual(categories);
    expect(new Set(policy.auditedMethods)).toEqual(new Set(['POST', 'PUT', 'PATCH', 'DELETE', ...regulation.auditedMethods]));
    expect(policy.retention.minDays).toBe(regulation.retention.minDays);
    expect(policy.retention.maxDays).toBe(regulation.retention.maxDays);
    expect(policy.retention.mustBeSet).toBe(regulation.retention.mustBeSet);
    expect(policy.retention.mustBeBounded).toBe(regulation.retention.mustBeBounded);
    expect(policy.retention.conflict).toBeUndefined();
  });

  // The facts regulations.md fixes, independent of how the data modules spell them.
  it('pci-dss: all six fields, card data, reads audited, keep ≥ 365 days', () => {
    const policy = policyWith('pci-dss');
    expect(policy.requiredFields).toEqual(['actor', 'action', 'timestamp', 'outcome', 'source', 'resource']);
    expect(policy.sensitiveCategories.has('cardData')).toBe(true);
    expect(policy.sensitiveCategories.has('governmentIds')).toBe(true);
    expect(policy.auditedMethods.has('GET')).toBe(true);
    expect(policy.retention.minDays).toBe(365);
  });

  it('hipaa: health data, reads audited, keep 6 years', () => {
    const policy = policyWith('hipaa');
    expect(policy.requiredFields).toEqual(expect.arrayContaining(['actor', 'action', 'timestamp', 'resource']));
    expect(policy.sensitiveCategories.has('healthData')).toBe(true);
    expect(policy.sensitiveCategories.has('specialCategories')).toBe(false);
    expect(policy.auditedMethods.has('GET')).toBe(true);
    expect(policy.retention.minDays).toBe(2190);
  });

  it('gdpr: special categories, no reads, retention must be bounded', () => {
    const policy = policyWith('gdpr');
    expect(policy.sensitiveCategories.has('specialCategories')).toBe(true);
    expect(policy.sensitiveCategories.has('contactData')).toBe(true);
    expect(policy.auditedMethods.has('GET')).toBe(false);
    expect(policy.retention.mustBeBounded).toBe(true);
  });

  it('iso27001 and nist-800-53: all six fields, retention must be set', () => {
    for (const id of ['iso27001', 'nist-800-53'] as const) {
      const policy = policyWith(id);
      expect(policy.requiredFields).toEqual([...AUDIT_FIELDS]);
      expect(policy.retention.mustBeSet).toBe(true);
      expect(policy.auditedMethods.has('GET')).toBe(false);
    }
  });

  it('soc2: no reads audited, keep ≥ 365 days (practice)', () => {
    const policy = policyWith('soc2');
    expect(policy.auditedMethods.has('GET')).toBe(false);
    expect(policy.retention.minDays).toBe(365);
  });
});

describe('combined regulations', () => {
  it('soc2 + pci-dss: all six fields, GET added, min 365 days', () => {
    const policy = policyWith('soc2', 'pci-dss');
    expect(policy.regulations.map(regulation => regulation.id)).toEqual(['soc2', 'pci-dss']);
    expect(policy.requiredFields).toEqual(['actor', 'action', 'timestamp', 'outcome', 'source', 'resource']);
    expect(policy.auditedMethods.has('GET')).toBe(true);
    expect(policy.auditedMethods.has('POST')).toBe(true);
    expect(policy.retention.minDays).toBe(365);
    expect(policy.retention.conflict).toBeUndefined();
  });

  it('regulations come out in REGULATION_IDS order whatever the key order', () => {
    const policy = policyFor({ regulations: { 'nist-800-53': true, gdpr: true, soc2: true } });
    expect([...policy.regulationIds]).toEqual(['soc2', 'gdpr', 'nist-800-53']);
  });

  it('hipaa + gdpr: union of categories, strictest retention flags, largest minimum', () => {
    const policy = policyWith('gdpr', 'hipaa');
    const expected = new Set([
      ...ALWAYS_ACTIVE_CATEGORIES,
      ...REGULATIONS.hipaa.sensitiveCategories,
      ...REGULATIONS.gdpr.sensitiveCategories,
    ]);
    expect(new Set(policy.sensitiveCategories)).toEqual(expected);
    expect(policy.sensitiveCategories.has('healthData')).toBe(true);
    expect(policy.sensitiveCategories.has('specialCategories')).toBe(true);
    expect(policy.requiredFields).toEqual(AUDIT_FIELDS.filter(field => REGULATIONS.hipaa.requiredFields.includes(field)));
    expect(policy.auditedMethods.has('GET')).toBe(true);
    expect(policy.retention).toMatchObject({ minDays: 2190, mustBeBounded: true });
    expect(policy.retention.maxDays).toBeUndefined();
  });

  it('hipaa + pci-dss + iso27001: the largest minimum and OR-ed flags win', () => {
    const policy = policyWith('pci-dss', 'iso27001', 'hipaa');
    expect(policy.retention).toEqual({ minDays: 2190, mustBeSet: true, mustBeBounded: false });
    expect(policy.requiredFields).toEqual([...AUDIT_FIELDS]);
  });

  it('all six: every category of the data, both flags', () => {
    const policy = policyWith('soc2', 'hipaa', 'gdpr', 'iso27001', 'pci-dss', 'nist-800-53');
    expect(policy.regulations).toHaveLength(6);
    expect(policy.requiredFields).toEqual([...AUDIT_FIELDS]);
    expect(policy.retention).toMatchObject({ minDays: 2190, mustBeSet: true, mustBeBounded: true });
  });
});

describe('mergeRetention', () => {
  const bound = { mustBeSet: false, mustBeBounded: false, basis: 'test' };

  it('no bounds: nothing required', () => {
    expect(mergeRetention([])).toEqual({ mustBeSet: false, mustBeBounded: false });
  });

  it('takes the largest minimum and the smallest maximum', () => {
    expect(
      mergeRetention([
        { ...bound, regulation: 'A', minDays: 30, maxDays: 4000 },
        { ...bound, regulation: 'B', minDays: 365 },
        { ...bound, regulation: 'C', maxDays: 1000, mustBeBounded: true },
        { ...bound, regulation: 'D', mustBeSet: true },
      ]),
    ).toEqual({ minDays: 365, maxDays: 1000, mustBeSet: true, mustBeBounded: true });
  });

  it('a minimum equal to the maximum is not a conflict', () => {
    expect(mergeRetention([
      { ...bound, regulation: 'A', minDays: 365 },
      { ...bound, regulation: 'B', maxDays: 365 },
    ]).conflict).toBeUndefined();
  });

  it('a minimum above a maximum is reported as a conflict naming both regulations and numbers', () => {
    const retention = mergeRetention([
      { ...bound, regulation: 'PCI DSS', minDays: 365 },
      { ...bound, regulation: 'HIPAA', minDays: 2190 },
      { ...bound, regulation: 'Made-up Act', maxDays: 90, mustBeBounded: true },
    ]);
    expect(retention).toMatchObject({ minDays: 2190, maxDays: 90, mustBeBounded: true });
    expect(retention.conflict).toBe('HIPAA requires keeping audit logs at least 2190 days, but Made-up Act allows at most 90 days');
  });

  it('names every regulation that shares the binding number', () => {
    const retention = mergeRetention([
      { ...bound, regulation: 'PCI DSS', minDays: 365 },
      { ...bound, regulation: 'SOC 2', minDays: 365 },
      { ...bound, regulation: 'X', maxDays: 100 },
      { ...bound, regulation: 'Y', maxDays: 100 },
      { ...bound, regulation: 'Z', maxDays: 100 },
    ]);
    expect(retention.conflict).toBe('PCI DSS and SOC 2 require keeping audit logs at least 365 days, but X, Y and Z allow at most 100 days');
  });

  it('returns a frozen object', () => {
    expect(Object.isFrozen(mergeRetention([{ ...bound, regulation: 'A', minDays: 1 }]))).toBe(true);
  });
});

describe('audit settings', () => {
  it('providedFields removes fields from the required ones', () => {
    const policy = policyFor({ regulations: { 'pci-dss': true }, audit: { providedFields: ['source', 'timestamp', 'timestamp'] } });
    expect(policy.audit.providedFields).toEqual(['timestamp', 'source']);
    expect(policy.requiredFields).toEqual(['actor', 'action', 'outcome', 'resource']);
  });

  it('fieldAliases extend the defaults, without duplicates', () => {
    const policy = policyFor({ audit: { fieldAliases: { actor: ['accountId', 'userId'], source: ['clientIp'] } } });
    expect(policy.audit.fieldAliases.actor).toEqual([...DEFAULT_FIELD_ALIASES.actor, 'accountId']);
    expect(policy.audit.fieldAliases.source).toEqual([...DEFAULT_FIELD_ALIASES.source, 'clientIp']);
    expect(policy.audit.fieldAliases.action).toEqual(DEFAULT_FIELD_ALIASES.action);
    expect(Object.keys(policy.audit.fieldAliases)).toEqual([...AUDIT_FIELDS]);
  });

  it('a configured audit.calls replaces the default heuristic', () => {
    expect(policyFor({ audit: {} }).audit.calls).toBeUndefined();
    const policy = policyFor({
      audit: {
        calls: ['audit.log', 'sendAudit', '*.auditService.log', { import: '@acme/audit', name: 'record' }, { type: 'AuditService', method: 'log' }],
      },
    });
    expect(policy.audit.calls).toEqual([
      { kind: 'path', segments: ['audit', 'log'], source: 'audit.log' },
      { kind: 'path', segments: ['sendAudit'], source: 'sendAudit' },
      { kind: 'path', segments: ['*', 'auditService', 'log'], source: '*.auditService.log' },
      { kind: 'import', module: '@acme/audit', segments: ['record'], source: '@acme/audit#record' },
      { kind: 'type', type: 'AuditService', method: 'log', source: 'AuditService#log' },
    ]);
    expect(policyFor({ audit: { calls: [] } }).audit.calls).toEqual([]);
  });

  it('compiles wrappers, decorators, middleware and eventArgument', () => {
    const policy = policyFor({
      audit: {
        wrappers: ['withAuditLogging'],
        decorators: ['Audit', 'UseInterceptors(AuditInterceptor)'],
        middleware: ['auditMiddleware'],
        eventArgument: 1,
      },
    });
    expect(sources(policy.audit.wrappers)).toEqual(['withAuditLogging']);
    expect(policy.audit.decorators).toEqual([
      { name: 'Audit', source: 'Audit' },
      { name: 'UseInterceptors', argument: 'AuditInterceptor', source: 'UseInterceptors(AuditInterceptor)' },
    ]);
    expect(sources(policy.audit.middleware)).toEqual(['auditMiddleware']);
    expect(policy.audit.eventArgument).toBe(1);
    expect(policyFor({ audit: { eventArgument: 0 } }).audit.eventArgument).toBe(0);
  });
});

describe('other sections', () => {
  it('masking.functions extends the defaults', () => {
    const policy = policyFor({ masking: { functions: ['scrubPii', 'mask', { import: '@acme/pii', name: 'scrub' }] } });
    expect(sources(policy.masking.functions)).toEqual([...DEFAULT_MASKING_FUNCTIONS, 'scrubPii', '@acme/pii#scrub']);
  });

  it('endpoints.factories, logging.sinks and sensitiveOperations compile their matchers', () => {
    const policy = policyFor({
      endpoints: { factories: ['createApiRequestHandler'] },
      logging: { sinks: ['telemetry.track'] },
      sensitiveOperations: { export: ['reports.download'], deletion: [{ import: '@acme/gdpr', name: 'erase' }] },
    });
    expect(sources(policy.endpoints.factories)).toEqual(['createApiRequestHandler']);
    expect(sources(policy.logging.sinks)).toEqual(['telemetry.track']);
    expect(sources(policy.sensitiveOperations.export)).toEqual(['reports.download']);
    expect(sources(policy.sensitiveOperations.deletion)).toEqual(['@acme/gdpr#erase']);
    expect(policy.sensitiveOperations.authentication).toEqual([]);
  });

  it('sensitiveData.add extends a known category only where it is active', () => {
    const add = { credentials: ['vaultKey'], healthData: ['allergy'] };
    const without = policyFor({ sensitiveData: { add } });
    expect(without.sensitivePatterns.credentials).toEqual([...DEFAULT_SENSITIVE_PATTERNS.credentials, 'vaultKey']);
    expect(without.sensitiveCategories.has('healthData')).toBe(false);
    expect(without.sensitivePatterns.healthData).toBeUndefined();

    const hipaa = policyFor({ regulations: { hipaa: true }, sensitiveData: { add } });
    expect(hipaa.sensitivePatterns.healthData).toEqual([...DEFAULT_SENSITIVE_PATTERNS.healthData, 'allergy']);
  });

  it('sensitiveData.add with a new key creates an always-active custom category', () => {
    const policy = policyFor({ sensitiveData: { add: { employeeData: ['employeeId', 'payGrade'] } } });
    expect([...policy.sensitiveCategories]).toEqual(['credentials', 'cardData', 'employeeData']);
    expect(policy.sensitivePatterns.employeeData).toEqual(['employeeId', 'payGrade']);
  });

  it('sensitiveData.ignore removes patterns (any spelling) and is kept as a set', () => {
    const policy = policyFor({ sensitiveData: { ignore: ['tokenType', 'TOKEN', 'api_key'], add: { credentials: ['token'] } } });
    expect(policy.sensitivePatterns.credentials).not.toContain('token');
    expect(policy.sensitivePatterns.credentials).not.toContain('apiKey');
    expect(policy.sensitivePatterns.credentials).toContain('accessToken');
    expect([...policy.sensitiveIgnore]).toEqual(['tokenType', 'TOKEN', 'api_key']);
  });

  it('sensitiveData.brands', () => {
    expect(policyFor({ sensitiveData: { brands: ['Secret', 'Pii', 'Secret'] } }).sensitiveBrands).toEqual(['Secret', 'Pii']);
  });
});

describe('errors', () => {
  it('compliance not an object', () => {
    const expected = 'an object like { regulations: { soc2: true } }';
    expect(errorFor(42)).toBe(`settings.compliance: expected ${expected}, got 42`);
    expect(errorFor(null)).toBe(`settings.compliance: expected ${expected}, got null`);
    expect(errorFor(['soc2'])).toBe(`settings.compliance: expected ${expected}, got an array of 1`);
    expect(errorFor('soc2')).toBe(`settings.compliance: expected ${expected}, got "soc2"`);
  });

  it('misspelled top-level key, with did-you-mean', () => {
    expect(errorFor({ adit: {} })).toBe(
      'settings.compliance.adit: unknown key; expected one of regulations, audit, endpoints, masking, sensitiveData, logging, sensitiveOperations (did you mean "audit"?)',
    );
    expect(errorFor({ SensitiveData: {} })).toMatch(/^settings\.compliance\.SensitiveData: unknown key; .* \(did you mean "sensitiveData"\?\)$/u);
  });

  it('unknown top-level key with nothing close: no suggestion', () => {
    expect(errorFor({ retention: 365 })).toBe(
      'settings.compliance.retention: unknown key; expected one of regulations, audit, endpoints, masking, sensitiveData, logging, sensitiveOperations',
    );
  });

  it('misspelled nested keys', () => {
    expect(errorFor({ audit: { cals: ['audit.log'] } })).toBe(
      'settings.compliance.audit.cals: unknown key; expected one of calls, wrappers, decorators, middleware, eventArgument, providedFields, fieldAliases (did you mean "calls"?)',
    );
    expect(errorFor({ masking: { function: ['mask'] } })).toBe(
      'settings.compliance.masking.function: unknown key; expected one of functions (did you mean "functions"?)',
    );
    expect(errorFor({ sensitiveData: { ignored: [] } })).toBe(
      'settings.compliance.sensitiveData.ignored: unknown key; expected one of add, ignore, brands (did you mean "ignore"?)',
    );
    expect(errorFor({ endpoints: { factory: [] } })).toMatch(/^settings\.compliance\.endpoints\.factory: unknown key; expected one of factories \(did you mean "factories"\?\)$/u);
    expect(errorFor({ logging: { 'log sinks': [] } })).toBe('settings.compliance.logging["log sinks"]: unknown key; expected one of sinks, clientFiles');
  });

  it('a section that is not an object', () => {
    expect(errorFor({ audit: ['audit.log'] })).toBe(
      'settings.compliance.audit: expected an object with keys calls, wrappers, decorators, middleware, eventArgument, providedFields, fieldAliases, got an array of 1',
    );
    expect(errorFor({ regulations: ['soc2'] })).toBe(
      'settings.compliance.regulations: expected an object of regulation ids to booleans like { soc2: true }, got an array of 1',
    );
  });

  it('unknown regulation, with did-you-mean', () => {
    expect(errorFor({ regulations: { pci: true } })).toBe(
      'settings.compliance.regulations.pci: unknown regulation; expected one of soc2, hipaa, gdpr, iso27001, pci-dss, nist-800-53 (did you mean "pci-dss"?)',
    );
    expect(errorFor({ regulations: { hippa: true } })).toMatch(/\(did you mean "hipaa"\?\)$/u);
    expect(errorFor({ regulations: { SOC2: true } })).toMatch(/^settings\.compliance\.regulations\.SOC2: unknown regulation; .*\(did you mean "soc2"\?\)$/u);
    expect(errorFor({ regulations: { sox: false } })).toBe(
      'settings.compliance.regulations.sox: unknown regulation; expected one of soc2, hipaa, gdpr, iso27001, pci-dss, nist-800-53',
    );
  });

  it('non-boolean regulation value', () => {
    expect(errorFor({ regulations: { soc2: 'yes' } })).toBe('settings.compliance.regulations.soc2: expected true or false, got "yes"');
    expect(errorFor({ regulations: { 'pci-dss': 1 } })).toBe('settings.compliance.regulations.pci-dss: expected true or false, got 1');
  });

  it('matcher lists that are not arrays', () => {
    expect(errorFor({ audit: { calls: 'audit.log' } })).toBe('settings.compliance.audit.calls: expected an array of matchers, got "audit.log"');
    expect(errorFor({ logging: { sinks: { sink: 'x' } } })).toBe('settings.compliance.logging.sinks: expected an array of matchers, got {"sink":"x"}');
  });

  it('wrong matcher type at its exact index', () => {
    expect(errorFor({ audit: { calls: ['audit.log', 'sendAudit', 42] } })).toBe(
      'settings.compliance.audit.calls[2]: expected a string like "audit.log" or { import, name } or { type, method }, got 42',
    );
    expect(errorFor({ audit: { wrappers: [null] } })).toMatch(/^settings\.compliance\.audit\.wrappers\[0\]: expected a string like "audit\.log" .*, got null$/u);
    expect(errorFor({ masking: { functions: ['mask', true] } })).toMatch(/^settings\.compliance\.masking\.functions\[1\]: expected .*, got true$/u);
    expect(errorFor({ sensitiveOperations: { export: ['ok', ['nested']] } })).toMatch(
      /^settings\.compliance\.sensitiveOperations\.export\[1\]: expected .*, got an array of 1$/u,
    );
    expect(errorFor({ endpoints: { factories: [{}] } })).toMatch(/^settings\.compliance\.endpoints\.factories\[0\]: expected .*, got \{\}$/u);
  });

  it('malformed matcher string', () => {
    expect(errorFor({ audit: { calls: ['audit..log'] } })).toBe(
      'settings.compliance.audit.calls[0]: expected a string like "audit.log" or { import, name } or { type, method }, got "audit..log" (a matcher string is identifiers and * joined by dots)',
    );
    expect(errorFor({ audit: { middleware: ['ok', 'audit log'] } })).toMatch(/^settings\.compliance\.audit\.middleware\[1\]: .*got "audit log"/u);
  });

  it('bad { import } objects', () => {
    expect(errorFor({ audit: { calls: [{ import: '', name: 'record' }] } })).toBe(
      'settings.compliance.audit.calls[0].import: expected a module specifier string like "@acme/audit", got ""',
    );
    expect(errorFor({ audit: { calls: ['x', { import: '@acme/audit', name: 'a-b' }] } })).toBe(
      'settings.compliance.audit.calls[1].name: expected an exported name like "record", "default" or "auditor.log", got "a-b"',
    );
    expect(errorFor({ audit: { calls: [{ import: '@acme/audit' }] } })).toBe(
      'settings.compliance.audit.calls[0]: expected a string like "audit.log" or { import, name } or { type, method }, got {"import":"@acme/audit"}',
    );
  });

  it('bad decorator', () => {
    expect(errorFor({ audit: { decorators: ['Audit', 'Audit('] } })).toBe(
      'settings.compliance.audit.decorators[1]: expected a decorator like "Audit" or "UseInterceptors(AuditInterceptor)", got "Audit("',
    );
    expect(errorFor({ audit: { decorators: [7] } })).toMatch(/^settings\.compliance\.audit\.decorators\[0\]: expected a decorator .*, got 7$/u);
    expect(errorFor({ audit: { decorators: 'Audit' } })).toBe('settings.compliance.audit.decorators: expected an array of decorators like ["Audit"], got "Audit"');
  });

  it.each([
    [-1, '-1'],
    [1.5, '1.5'],
    ['0', '"0"'],
    [null, 'null'],
    [Number.NaN, 'NaN'],
  ])('bad eventArgument %j', (value, shown) => {
    expect(errorFor({ audit: { eventArgument: value } })).toBe(
      `settings.compliance.audit.eventArgument: expected a non-negative integer (the index of the argument carrying the event), got ${shown}`,
    );
  });

  it('unknown providedFields entry, with did-you-mean', () => {
    expect(errorFor({ audit: { providedFields: ['timestamp', 'timestmp'] } })).toBe(
      'settings.compliance.audit.providedFields[1]: unknown audit field; expected one of actor, action, timestamp, outcome, source, resource (did you mean "timestamp"?)',
    );
    expect(errorFor({ audit: { providedFields: [3] } })).toBe(
      'settings.compliance.audit.providedFields[0]: expected an audit field name (one of actor, action, timestamp, outcome, source, resource), got 3',
    );
    expect(errorFor({ audit: { providedFields: 'timestamp' } })).toBe(
      'settings.compliance.audit.providedFields: expected an array of audit field names like ["timestamp"], got "timestamp"',
    );
  });

  it('fieldAliases with an unknown field or a non-array value', () => {
    expect(errorFor({ audit: { fieldAliases: { actr: ['userId'] } } })).toBe(
      'settings.compliance.audit.fieldAliases.actr: unknown audit field; expected one of actor, action, timestamp, outcome, source, resource (did you mean "actor"?)',
    );
    expect(errorFor({ audit: { fieldAliases: { actor: 'userId' } } })).toBe(
      'settings.compliance.audit.fieldAliases.actor: expected an array of property names like ["userId"], got "userId"',
    );
    expect(errorFor({ audit: { fieldAliases: { actor: ['userId', ''] } } })).toBe(
      'settings.compliance.audit.fieldAliases.actor[1]: expected a property name like "userId", got ""',
    );
    expect(errorFor({ audit: { fieldAliases: [] } })).toMatch(/^settings\.compliance\.audit\.fieldAliases: expected an object .*, got an array of 0$/u);
  });

  it('sensitiveData values of the wrong form', () => {
    expect(errorFor({ sensitiveData: { add: { employeeData: 'employeeId' } } })).toBe(
      'settings.compliance.sensitiveData.add.employeeData: expected an array of name patterns like ["employeeId"], got "employeeId"',
    );
    expect(errorFor({ sensitiveData: { add: ['employeeId'] } })).toMatch(/^settings\.compliance\.sensitiveData\.add: expected an object .*, got an array of 1$/u);
    expect(errorFor({ sensitiveData: { ignore: 'tokenType' } })).toBe(
      'settings.compliance.sensitiveData.ignore: expected an array of names like ["tokenType"], got "tokenType"',
    );
    expect(errorFor({ sensitiveData: { brands: ['Secret', 'not a type'] } })).toBe(
      'settings.compliance.sensitiveData.brands[1]: expected a type name like "Secret", got "not a type"',
    );
  });

  it('a custom category that is nearly a built-in one is taken for a typo', () => {
    expect(errorFor({ sensitiveData: { add: { healthdata: ['allergy'] } } })).toBe(
      'settings.compliance.sensitiveData.add.healthdata: unknown sensitive-data category; expected one of credentials, cardData, governmentIds, contactData, onlineIdentifiers, personalDates, healthData, specialCategories, financialAccounts or a custom category name not this close to one (did you mean "healthData"?)',
    );
  });

  it('unknown sensitiveOperations kind, with did-you-mean', () => {
    expect(errorFor({ sensitiveOperations: { exprt: ['reports.download'] } })).toBe(
      'settings.compliance.sensitiveOperations.exprt: unknown sensitive operation kind; expected one of authentication, authorization, export, deletion, sensitiveRead, configuration, auditAccess (did you mean "export"?)',
    );
    expect(errorFor({ sensitiveOperations: { export: 'reports.download' } })).toBe(
      'settings.compliance.sensitiveOperations.export: expected an array of matchers, got "reports.download"',
    );
  });

  it('unknown-name errors are SettingsErrors that carry the path, the known names and the suggestion', () => {
    let caught: unknown;
    try {
      policyFor({ adit: {} });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(UnknownSettingError);
    expect(caught).toBeInstanceOf(SettingsError);
    const error = caught as UnknownSettingError;
    expect(error.name).toBe('SettingsError');
    expect(error.path).toBe('settings.compliance.adit');
    expect(error.suggestion).toBe('audit');
    expect(error.stack).toContain('unknown key; expected one of');
  });

  it('errors are not cached away: the same bad settings throw every time', () => {
    const settings = { compliance: { adit: {} } };
    expect(() => resolvePolicy(settings)).toThrow(SettingsError);
    expect(() => resolvePolicy(settings)).toThrow(SettingsError);
  });
});

describe('caching', () => {
  it('validates once per settings object', () => {
    let reads = 0;
    const compliance = {
      get regulations() {
        reads++;
        return { soc2: true };
      },
    };
    const settings = { compliance };
    const first = resolvePolicy(settings);
    for (let file = 0; file < 1000; file++) expect(resolvePolicy(settings)).toBe(first);
    expect(reads).toBe(1);
    expect(getPolicy({ settings })).toBe(first);
    expect(reads).toBe(1);
  });

  it('also caches by the settings.compliance object', () => {
    let reads = 0;
    const compliance = {
      get regulations() {
        reads++;
        return { hipaa: true };
      },
    };
    const first = resolvePolicy({ compliance });
    const second = resolvePolicy({ compliance, react: { version: '19' } });
    expect(second).toBe(first);
    expect(reads).toBe(1);
  });

  it('different settings give different policies', () => {
    expect(resolvePolicy({ compliance: { regulations: { soc2: true } } })).not.toBe(
      resolvePolicy({ compliance: { regulations: { soc2: true } } }),
    );
  });
});

describe('frozen result', () => {
  const policy = policyFor({
    regulations: { soc2: true, hipaa: true },
    audit: { calls: ['audit.log'], decorators: ['Audit'], fieldAliases: { actor: ['who'] } },
    sensitiveData: { add: { employeeData: ['employeeId'] } },
    sensitiveOperations: { export: ['reports.download'] },
  });

  it('every object and array is frozen', () => {
    const seen = new Set<unknown>();
    const unfrozen: string[] = [];
    const visit = (value: unknown, path: string): void => {
      if (typeof value !== 'object' || value === null || seen.has(value)) return;
      seen.add(value);
      if (!Object.isFrozen(value)) unfrozen.push(path);
      if (value instanceof Set) return;
      // Regulation data belongs to src/regulations; the policy holds it as-is.
      if (path === 'policy.regulations' || path === 'policy.references') return;
      for (const [key, child] of Object.entries(value)) visit(child, `${path}.${key}`);
    };
    visit(policy, 'policy');
    expect(unfrozen).toEqual([]);
  });

  it('mutation throws (strict mode)', () => {
    const mutable = policy as unknown as Record<string, unknown> & {
      requiredFields: string[];
      audit: { calls: unknown[]; fieldAliases: Record<string, string[]> };
      retention: { minDays: number };
      sensitivePatterns: Record<string, string[]>;
      sensitiveOperations: Record<string, unknown[]>;
    };
    expect(() => {
      mutable.requiredFields.push('x');
    }).toThrow(TypeError);
    expect(() => {
      mutable.regulations = [];
    }).toThrow(TypeError);
    expect(() => {
      mutable.audit.calls.push('x');
    }).toThrow(TypeError);
    expect(() => {
      mutable.audit.fieldAliases.actor?.push('x');
    }).toThrow(TypeError);
    expect(() => {
      mutable.retention.minDays = 1;
    }).toThrow(TypeError);
    expect(() => {
      mutable.sensitivePatterns.employeeData?.push('x');
    }).toThrow(TypeError);
    expect(() => {
      mutable.sensitiveOperations.export = [];
    }).toThrow(TypeError);
  });

  it('sets reject mutation', () => {
    expect(() => (policy.regulationIds as Set<string>).add('gdpr')).toThrow(TypeError);
    expect(() => (policy.auditedMethods as Set<string>).delete('POST')).toThrow(TypeError);
    expect(() => (policy.sensitiveCategories as Set<string>).clear()).toThrow(TypeError);
    expect(policy.auditedMethods.has('POST')).toBe(true);
    expect(policy.regulationIds.has('gdpr')).toBe(false);
  });
});

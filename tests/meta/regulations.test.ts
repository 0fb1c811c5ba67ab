/**
 * The regulation data (src/regulations/*) against regulations.md, and docs/regulations.md
 * against the data. The expected values below are transcribed from regulations.md.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import { REGULATIONS_DOC_PATH, renderRegulationsDoc } from '../../scripts/generate-regulations-doc.js';
import { controlMatches } from '../../src/analysis/controls.js';
import {
  ALWAYS_ACTIVE_CATEGORIES,
  AUDIT_FIELDS,
  AUDIT_SCOPES,
  CATEGORY_TITLES,
  CHECKS,
  DEFAULT_FIELD_ALIASES,
  DEFAULT_SENSITIVE_PATTERNS,
  HTTP_METHODS,
  MUTATING_METHODS,
  REFERENCES,
  REGULATION_IDS,
  REGULATIONS,
  SENSITIVE_CATEGORIES,
  type AuditField,
  type Control,
  type Regulation,
  type RegulationId,
  type SensitiveCategory,
} from '../../src/regulations/index.js';

const regulations = REGULATION_IDS.map(id => REGULATIONS[id]);

function control(regulation: Regulation, id: string): Control {
  const found = regulation.controls.find(c => c.id === id);
  if (!found) throw new Error(`${regulation.id} has no control ${id}`);
  return found;
}

const EXPECTED_CONTROL_IDS: Record<RegulationId, readonly string[]> = {
  soc2: ['CC6.1', 'CC6.2', 'CC6.3', 'CC6.7', 'CC6.8', 'CC7.2', 'CC7.3', 'C1.2', 'P4.2'],
  hipaa: [
    '164.312(b)',
    '164.308(a)(1)(ii)(D)',
    '164.312(a)(2)(i)',
    '164.312(a)(2)(iv)',
    '164.312(e)(2)(ii)',
    '164.312(c)(1)',
    '164.316(b)(2)(i)',
    '164.514(b)(2)',
  ],
  gdpr: ['Art. 4(5)', 'Art. 5(1)(c)', 'Art. 5(1)(e)', 'Art. 5(1)(f)', 'Art. 9', 'Art. 25', 'Art. 30(1)(f),(g)', 'Art. 32(1)', 'Art. 33'],
  iso27001: ['A.8.15', 'A.8.16', 'A.8.11', 'A.8.12', 'A.5.33', 'A.8.17'],
  'pci-dss': [
    '10.2.1.1',
    '10.2.1.2',
    '10.2.1.3',
    '10.2.1.4',
    '10.2.1.5',
    '10.2.1.6',
    '10.2.1.7',
    '10.2.2',
    '10.3.1',
    '10.3.2',
    '10.3.3',
    '10.3.4',
    '10.5.1',
    '10.6',
    '3.3.1',
    '3.4.1',
    '3.5.1',
    '8.2.1',
    '8.3.2',
  ],
  'nist-800-53': ['AU-2', 'AU-3', 'AU-3(3)', 'AU-8', 'AU-9', 'AU-10', 'AU-11', 'AU-12'],
};

const EXPECTED_FIELDS: Record<RegulationId, readonly AuditField[]> = {
  soc2: ['actor', 'action', 'timestamp', 'outcome', 'resource'],
  hipaa: ['actor', 'action', 'timestamp', 'resource'],
  gdpr: [],
  iso27001: [...AUDIT_FIELDS],
  'pci-dss': [...AUDIT_FIELDS],
  'nist-800-53': [...AUDIT_FIELDS],
};

/** "active under" of the categories table, plus credentials everywhere. */
const EXPECTED_CATEGORIES: Record<RegulationId, readonly SensitiveCategory[]> = {
  soc2: ['credentials', 'financialAccounts'],
  hipaa: ['credentials', 'governmentIds', 'contactData', 'onlineIdentifiers', 'personalDates', 'healthData'],
  gdpr: [
    'credentials',
    'governmentIds',
    'contactData',
    'onlineIdentifiers',
    'personalDates',
    'healthData',
    'specialCategories',
    'financialAccounts',
  ],
  iso27001: ['credentials'],
  'pci-dss': ['credentials', 'cardData', 'governmentIds', 'financialAccounts'],
  'nist-800-53': ['credentials', 'governmentIds'],
};

const SUGGESTED_ALIASES: Record<AuditField, readonly string[]> = {
  actor: ['actor', 'actorId', 'userId', 'user', 'principal', 'performedBy'],
  action: ['action', 'event', 'eventType', 'type'],
  timestamp: ['timestamp', 'time', 'at', 'occurredAt', 'createdAt'],
  outcome: ['outcome', 'result', 'status', 'success'],
  source: ['source', 'ip', 'ipAddress', 'sourceIp', 'origin', 'remoteAddress'],
  resource: ['resource', 'resourceId', 'resourceType', 'target', 'targetId', 'entity', 'entityId', 'object'],
};

/** The table's example names, except the everyday words that defaults.ts qualifies (track, expiry, cid, condition, zip). */
const TABLE_EXAMPLES: Record<SensitiveCategory, readonly string[]> = {
  credentials: [
    'password',
    'passwd',
    'pwd',
    'secret',
    'token',
    'apiKey',
    'accessKey',
    'privateKey',
    'authorization',
    'cookie',
    'sessionId',
    'connectionString',
  ],
  cardData: ['pan', 'cardNumber', 'creditCard', 'cvv', 'cvc', 'pin'],
  governmentIds: ['ssn', 'socialSecurityNumber', 'nationalId', 'passport', 'driversLicense', 'taxId'],
  contactData: ['email', 'phone', 'address', 'postcode', 'fullName', 'firstName', 'lastName'],
  onlineIdentifiers: ['ipAddress', 'deviceId', 'cookieId'],
  personalDates: ['dateOfBirth', 'dob', 'birthDate'],
  healthData: ['diagnosis', 'medicalRecordNumber', 'mrn', 'prescription', 'insuranceId', 'healthPlanId', 'bloodType'],
  specialCategories: ['religion', 'ethnicity', 'politicalOpinion', 'sexualOrientation', 'biometric', 'genetic', 'tradeUnion'],
  financialAccounts: ['iban', 'accountNumber', 'routingNumber', 'bankAccount', 'salary'],
};

describe('regulation modules', () => {
  it('are keyed by their id, one per REGULATION_IDS entry', () => {
    expect(Object.keys(REGULATIONS).sort()).toEqual([...REGULATION_IDS].sort());
    for (const id of REGULATION_IDS) expect(REGULATIONS[id].id).toBe(id);
  });

  it('have distinct names and citations', () => {
    expect(new Set(regulations.map(r => r.citation)).size).toBe(regulations.length);
    expect(new Set(regulations.map(r => r.name)).size).toBe(regulations.length);
  });

  describe.each(regulations)('$id', regulation => {
    it('has every control of regulations.md, ids as written there, each once', () => {
      const ids = regulation.controls.map(c => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toEqual(EXPECTED_CONTROL_IDS[regulation.id]);
    });

    it('gives every control a title and at least one known check, none twice', () => {
      for (const c of regulation.controls) {
        expect(c.title.trim().length, c.id).toBeGreaterThan(0);
        expect(c.checks.length, c.id).toBeGreaterThan(0);
        expect(new Set(c.checks).size, c.id).toBe(c.checks.length);
        for (const check of c.checks) expect(CHECKS, c.id).toContain(check);
      }
    });

    it('narrows only the checks a control has, to non-empty subsets of its own lists', () => {
      for (const c of regulation.controls) {
        if (c.auditScopes) {
          expect(c.checks, c.id).toContain('audit');
          expect(c.auditScopes.length, c.id).toBeGreaterThan(0);
          for (const scope of c.auditScopes) expect(AUDIT_SCOPES, c.id).toContain(scope);
        }
        if (c.fields) {
          expect(c.checks, c.id).toContain('fields');
          expect(c.fields.length, c.id).toBeGreaterThan(0);
          for (const field of c.fields) expect(regulation.requiredFields, c.id).toContain(field);
        }
        if (c.categories) {
          expect(c.checks, c.id).toContain('masking');
          expect(c.categories.length, c.id).toBeGreaterThan(0);
          for (const category of c.categories) expect(regulation.sensitiveCategories, c.id).toContain(category);
        }
      }
    });

    it('requires the fields of the "Normalized record fields" table', () => {
      expect(regulation.requiredFields).toEqual(EXPECTED_FIELDS[regulation.id]);
    });

    it('activates the categories of the categories table, credentials included', () => {
      expect([...regulation.sensitiveCategories].sort()).toEqual([...EXPECTED_CATEGORIES[regulation.id]].sort());
      for (const category of regulation.sensitiveCategories) expect(SENSITIVE_CATEGORIES).toContain(category);
    });

    it('audits the mutating methods, and reads only under HIPAA and PCI DSS', () => {
      for (const method of MUTATING_METHODS) expect(regulation.auditedMethods).toContain(method);
      for (const method of regulation.auditedMethods) expect(HTTP_METHODS).toContain(method);
      const reads = regulation.id === 'hipaa' || regulation.id === 'pci-dss';
      expect(regulation.auditedMethods.includes('GET')).toBe(reads);
      expect(regulation.auditedMethods.includes('HEAD')).toBe(reads);
      expect(regulation.auditedMethods).not.toContain('OPTIONS');
    });

    it('has consistent retention bounds with a basis', () => {
      const { minDays, maxDays, mustBeSet, mustBeBounded, basis } = regulation.retention;
      if (minDays !== undefined) expect(Number.isInteger(minDays) && minDays > 0).toBe(true);
      if (maxDays !== undefined) expect(Number.isInteger(maxDays) && maxDays > 0).toBe(true);
      if (minDays !== undefined && maxDays !== undefined) expect(minDays).toBeLessThanOrEqual(maxDays);
      if (mustBeBounded) expect(mustBeSet).toBe(true);
      expect(basis.trim().length).toBeGreaterThan(0);
    });

    it('has a retention control exactly when it has a retention bound', () => {
      const { minDays, maxDays, mustBeSet, mustBeBounded } = regulation.retention;
      const bounded = minDays !== undefined || maxDays !== undefined || mustBeSet || mustBeBounded;
      expect(regulation.controls.some(c => c.checks.includes('retention'))).toBe(bounded);
    });
  });
});

describe('spot checks against regulations.md', () => {
  const soc2 = REGULATIONS.soc2;
  const hipaa = REGULATIONS.hipaa;
  const gdpr = REGULATIONS.gdpr;
  const iso = REGULATIONS.iso27001;
  const pci = REGULATIONS['pci-dss'];
  const nist = REGULATIONS['nist-800-53'];

  it('retention: PCI DSS ≥ 365 days (text), HIPAA 2190, SOC 2 365 (practice), GDPR bounded, ISO and NIST set', () => {
    expect(pci.retention).toMatchObject({ minDays: 365, mustBeBounded: false });
    expect(pci.retention.basis).toContain('10.5.1');
    expect(hipaa.retention).toMatchObject({ minDays: 2190, mustBeBounded: false });
    expect(hipaa.retention.basis).toMatch(/practice/);
    expect(soc2.retention).toMatchObject({ minDays: 365 });
    expect(soc2.retention.basis).toMatch(/practice/);
    expect(gdpr.retention).toMatchObject({ mustBeBounded: true, mustBeSet: true });
    expect(gdpr.retention.minDays).toBeUndefined();
    expect(iso.retention).toMatchObject({ mustBeSet: true, mustBeBounded: false });
    expect(nist.retention).toMatchObject({ mustBeSet: true, mustBeBounded: false });
    for (const regulation of regulations) expect(regulation.retention.maxDays).toBeUndefined();
  });

  it('PCI DSS 10.2.2 requires all six fields; 8.2.1 and 10.6 narrow to actor and timestamp', () => {
    expect(control(pci, '10.2.2')).toEqual(expect.objectContaining({ checks: ['fields'] }));
    expect(control(pci, '10.2.2').fields).toBeUndefined();
    expect(pci.requiredFields).toEqual(AUDIT_FIELDS);
    expect(control(pci, '8.2.1').fields).toEqual(['actor']);
    expect(control(pci, '10.6').fields).toEqual(['timestamp']);
  });

  it('PCI DSS 10.2.1.x scopes; 10.2.1.1 is unscoped (reads included)', () => {
    expect(control(pci, '10.2.1.1').auditScopes).toBeUndefined();
    expect(control(pci, '10.2.1.2').auditScopes).toEqual(['administration']);
    expect(control(pci, '10.2.1.3').auditScopes).toEqual(['audit-access']);
    expect(control(pci, '10.2.1.4').auditScopes).toEqual(['failures']);
    expect([...(control(pci, '10.2.1.5').auditScopes ?? [])].sort()).toEqual(['authentication', 'privilege']);
    expect(control(pci, '10.2.1.6').auditScopes).toEqual(['logging-lifecycle']);
    expect(control(pci, '10.2.1.7').auditScopes).toEqual(['system-objects']);
  });

  it('PCI DSS masking controls name card data and credentials', () => {
    for (const id of ['3.3.1', '3.4.1', '3.5.1']) expect(control(pci, id).categories).toEqual(['cardData']);
    expect(control(pci, '8.3.2').categories).toEqual(['credentials']);
    for (const id of ['10.3.1', '10.3.2', '10.3.3', '10.3.4']) expect(control(pci, id).checks).toEqual(['protection']);
  });

  it('HIPAA: unscoped audit controls, actor for 164.312(a)(2)(i), Safe Harbor categories', () => {
    expect(control(hipaa, '164.312(b)').auditScopes).toBeUndefined();
    expect(control(hipaa, '164.312(a)(2)(i)').fields).toEqual(['actor']);
    expect(control(hipaa, '164.312(c)(1)').auditScopes).toEqual(['modification']);
    const safeHarbor = control(hipaa, '164.514(b)(2)').categories ?? [];
    for (const category of ['contactData', 'governmentIds', 'personalDates', 'healthData', 'onlineIdentifiers'] as const) {
      expect(safeHarbor).toContain(category);
    }
  });

  it('GDPR requires no fields; Art. 9 names special categories and health data; Art. 33 is about breaches', () => {
    expect(gdpr.requiredFields).toEqual([]);
    expect([...(control(gdpr, 'Art. 9').categories ?? [])].sort()).toEqual(['healthData', 'specialCategories']);
    expect(control(gdpr, 'Art. 33').auditScopes).toEqual(['breach']);
    expect(gdpr.controls.some(c => c.checks.includes('fields'))).toBe(false);
  });

  it('SOC 2: scopes per criterion and a note that the fields rest on practice', () => {
    expect(control(soc2, 'CC6.1').auditScopes).toEqual(['authentication']);
    expect(control(soc2, 'CC6.2').auditScopes).toEqual(['privilege']);
    expect(control(soc2, 'CC6.3').auditScopes).toEqual(['privilege']);
    expect(control(soc2, 'CC6.7').auditScopes).toEqual(['export']);
    expect(control(soc2, 'CC6.8').auditScopes).toEqual(['configuration']);
    expect(control(soc2, 'CC7.2').auditScopes).toBeUndefined();
    expect(control(soc2, 'CC7.3').fields).toEqual(['resource']);
    const notes = (soc2.notes ?? []).join('\n');
    expect(notes).toMatch(/practice/);
    expect(notes).toContain('providedFields');
    expect(notes).toContain('ignore');
  });

  it('time synchronisation controls narrow to the timestamp', () => {
    expect(control(iso, 'A.8.17').fields).toEqual(['timestamp']);
    expect(control(nist, 'AU-8').fields).toEqual(['timestamp']);
    expect(control(iso, 'A.8.12').auditScopes).toEqual(['export']);
  });

  it('cites as controls.ts expects: unscoped controls back read findings, scoped ones only their events', () => {
    const reads = { checks: ['audit'], auditScopes: ['reads'] } as const;
    expect(hipaa.controls.filter(c => controlMatches(c, reads)).map(c => c.id)).toEqual(['164.312(b)', '164.308(a)(1)(ii)(D)']);
    expect(pci.controls.filter(c => controlMatches(c, reads)).map(c => c.id)).toEqual(['10.2.1.1']);
    const failures = { checks: ['audit'], auditScopes: ['failures'] } as const;
    expect(pci.controls.filter(c => controlMatches(c, failures)).map(c => c.id)).toContain('10.2.1.4');
    const card = { checks: ['masking'], categories: ['cardData'] } as const;
    expect(pci.controls.filter(c => controlMatches(c, card)).map(c => c.id)).toEqual(['3.3.1', '3.4.1', '3.5.1']);
  });
});

describe('references', () => {
  it('OWASP is cited by name with valid controls', () => {
    expect(REFERENCES.map(r => r.citation)).toEqual(['OWASP']);
    for (const reference of REFERENCES) {
      const ids = reference.controls.map(c => c.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const c of reference.controls) {
        expect(c.checks.length).toBeGreaterThan(0);
        for (const check of c.checks) expect(CHECKS).toContain(check);
        for (const field of c.fields ?? []) expect(AUDIT_FIELDS).toContain(field);
      }
      expect(new Set(reference.controls.flatMap(c => c.checks))).toEqual(new Set(['audit', 'fields', 'masking']));
    }
  });
});

describe('defaults', () => {
  it.each(AUDIT_FIELDS)('aliases of %s: the field first, then the suggested aliases', field => {
    const aliases = DEFAULT_FIELD_ALIASES[field];
    expect(aliases[0]).toBe(field);
    for (const alias of SUGGESTED_ALIASES[field]) expect(aliases).toContain(alias);
    expect(new Set(aliases).size).toBe(aliases.length);
  });

  it('no alias belongs to two fields', () => {
    const all = AUDIT_FIELDS.flatMap(field => DEFAULT_FIELD_ALIASES[field]);
    expect(new Set(all).size).toBe(all.length);
  });

  it.each(SENSITIVE_CATEGORIES)('patterns of %s: the table examples, camelCase, each once overall', category => {
    const patterns = DEFAULT_SENSITIVE_PATTERNS[category];
    for (const example of TABLE_EXAMPLES[category]) expect(patterns).toContain(example);
    for (const pattern of patterns) expect(pattern).toMatch(/^[a-z][a-z0-9]*(?:[A-Z][a-z0-9]*)*$/);
    const all = SENSITIVE_CATEGORIES.flatMap(c => DEFAULT_SENSITIVE_PATTERNS[c]);
    for (const pattern of patterns) expect(all.filter(p => p === pattern), pattern).toHaveLength(1);
    expect(CATEGORY_TITLES[category].length).toBeGreaterThan(0);
  });

  it('credentials and card data are always active; mutating methods are POST, PUT, PATCH, DELETE', () => {
    expect([...ALWAYS_ACTIVE_CATEGORIES].sort()).toEqual(['cardData', 'credentials']);
    expect([...MUTATING_METHODS].sort()).toEqual(['DELETE', 'PATCH', 'POST', 'PUT']);
  });
});

describe('docs/regulations.md', () => {
  it('is generated from the data (run `npm run docs` when this fails)', () => {
    expect(readFileSync(REGULATIONS_DOC_PATH, 'utf8')).toBe(renderRegulationsDoc(rules));
  });

  it('lists every control of every regulation and links only existing rules', () => {
    const markdown = renderRegulationsDoc(rules);
    for (const regulation of regulations) {
      expect(markdown).toContain(`## ${regulation.name}`);
      for (const c of regulation.controls) expect(markdown).toContain(`| ${c.id} |`);
    }
    for (const [, name] of markdown.matchAll(/\]\(rules\/([a-z-]+)\.md\)/g)) expect(Object.keys(rules)).toContain(name);
  });

  it('links a rule to the controls whose checks it shares', () => {
    const fake = { 'only-retention': { meta: { docs: { checks: ['retention'] as const } } } };
    const markdown = renderRegulationsDoc(fake);
    const row = markdown.split('\n').find(line => line.startsWith('| 10.5.1 |'));
    expect(row).toContain('[only-retention](rules/only-retention.md)');
    const other = markdown.split('\n').find(line => line.startsWith('| 10.2.2 |'));
    expect(other).not.toContain('only-retention');
    expect(renderRegulationsDoc(fake)).toBe(markdown);
  });
});

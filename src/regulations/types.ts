/**
 * The shape of the regulation data in `src/regulations/<id>.ts`.
 * Data only: no logic lives in the regulation modules.
 */

export const REGULATION_IDS = ['soc2', 'hipaa', 'gdpr', 'iso27001', 'pci-dss', 'nist-800-53'] as const;
export type RegulationId = (typeof REGULATION_IDS)[number];

/** Normalized audit-record fields (regulations.md, "Normalized record fields"). */
export const AUDIT_FIELDS = ['actor', 'action', 'timestamp', 'outcome', 'source', 'resource'] as const;
export type AuditField = (typeof AUDIT_FIELDS)[number];

/** Sensitive-data categories (regulations.md, "Sensitive data categories"). */
export const SENSITIVE_CATEGORIES = [
  'credentials',
  'cardData',
  'governmentIds',
  'contactData',
  'onlineIdentifiers',
  'personalDates',
  'healthData',
  'specialCategories',
  'financialAccounts',
] as const;
export type SensitiveCategory = (typeof SENSITIVE_CATEGORIES)[number];

export const HTTP_METHODS = ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/**
 * What a control motivates (regulations.md check letters):
 * a `audit` event must be audited · b `fields` record fields · c `masking` never log / mask ·
 * d `protection` protect logs · e `retention` retention.
 */
export const CHECKS = ['audit', 'fields', 'masking', 'protection', 'retention'] as const;
export type Check = (typeof CHECKS)[number];

/** Narrows an `audit` control to some kinds of events (e.g. "a(authn)"). No scope: every audited event. */
export const AUDIT_SCOPES = [
  'authentication',
  'privilege',
  'export',
  'configuration',
  'modification',
  'reads',
  'failures',
  'audit-access',
  'logging-lifecycle',
  'system-objects',
  'administration',
  'breach',
] as const;
export type AuditScope = (typeof AUDIT_SCOPES)[number];

export interface Control {
  /** Identifier as the regulation writes it, e.g. `CC7.2`, `164.312(b)`, `10.2.1.4`, `AU-3`. */
  readonly id: string;
  /** Short title, in our own words. */
  readonly title: string;
  /** The checks this control motivates. */
  readonly checks: readonly Check[];
  /** For `audit`: only these events. Absent: all audited events. */
  readonly auditScopes?: readonly AuditScope[];
  /** For `fields`: only these fields. Absent: all required fields of the regulation. */
  readonly fields?: readonly AuditField[];
  /** For `masking`: only these categories. Absent: all categories of the regulation. */
  readonly categories?: readonly SensitiveCategory[];
}

export interface RetentionBounds {
  /** Minimum retention of audit logs in days. */
  readonly minDays?: number;
  /** Maximum retention in days. */
  readonly maxDays?: number;
  /** A retention period must be configured (organisation-defined). */
  readonly mustBeSet: boolean;
  /** Retention must be bounded (a finite expiry), e.g. GDPR storage limitation. */
  readonly mustBeBounded: boolean;
  /** Where the numbers come from; says "practice" where they are not in the text. */
  readonly basis: string;
}

export interface Regulation {
  readonly id: RegulationId;
  /** Human name, e.g. `PCI DSS v4.0.1`. */
  readonly name: string;
  /** Short label used in report messages, e.g. `PCI DSS`. */
  readonly citation: string;
  readonly controls: readonly Control[];
  /** Normalized audit fields every audit record must carry. */
  readonly requiredFields: readonly AuditField[];
  /** Sensitive-data categories this regulation activates. */
  readonly sensitiveCategories: readonly SensitiveCategory[];
  /** Endpoint methods whose handlers must be audited. */
  readonly auditedMethods: readonly HttpMethod[];
  readonly retention: RetentionBounds;
  /** Notes about where the data rests on practice rather than text. */
  readonly notes?: readonly string[];
}

/** A source we cite that is not a regulation (OWASP). Cited by name only. */
export interface Reference {
  readonly id: string;
  readonly name: string;
  readonly citation: string;
  readonly controls: readonly Control[];
}

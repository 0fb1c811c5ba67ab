/**
 * Control citations: every report message ends with the controls of the active regulations
 * that the check enforces, e.g. `(SOC 2 CC7.2; PCI DSS 10.2.1.4)`.
 */
import type { Policy } from '../policy.js';
import type { AuditField, AuditScope, Check, Control } from '../regulations/types.js';

export interface CitationQuery {
  /** The checks the finding is about; a control citing any of them matches. */
  readonly checks: readonly Check[];
  /** For `audit`: the kinds of event (e.g. `reads`, `authentication`). Unscoped controls always match. */
  readonly auditScopes?: readonly AuditScope[];
  /** For `fields`: the fields concerned. Controls without a field list always match. */
  readonly fields?: readonly AuditField[];
  /** For `masking`: the categories concerned. Controls without a category list always match. */
  readonly categories?: readonly string[];
}

function intersects<T>(a: readonly T[] | undefined, b: readonly T[] | undefined): boolean {
  if (!a || !b) return true;
  return a.some(value => b.includes(value));
}

/** Whether a control backs a finding described by the query. */
export function controlMatches(control: Control, query: CitationQuery): boolean {
  const check = control.checks.find(c => query.checks.includes(c));
  if (!check) return false;
  // A control scoped to some events only backs findings about those events.
  if (control.auditScopes && query.checks.includes('audit') && control.checks.includes('audit')) {
    if (!query.auditScopes || !intersects(control.auditScopes, query.auditScopes)) {
      // It may still match through another of its checks.
      if (!control.checks.some(c => c !== 'audit' && query.checks.includes(c))) return false;
    }
  }
  if (query.fields && control.fields && control.checks.includes('fields') && !intersects(control.fields, query.fields)) {
    if (!control.checks.some(c => c !== 'fields' && query.checks.includes(c))) return false;
  }
  if (
    query.categories &&
    control.categories &&
    control.checks.includes('masking') &&
    !intersects<string>(control.categories, query.categories)
  ) {
    if (!control.checks.some(c => c !== 'masking' && query.checks.includes(c))) return false;
  }
  return true;
}

/** What a rule's metadata says it enforces (`meta.docs.checks` and `auditScopes`). */
export interface RuleCoverage {
  readonly checks?: readonly Check[];
  readonly auditScopes?: readonly AuditScope[];
}

/**
 * Whether a rule enforces a control: they share a check, and where the only shared check is
 * `audit` and both are scoped to kinds of event, the kinds meet. Decides the presets and
 * `docs/regulations.md`.
 */
export function ruleEnforcesControl(rule: RuleCoverage, control: Control): boolean {
  const shared = control.checks.filter(check => rule.checks?.includes(check));
  if (shared.length === 0) return false;
  if (shared.some(check => check !== 'audit')) return true;
  return intersects(control.auditScopes, rule.auditScopes);
}

/**
 * The controls of the active regulations backing a finding, grouped per regulation:
 * `(SOC 2 CC7.2; HIPAA 164.312(b), 164.308(a)(1)(ii)(D))`. References (OWASP) are cited by name.
 * The text starts with a space, and is `''` when nothing applies, so messages read
 * `… emits no audit event{{controls}}`.
 */
export function citeControls(policy: Policy, query: CitationQuery): string {
  const parts: string[] = [];
  for (const regulation of policy.regulations) {
    const ids = regulation.controls.filter(control => controlMatches(control, query)).map(control => control.id);
    if (ids.length > 0) parts.push(`${regulation.citation} ${ids.join(', ')}`);
  }
  for (const reference of policy.references) {
    if (reference.controls.some(control => controlMatches(control, query))) parts.push(reference.citation);
  }
  return parts.length > 0 ? ` (${parts.join('; ')})` : '';
}

/** Every control id cited for the query, as `SOC 2 CC7.2`, for meta-tests and docs. */
export function citedControlIds(policy: Policy, query: CitationQuery): string[] {
  return policy.regulations.flatMap(regulation =>
    regulation.controls.filter(control => controlMatches(control, query)).map(control => `${regulation.citation} ${control.id}`),
  );
}

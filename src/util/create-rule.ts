import { ESLintUtils } from '@typescript-eslint/utils';
import type { AuditScope, Check } from '../regulations/types.js';

export const REPO_URL = 'https://github.com/eslint-plugin-compliance/eslint-plugin-compliance';

/** Extra `meta.docs` of our rules; read by the presets, the docs generator and the meta-tests. */
export interface ComplianceDocs {
  /** In `configs.recommended`. */
  recommended?: boolean;
  /** Needs type information to work at all (most rules only work better with it). */
  requiresTypeChecking?: boolean;
  /** The checks (regulations.md letters) this rule enforces; decides the regulation presets and the cited controls. */
  checks: readonly Check[];
  /**
   * The kinds of audited event the rule's `audit` findings are about. Absent: every kind. A control
   * scoped to other events only (GDPR Art. 33, breaches) is not enforced by the rule.
   */
  auditScopes?: readonly AuditScope[];
}

export function docsUrl(name: string): string {
  return `${REPO_URL}/blob/main/docs/rules/${name}.md`;
}

export const createRule = ESLintUtils.RuleCreator<ComplianceDocs>(docsUrl);

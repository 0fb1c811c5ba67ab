// The sorted map of every rule. `npm run new-rule <name>` adds to it.
import type { TSESLint } from '@typescript-eslint/utils';
import exemptionJustification from './exemption-justification.js';

export const rules: Record<string, TSESLint.RuleModule<string, readonly unknown[], import('../src/util/create-rule.js').ComplianceDocs>> = {
  'exemption-justification': exemptionJustification,
};

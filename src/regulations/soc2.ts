/**
 * SOC 2 — AICPA Trust Services Criteria (2017, points of focus revised 2022).
 * The criteria are not public text; the rows rest on published summaries. They name no record
 * fields and no retention period: both come from audit practice (see `notes`).
 */
import type { Regulation } from './types.js';

export const soc2: Regulation = {
  id: 'soc2',
  name: 'SOC 2 (Trust Services Criteria 2017)',
  citation: 'SOC 2',
  controls: [
    {
      id: 'CC6.1',
      title: 'Logical access security: authenticate users, protect information assets, limit use of personal information',
      checks: ['audit', 'masking', 'protection'],
      auditScopes: ['authentication'],
    },
    // regulations.md groups CC6.2 and CC6.3 (one row); they are separate criteria.
    {
      id: 'CC6.2',
      title: 'Register and authorize users before granting access, and remove access that is no longer needed',
      checks: ['audit'],
      auditScopes: ['privilege'],
    },
    {
      id: 'CC6.3',
      title: 'Grant, change and revoke access by role, least privilege and separation of duties',
      checks: ['audit'],
      auditScopes: ['privilege'],
    },
    {
      id: 'CC6.7',
      title: 'Restrict and protect data while it is transmitted or moved out of the system',
      checks: ['audit', 'protection'],
      auditScopes: ['export'],
    },
    {
      id: 'CC6.8',
      title: 'Detect and prevent unauthorized or malicious software and configuration changes',
      checks: ['audit'],
      auditScopes: ['configuration'],
    },
    {
      id: 'CC7.2',
      title: 'Monitor system components for anomalies and record unusual activity',
      checks: ['audit'],
    },
    {
      id: 'CC7.3',
      title: 'Evaluate security events and determine which resources and personal information they affected',
      checks: ['audit', 'fields'],
      fields: ['resource'],
    },
    // regulations.md groups C1.2 (confidentiality) and P4.2 (privacy); both are about disposal.
    {
      id: 'C1.2',
      title: 'Dispose of confidential information once its retention period ends',
      checks: ['retention'],
    },
    {
      id: 'P4.2',
      title: 'Keep personal information no longer than needed, then dispose of it',
      checks: ['retention'],
    },
  ],
  requiredFields: ['actor', 'action', 'timestamp', 'outcome', 'resource'],
  sensitiveCategories: ['credentials', 'financialAccounts'],
  auditedMethods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  retention: {
    minDays: 365,
    mustBeSet: false,
    mustBeBounded: false,
    basis: 'practice: keep a year so the logs cover a SOC 2 Type II observation window (the criteria give no number)',
  },
  notes: [
    'The criteria name no audit-record fields. The required fields (actor, action, timestamp, outcome, resource) rest on auditor practice; resource also on CC7.3. Drop any of them with `audit.providedFields` or the rule option `ignore`.',
    'The 365-day minimum retention is practice (a Type II window), not text; C1.2 and P4.2 ask for disposal after retention but set no maximum.',
  ],
};

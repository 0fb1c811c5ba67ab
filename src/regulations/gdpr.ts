/**
 * GDPR (Regulation (EU) 2016/679). No article is about logging as such; the controls are the
 * ones that apply to logs because logs holding identifiers (IP addresses included) are
 * personal data.
 */
import type { Regulation } from './types.js';

export const gdpr: Regulation = {
  id: 'gdpr',
  name: 'GDPR (Regulation (EU) 2016/679)',
  citation: 'GDPR',
  controls: [
    {
      id: 'Art. 4(5)',
      title: 'Pseudonymised data is still personal data',
      checks: ['masking'],
    },
    {
      id: 'Art. 5(1)(c)',
      title: 'Data minimisation: process only the personal data that is needed',
      checks: ['masking'],
    },
    {
      id: 'Art. 5(1)(e)',
      title: 'Storage limitation: keep personal data no longer than necessary',
      checks: ['retention'],
    },
    {
      id: 'Art. 5(1)(f)',
      title: 'Integrity and confidentiality: secure personal data against unauthorised access and loss',
      checks: ['protection'],
    },
    {
      id: 'Art. 9',
      title: 'Special categories of personal data, health data among them',
      checks: ['masking'],
      categories: ['specialCategories', 'healthData'],
    },
    {
      id: 'Art. 25',
      title: 'Data protection by design and by default',
      checks: ['masking', 'retention'],
    },
    {
      // Kept as one control, as regulations.md writes it: it gives the pair one letter (e),
      // and the plugin enforces only the erasure time limits of point (f) from it.
      id: 'Art. 30(1)(f),(g)',
      title: 'Records of processing: time limits for erasure and the security measures taken',
      checks: ['retention'],
    },
    {
      id: 'Art. 32(1)',
      title: 'Security of processing: pseudonymisation, encryption, integrity',
      checks: ['masking', 'protection'],
    },
    {
      id: 'Art. 33',
      title: 'Document every personal-data breach',
      checks: ['audit'],
      auditScopes: ['breach'],
    },
  ],
  requiredFields: [],
  sensitiveCategories: [
    'credentials',
    'governmentIds',
    'contactData',
    'onlineIdentifiers',
    'personalDates',
    'healthData',
    'specialCategories',
    'financialAccounts',
  ],
  auditedMethods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  retention: {
    mustBeSet: true,
    mustBeBounded: true,
    basis: 'Art. 5(1)(e): retention must be bounded; the period is the controller\'s to set',
  },
  notes: [
    'GDPR requires no audit-record fields; it limits what logs may hold (minimisation, special categories).',
    'IP addresses and device ids in logs are personal data (online identifiers).',
  ],
};

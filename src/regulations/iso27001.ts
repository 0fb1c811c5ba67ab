/**
 * ISO/IEC 27001:2022 Annex A, with the guidance of ISO/IEC 27002:2022. The standard is not
 * public text; the rows rest on published summaries.
 */
import type { Regulation } from './types.js';

export const iso27001: Regulation = {
  id: 'iso27001',
  name: 'ISO/IEC 27001:2022 Annex A',
  citation: 'ISO 27001',
  controls: [
    {
      id: 'A.8.15',
      title: 'Logging: produce, store, protect and analyse logs of activities, exceptions and faults',
      checks: ['audit', 'fields', 'protection'],
    },
    {
      id: 'A.8.16',
      title: 'Monitor networks, systems and applications for anomalous behaviour',
      checks: ['audit'],
    },
    {
      id: 'A.8.11',
      title: 'Mask data according to the access-control policy',
      checks: ['masking'],
    },
    {
      id: 'A.8.12',
      title: 'Prevent data leakage from systems and networks',
      checks: ['audit', 'masking'],
      auditScopes: ['export'],
    },
    {
      id: 'A.5.33',
      title: 'Protect records from loss, destruction, falsification and unauthorised access; keep them as long as the organisation defines',
      checks: ['protection', 'retention'],
    },
    {
      id: 'A.8.17',
      title: 'Synchronise clocks to an approved time source',
      checks: ['fields'],
      fields: ['timestamp'],
    },
  ],
  requiredFields: ['actor', 'action', 'timestamp', 'outcome', 'source', 'resource'],
  sensitiveCategories: ['credentials'],
  auditedMethods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  retention: {
    mustBeSet: true,
    mustBeBounded: false,
    basis: 'A.5.33: an organisation-defined retention period',
  },
  notes: [
    'The required fields rest on the ISO 27002 8.15 guidance on log content (user ids, activities, dates and times, successful and rejected attempts, device identity and network address, files accessed), a summary rather than the text.',
  ],
};

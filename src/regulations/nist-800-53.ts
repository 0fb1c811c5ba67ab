/**
 * NIST SP 800-53 Rev. 5, Audit and Accountability (AU) family.
 */
import type { Regulation } from './types.js';

export const nist80053: Regulation = {
  id: 'nist-800-53',
  name: 'NIST SP 800-53 Rev. 5',
  citation: 'NIST 800-53',
  controls: [
    {
      id: 'AU-2',
      title: 'Decide which events to log, such as password changes, failed logons and use of privileges',
      checks: ['audit'],
    },
    {
      id: 'AU-3',
      title: 'Audit records say what happened, when, where, from which source, with which outcome and who was involved',
      checks: ['fields'],
    },
    {
      id: 'AU-3(3)',
      title: 'Keep personally identifiable information in audit records to a minimum',
      checks: ['masking'],
    },
    {
      id: 'AU-8',
      title: 'Time stamps in UTC or with an explicit offset from UTC',
      checks: ['fields'],
      fields: ['timestamp'],
    },
    {
      id: 'AU-9',
      title: 'Protect audit information from unauthorised access, modification and deletion',
      checks: ['protection'],
    },
    {
      id: 'AU-10',
      title: 'Non-repudiation: tie actions to the individuals who took them irrefutably',
      checks: ['protection'],
    },
    {
      id: 'AU-11',
      title: 'Keep audit records for an organisation-defined period',
      checks: ['retention'],
    },
    {
      id: 'AU-12',
      title: 'Generate audit records of the AU-2 events with the AU-3 content',
      checks: ['audit', 'fields'],
    },
  ],
  requiredFields: ['actor', 'action', 'timestamp', 'outcome', 'source', 'resource'],
  sensitiveCategories: ['credentials', 'governmentIds'],
  auditedMethods: ['POST', 'PUT', 'PATCH', 'DELETE'],
  retention: {
    mustBeSet: true,
    mustBeBounded: false,
    basis: 'AU-11: an organisation-defined retention period',
  },
};

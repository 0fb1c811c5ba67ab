/**
 * PCI DSS v4.0.1, requirements 3 (stored account data), 8 (identification and authentication)
 * and 10 (logging and monitoring).
 */
import type { Regulation } from './types.js';

export const pciDss: Regulation = {
  id: 'pci-dss',
  name: 'PCI DSS v4.0.1',
  citation: 'PCI DSS',
  controls: [
    {
      // Unscoped: every individual access to cardholder data, reads included.
      id: '10.2.1.1',
      title: 'Log every individual user access to cardholder data, reads included',
      checks: ['audit'],
    },
    {
      id: '10.2.1.2',
      title: 'Log every action taken by a user with administrative access',
      checks: ['audit'],
      auditScopes: ['administration'],
    },
    {
      id: '10.2.1.3',
      title: 'Log every access to the audit logs themselves',
      checks: ['audit'],
      auditScopes: ['audit-access'],
    },
    {
      id: '10.2.1.4',
      title: 'Log invalid logical access attempts, not only successful ones',
      checks: ['audit'],
      auditScopes: ['failures'],
    },
    {
      id: '10.2.1.5',
      title: 'Log changes to identification and authentication credentials and to privileges',
      checks: ['audit'],
      auditScopes: ['privilege', 'authentication'],
    },
    {
      id: '10.2.1.6',
      title: 'Log the start, stop and pausing of audit logging',
      checks: ['audit'],
      auditScopes: ['logging-lifecycle'],
    },
    {
      id: '10.2.1.7',
      title: 'Log the creation and deletion of system-level objects',
      checks: ['audit'],
      auditScopes: ['system-objects'],
    },
    {
      id: '10.2.2',
      title: 'Each audit record holds user, event type, date and time, success or failure, origin and affected resource',
      checks: ['fields'],
    },
    // regulations.md writes "10.3.1–10.3.4" as one row; each requirement is its own control.
    {
      id: '10.3.1',
      title: 'Limit read access to audit logs to those with a job-related need',
      checks: ['protection'],
    },
    {
      id: '10.3.2',
      title: 'Protect audit log files from modification',
      checks: ['protection'],
    },
    {
      id: '10.3.3',
      title: 'Back audit logs up promptly to a central store that is hard to alter',
      checks: ['protection'],
    },
    {
      id: '10.3.4',
      title: 'Detect changes to existing audit logs with file-integrity monitoring',
      checks: ['protection'],
    },
    {
      id: '10.5.1',
      title: 'Keep audit logs at least twelve months, the last three immediately available',
      checks: ['retention'],
    },
    {
      // regulations.md writes "10.6.x"; cited as the requirement 10.6 (time synchronisation)
      // that groups its sub-requirements, rather than guessing which of them applies.
      id: '10.6',
      title: 'Synchronise system clocks so that log times are consistent',
      checks: ['fields'],
      fields: ['timestamp'],
    },
    {
      id: '3.3.1',
      title: 'Do not keep sensitive authentication data (CVV, PIN, track data) after authorisation',
      checks: ['masking'],
      categories: ['cardData'],
    },
    {
      id: '3.4.1',
      title: 'Show at most the BIN and the last four digits of a PAN',
      checks: ['masking'],
      categories: ['cardData'],
    },
    {
      id: '3.5.1',
      title: 'Render the PAN unreadable wherever it is stored, audit logs included',
      checks: ['masking'],
      categories: ['cardData'],
    },
    {
      id: '8.2.1',
      title: 'Give every user a unique ID before access to system components or cardholder data',
      checks: ['fields'],
      fields: ['actor'],
    },
    {
      id: '8.3.2',
      title: 'Render authentication factors unreadable in transmission and storage',
      checks: ['masking'],
      categories: ['credentials'],
    },
  ],
  requiredFields: ['actor', 'action', 'timestamp', 'outcome', 'source', 'resource'],
  sensitiveCategories: ['credentials', 'cardData', 'governmentIds', 'financialAccounts'],
  auditedMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
  retention: {
    minDays: 365,
    mustBeSet: false,
    mustBeBounded: false,
    basis: '10.5.1 (text): at least twelve months, the last three immediately available',
  },
  notes: ['Reads are audited (10.2.1.1); narrow the read routes to those that touch cardholder data.'],
};

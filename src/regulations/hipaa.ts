/**
 * HIPAA Security Rule (45 CFR Part 164, Subparts C and E). Source: eCFR 164.308, 164.312,
 * 164.316, 164.514.
 */
import type { Regulation } from './types.js';

export const hipaa: Regulation = {
  id: 'hipaa',
  name: 'HIPAA Security Rule (45 CFR 164)',
  citation: 'HIPAA',
  controls: [
    {
      // Unscoped: every activity in systems holding ePHI, reads of ePHI included.
      id: '164.312(b)',
      title: 'Audit controls: record and examine activity in systems that hold ePHI, reads included',
      checks: ['audit'],
    },
    {
      id: '164.308(a)(1)(ii)(D)',
      title: 'Review records of system activity, such as audit logs and access reports, regularly',
      checks: ['audit', 'protection'],
    },
    {
      id: '164.312(a)(2)(i)',
      title: 'Give every user a unique name or number so their actions can be traced',
      checks: ['fields'],
      fields: ['actor'],
    },
    // regulations.md writes these two as one row, "164.312(a)(2)(iv), (e)(2)(ii)".
    {
      id: '164.312(a)(2)(iv)',
      title: 'Encrypt and decrypt ePHI where reasonable (addressable)',
      checks: ['protection'],
    },
    {
      id: '164.312(e)(2)(ii)',
      title: 'Encrypt ePHI in transit where reasonable (addressable)',
      checks: ['protection'],
    },
    {
      id: '164.312(c)(1)',
      title: 'Integrity: guard ePHI against improper alteration or destruction',
      checks: ['audit', 'protection'],
      auditScopes: ['modification'],
    },
    {
      id: '164.316(b)(2)(i)',
      title: 'Keep required documentation for six years (applied to audit logs by practice)',
      checks: ['retention'],
    },
    {
      id: '164.514(b)(2)',
      title: 'Safe Harbor de-identification: remove the 18 listed identifier classes',
      checks: ['masking'],
      // The categories that cover the Safe Harbor identifiers and that HIPAA activates
      // (names, geography, phone, fax, email → contact data; dates → personal dates; SSN,
      // licence/certificate and vehicle numbers → government IDs; MRN, health plan numbers →
      // health data; device ids, URLs, IP addresses → online identifiers). Account numbers and
      // biometric ids are identifiers too, but regulations.md does not activate financial
      // accounts or special categories under HIPAA.
      categories: ['governmentIds', 'contactData', 'onlineIdentifiers', 'personalDates', 'healthData'],
    },
  ],
  requiredFields: ['actor', 'action', 'timestamp', 'resource'],
  sensitiveCategories: ['credentials', 'governmentIds', 'contactData', 'onlineIdentifiers', 'personalDates', 'healthData'],
  auditedMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
  retention: {
    minDays: 2190,
    mustBeSet: false,
    mustBeBounded: false,
    basis: '164.316(b)(2)(i): six years is text for documentation; applying it to audit logs is practice (HHS has not said so)',
  },
  notes: [
    'Six-year (2190-day) log retention is practice: 164.316(b)(2)(i) sets it for documentation, and HHS has not said whether audit logs count.',
    'Reads are audited (164.312(b)); narrow the read routes to those that touch ePHI.',
    'Outcome and source are not required by the text; add them with `audit.fieldAliases` and your logger if you record them.',
  ],
};

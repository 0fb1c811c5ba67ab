/**
 * OWASP: not a regulation, the source of "what to log and what never to log". Always active;
 * cited by name only.
 */
import type { Reference } from './types.js';

export const owasp: Reference = {
  id: 'owasp',
  name: 'OWASP Logging Cheat Sheet and ASVS 5 (V16)',
  citation: 'OWASP',
  controls: [
    {
      id: 'Logging Cheat Sheet: events to log',
      title:
        'Log authentication successes and failures, authorisation failures, privilege changes, admin actions, data import and export, configuration changes and logging start/stop, with who, what, when and where',
      checks: ['audit', 'fields'],
    },
    {
      id: 'Logging Cheat Sheet: data to exclude',
      title:
        'Never log passwords, session ids (hash them), access tokens, keys, connection strings, card data or sensitive personal data',
      checks: ['masking'],
    },
    {
      id: 'ASVS 16.2.1',
      title: 'Every security event records when, where, who and what',
      checks: ['fields'],
    },
    {
      id: 'ASVS 16.2.2',
      title: 'Log times are in UTC or carry an explicit offset',
      checks: ['fields'],
      fields: ['timestamp'],
    },
  ],
};

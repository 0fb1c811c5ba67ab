/**
 * Bugsnag (`@bugsnag/js`, `@bugsnag/node`): the client (`Bugsnag`, `Bugsnag.start()`) and an event (the callback's of
 * `Bugsnag.notify(err, event => …)` or `addOnError(event => …)`) ship their user (`setUser(id, email, name)`), metadata
 * (`addMetadata(section, values)`), breadcrumbs and the notified error to Bugsnag.
 */
import type { LoggerRecord } from '../record.js';

export const bugsnagRecord = {
  kind: 'bugsnag',
  packages: ['@bugsnag/js', '@bugsnag/node'],
  moduleLoggers: ['@bugsnag/js#', '@bugsnag/node#'],
  creations: {
    '@bugsnag/js#start': 'logger',
    '@bugsnag/js#createClient': 'logger',
    '@bugsnag/node#start': 'logger',
    '@bugsnag/node#createClient': 'logger',
  },
  types: { '@bugsnag/core': ['Client', 'Event'] },
  methods: ['notify', 'setUser', 'addMetadata', 'leaveBreadcrumb'],
  nonLogMethods: ['start', 'clearMetadata', 'getMetadata', 'getUser', 'setContext', 'getContext', 'startSession', 'pauseSession', 'resumeSession'],
  callbackMethods: ['notify', 'addOnError'],
  annotatedParameters: true,
} as const satisfies LoggerRecord;

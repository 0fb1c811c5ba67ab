/**
 * New Relic (`newrelic`): the module's functions send errors with custom attributes, attributes and custom events to
 * New Relic (`newrelic.noticeError(err, attributes)`, `addCustomAttribute(s)`, `recordCustomEvent(type, attributes)`).
 */
import type { LoggerRecord } from '../record.js';

export const newrelicRecord = {
  kind: 'newrelic',
  packages: ['newrelic'],
  moduleLoggers: ['newrelic#'],
  methods: [
    'noticeError', 'addCustomAttribute', 'addCustomAttributes', 'addCustomSpanAttribute', 'addCustomSpanAttributes', 'recordCustomEvent',
    'recordLogEvent',
  ],
  // `setUserID` writes an id.
  nonLogMethods: ['setTransactionName', 'setControllerName', 'startSegment', 'startWebTransaction', 'startBackgroundTransaction', 'getTransaction', 'setUserID', 'recordMetric', 'incrementMetric', 'shutdown'],
} as const satisfies LoggerRecord;

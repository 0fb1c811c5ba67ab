/** bunyan: `bunyan.createLogger()`, `new bunyan()`, `.child()`. */
import type { LoggerRecord } from './record.js';

export const bunyanRecord = {
  kind: 'bunyan',
  packages: ['bunyan'],
  creations: { 'bunyan#createLogger': 'logger' },
  constructions: ['bunyan#'],
  types: { bunyan: ['Logger'] },
  methods: ['trace', 'debug', 'info', 'warn', 'error', 'fatal'],
  nonLogMethods: ['child', 'level', 'levels', 'addStream', 'addSerializers', 'reopenFileStreams', 'close'],
  childMethods: ['child'],
  bindingsMethods: ['child'],
} as const satisfies LoggerRecord;

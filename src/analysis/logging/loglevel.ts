/** loglevel: the root logger (the module itself) and `getLogger(name)`. */
import type { LoggerRecord } from './record.js';

export const loglevelRecord = {
  kind: 'loglevel',
  packages: ['loglevel'],
  moduleLoggers: ['loglevel#'],
  creations: { 'loglevel#getLogger': 'logger' },
  types: { loglevel: ['Logger', 'RootLogger'] },
  methods: ['trace', 'debug', 'info', 'warn', 'error', 'log'],
  nonLogMethods: ['getLogger', 'setLevel', 'getLevel', 'setDefaultLevel', 'resetLevel', 'enableAll', 'disableAll', 'noConflict', 'getLoggers'],
  childMethods: ['getLogger'],
} as const satisfies LoggerRecord;

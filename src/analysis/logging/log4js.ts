/** log4js: `log4js.getLogger()`. */
import type { LoggerRecord } from './record.js';

export const log4jsRecord = {
  kind: 'log4js',
  packages: ['log4js'],
  creations: { 'log4js#getLogger': 'logger' },
  types: { log4js: ['Logger'] },
  methods: ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'mark', 'log'],
  nonLogMethods: ['isLevelEnabled', 'addContext', 'removeContext', 'clearContext', 'setParseCallStackFunction'],
} as const satisfies LoggerRecord;

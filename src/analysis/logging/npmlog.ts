/** npmlog: the module is the logger (`npmlog.info(prefix, message, …)`). */
import type { LoggerRecord } from './record.js';

export const npmlogRecord = {
  kind: 'npmlog',
  packages: ['npmlog'],
  moduleLoggers: ['npmlog#'],
  types: { npmlog: ['Logger'] },
  methods: ['silly', 'verbose', 'info', 'timing', 'http', 'notice', 'warn', 'error', 'log'],
  nonLogMethods: ['enableColor', 'disableColor', 'enableProgress', 'disableProgress', 'enableUnicode', 'disableUnicode', 'pause', 'resume', 'addLevel', 'newItem', 'newGroup'],
} as const satisfies LoggerRecord;

/** winston: `createLogger()`, the default logger (`winston.info()`), `winston.loggers`, npm and syslog levels. */
import type { LoggerRecord } from './record.js';

export const winstonRecord = {
  kind: 'winston',
  packages: ['winston'],
  moduleLoggers: ['winston#'],
  creations: { 'winston#createLogger': 'logger', 'winston#loggers.get': 'logger', 'winston#loggers.add': 'logger', 'winston#child': 'logger' },
  // `winston` is the module namespace itself: `winston.info(…)`.
  types: { winston: ['Logger', 'winston'] },
  logFunctionTypes: { winston: ['LeveledLogMethod', 'LogMethod'] },
  methods: [
    'log', 'error', 'warn', 'help', 'data', 'info', 'debug', 'prompt', 'http', 'verbose', 'input', 'silly',
    'emerg', 'alert', 'crit', 'warning', 'notice',
  ],
  nonLogMethods: ['child', 'add', 'remove', 'clear', 'close', 'configure', 'profile', 'startTimer', 'query', 'stream', 'isLevelEnabled'],
  childMethods: ['child'],
  bindingsMethods: ['child'],
} as const satisfies LoggerRecord;

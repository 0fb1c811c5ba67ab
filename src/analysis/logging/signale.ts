/** signale: the default instance, `new Signale()`, `scope()` children. */
import type { LoggerRecord } from './record.js';

export const signaleRecord = {
  kind: 'signale',
  packages: ['signale'],
  moduleLoggers: ['signale#'],
  creations: { 'signale#scope': 'logger' },
  constructions: ['signale#Signale'],
  types: { signale: ['Signale', 'SignaleBase'] },
  methods: [
    'await', 'complete', 'error', 'debug', 'fatal', 'fav', 'info', 'note', 'pause', 'pending', 'star', 'start', 'success',
    'wait', 'warn', 'watch', 'log',
  ],
  nonLogMethods: ['scope', 'unscope', 'time', 'timeEnd', 'config', 'disable', 'enable', 'isEnabled', 'addSecrets', 'clearSecrets'],
  childMethods: ['scope'],
} as const satisfies LoggerRecord;

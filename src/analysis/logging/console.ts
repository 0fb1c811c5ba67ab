/** `console` (the global, `node:console`, `new Console()`, a value typed `Console`). */
import type { LoggerRecord } from './record.js';

export const consoleRecord = {
  kind: 'console',
  packages: ['console'],
  moduleLoggers: ['console#'],
  constructions: ['console#Console'],
  types: { lib: ['Console'], node: ['Console'] },
  methods: ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'dirxml', 'table', 'group', 'groupCollapsed', 'assert', 'timeLog'],
  // `console.assert(condition, …data)` logs its data only.
  dataFrom: { assert: 1 },
  // `time`/`timeEnd`/`count`/`countReset` print only a label.
  nonLogMethods: ['time', 'timeEnd', 'count', 'countReset', 'groupEnd', 'clear', 'profile', 'profileEnd', 'timeStamp'],
} as const satisfies LoggerRecord;

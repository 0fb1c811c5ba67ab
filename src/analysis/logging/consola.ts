/** consola: the default instance, `createConsola()`, `withTag()` / `create()` / `withDefaults()` children. */
import type { LoggerRecord } from './record.js';

export const consolaRecord = {
  kind: 'consola',
  packages: ['consola'],
  selfExports: { consola: 'consola' },
  moduleLoggers: ['consola#'],
  creations: { 'consola#createConsola': 'logger', 'consola#create': 'logger', 'consola#withTag': 'logger', 'consola#withDefaults': 'logger' },
  types: { consola: ['Consola', 'ConsolaInstance'] },
  methods: ['log', 'info', 'warn', 'error', 'debug', 'trace', 'fatal', 'success', 'fail', 'start', 'ready', 'box', 'verbose'],
  nonLogMethods: ['withTag', 'create', 'withDefaults', 'setReporters', 'addReporter', 'removeReporter', 'wrapConsole', 'restoreConsole', 'pauseLogs', 'resumeLogs', 'mockTypes', 'prompt'],
  childMethods: ['withTag', 'create', 'withDefaults'],
} as const satisfies LoggerRecord;

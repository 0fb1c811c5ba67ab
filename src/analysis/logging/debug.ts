/** debug: `debug('ns')` is a function that logs its arguments; `.extend('sub')` makes another. */
import type { LoggerRecord } from './record.js';

export const debugRecord = {
  kind: 'debug',
  packages: ['debug'],
  selfExports: { debug: 'debug' },
  creations: { 'debug#': 'logFunction' },
  types: { debug: ['Debugger'] },
  methods: [],
  nonLogMethods: ['enable', 'disable', 'enabled', 'destroy'],
  functionLogger: { extendMethods: ['extend'] },
} as const satisfies LoggerRecord;

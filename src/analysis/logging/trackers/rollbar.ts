/**
 * Rollbar (`rollbar`): an instance (`new Rollbar(config)`, `Rollbar.init(config)`) or, once initialised, the class
 * itself sends each item's message, error and extra data to Rollbar (`rollbar.error(err, { user })`). Its
 * configuration (`configure`, with the access token) is not a sink.
 */
import type { LoggerRecord } from '../record.js';

export const rollbarRecord = {
  kind: 'rollbar',
  packages: ['rollbar'],
  moduleLoggers: ['rollbar#'],
  creations: { 'rollbar#init': 'logger' },
  constructions: ['rollbar#'],
  types: { rollbar: ['Rollbar'] },
  methods: ['log', 'debug', 'info', 'warn', 'warning', 'error', 'critical'],
  nonLogMethods: ['configure', 'global', 'lastError', 'wait', 'captureEvent', 'handleUncaughtExceptions', 'errorHandler', 'lambdaHandler', 'wrap'],
  annotatedParameters: true,
} as const satisfies LoggerRecord;

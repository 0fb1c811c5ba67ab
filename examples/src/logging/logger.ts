import { pino } from 'pino';

/** Application log (stdout, shipped by the platform's log agent). Not the audit trail. */
export const logger = pino({
  name: 'clinic-api',
  level: process.env.LOG_LEVEL ?? 'info',
  redact: ['req.headers.authorization'],
});

export type Logger = typeof logger;

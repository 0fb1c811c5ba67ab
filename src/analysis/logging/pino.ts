/**
 * pino, pino-http, and Fastify's logger (pino underneath, a kind of its own). Only these support redaction: the
 * `redact` option of a creation (`pino({ redact })`, `.child(bindings, { redact })`, `Fastify({ logger: { redact } })`,
 * `pinoHttp({ redact } | { logger })`).
 */
import type { LoggerRecord } from './record.js';

const PINO_METHODS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
const PINO_NON_LOG = ['child', 'flush', 'bindings', 'setBindings', 'isLevelEnabled', 'level', 'silent', 'on'] as const;

export const pinoRecord = {
  kind: 'pino',
  packages: ['pino', 'pino-http'],
  selfExports: { pino: 'pino', 'pino-http': 'pinoHttp' },
  creations: { 'pino#': 'pino', 'pino-http#': 'pinoHttp' },
  levelsOption: 'customLevels',
  types: { pino: ['Logger', 'BaseLogger', 'LoggerExtras'] },
  logFunctionTypes: { pino: ['LogFn'] },
  methods: PINO_METHODS,
  nonLogMethods: PINO_NON_LOG,
  childMethods: ['child'],
  bindingsMethods: ['child'],
  redact: true,
  requestNames: ['req', 'request', 'res'],
} as const satisfies LoggerRecord;

export const fastifyRecord = {
  kind: 'fastify',
  packages: ['fastify'],
  selfExports: { fastify: 'fastify' },
  creations: { 'fastify#': 'fastifyApp' },
  types: { fastify: ['FastifyBaseLogger', 'FastifyLoggerInstance'] },
  methods: PINO_METHODS,
  nonLogMethods: PINO_NON_LOG,
  childMethods: ['child'],
  bindingsMethods: ['child'],
  redact: true,
  requestNames: ['fastify', 'app', 'server', 'instance', 'request', 'req', 'reply'],
} as const satisfies LoggerRecord;

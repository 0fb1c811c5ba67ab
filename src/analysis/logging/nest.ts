/** NestJS `Logger` / `ConsoleLogger` (instances and the static `Logger.log()`), and `LoggerService` implementations. */
import type { LoggerRecord } from './record.js';

export const nestRecord = {
  kind: 'nest',
  packages: ['@nestjs/common'],
  moduleLoggers: ['@nestjs/common#Logger', '@nestjs/common#ConsoleLogger'],
  constructions: ['@nestjs/common#Logger', '@nestjs/common#ConsoleLogger'],
  types: { '@nestjs/common': ['Logger', 'ConsoleLogger', 'LoggerService'] },
  methods: ['log', 'error', 'warn', 'debug', 'verbose', 'fatal'],
  nonLogMethods: ['setContext', 'resetContext', 'setLogLevels', 'localInstance', 'overrideLogger', 'flush', 'attachBuffer', 'detachBuffer'],
} as const satisfies LoggerRecord;

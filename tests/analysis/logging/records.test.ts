/**
 * The logging records (src/analysis/logging/<library>.ts): each is well-formed, the tables logging/index.ts derives
 * hold every record's knowledge, a record added to the list is picked up, and promises.ts reads its log lists from
 * the conventional-logger record.
 */
import { parse } from '@typescript-eslint/typescript-estree';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  conventionalLogger,
  deriveLoggerTables,
  GLOBAL_MODULE,
  LOGGER_RECORDS,
  LOGGER_TABLES,
  type LoggerKind,
  type LoggerRecord,
} from '../../../src/analysis/logging/index.js';
import { isLoggingCallee } from '../../../src/analysis/promises.js';

const records: readonly LoggerRecord[] = LOGGER_RECORDS;

/** The package of a `package#export.path` value name. */
function packageOfValue(value: string): string {
  return value.slice(0, value.indexOf('#'));
}

describe('every record is well-formed', () => {
  it('has a unique kind, distinct from the non-library kinds', () => {
    const kinds = records.map((record) => record.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    for (const kind of kinds) expect(['audit', 'configured', 'logger']).not.toContain(kind);
  });

  describe.each(records.map((record) => [record.kind, record] as const))('%s', (_kind, record) => {
    it('names its packages and its values by those packages', () => {
      expect(record.packages.length).toBeGreaterThan(0);
      const values = [...(record.moduleLoggers ?? []), ...Object.keys(record.creations ?? {}), ...(record.constructions ?? [])];
      for (const value of values) {
        expect(value).toContain('#');
        expect(record.packages).toContain(packageOfValue(value));
      }
      for (const pkg of Object.keys(record.selfExports ?? {})) expect(record.packages).toContain(pkg);
    });

    it('has log methods without duplicates, apart from its non-log and child methods', () => {
      expect(new Set(record.methods).size).toBe(record.methods.length);
      for (const method of [...(record.nonLogMethods ?? []), ...(record.childMethods ?? [])]) expect(record.methods).not.toContain(method);
      for (const [method, index] of Object.entries(record.dataFrom ?? {})) {
        expect(record.methods).toContain(method);
        expect(index).toBeGreaterThan(0);
      }
    });

    it('is a logger somehow: log methods, or loggers that are functions', () => {
      expect(record.methods.length > 0 || record.functionLogger !== undefined).toBe(true);
      const created = Object.keys(record.creations ?? {}).length + (record.constructions?.length ?? 0) + (record.moduleLoggers?.length ?? 0);
      expect(created).toBeGreaterThan(0);
    });

    it('declares type names for typed mode (unless its one logger is the module itself)', () => {
      const names = Object.values(record.types ?? {}).flat();
      const moduleOnly = !record.creations && !record.constructions && !record.callbackMethods && (record.moduleLoggers?.length ?? 0) > 0;
      if (!moduleOnly) expect(names.length).toBeGreaterThan(0);
      for (const name of names) expect(name).toMatch(/^[A-Za-z_$][\w$]*$/u);
    });

    it('declares request names and redaction only with an app or middleware creation / child loggers', () => {
      const shapes = Object.values(record.creations ?? {});
      if (record.requestNames) expect(shapes.some((shape) => shape === 'fastifyApp' || shape === 'pinoHttp')).toBe(true);
      if (record.redact) expect(record.childMethods ?? []).toContain('child');
    });
  });
});

describe('the derived tables', () => {
  it('hold every record under its kind, packages, values and types', () => {
    for (const record of records) {
      const kind = record.kind as LoggerKind;
      expect(LOGGER_TABLES.byKind.get(kind)).toBe(record);
      for (const method of record.methods) {
        expect(LOGGER_TABLES.kindsByMethod.get(method)).toContain(record.kind);
        expect(LOGGER_TABLES.anyLogMethod.has(method)).toBe(true);
      }
      for (const pkg of record.packages) {
        expect(LOGGER_TABLES.byPackage.get(pkg)).toBe(record);
        expect(LOGGER_TABLES.knownModules.has(pkg)).toBe(true);
      }
      for (const value of record.moduleLoggers ?? []) expect(LOGGER_TABLES.moduleLoggers.get(value)).toBe(record.kind);
      for (const [callee, shape] of Object.entries(record.creations ?? {})) expect(LOGGER_TABLES.creations.get(callee)).toEqual({ kind: record.kind, shape });
      for (const ctor of record.constructions ?? []) expect(LOGGER_TABLES.constructions.get(ctor)).toBe(record.kind);
      for (const [pkg, names] of Object.entries(record.types ?? {})) {
        for (const name of names) expect(LOGGER_TABLES.types.get(pkg)?.get(name)).toBe(record.kind);
      }
      for (const [pkg, names] of Object.entries(record.logFunctionTypes ?? {})) {
        for (const name of names) expect(LOGGER_TABLES.logFunctionTypes.get(pkg)?.has(name)).toBe(true);
      }
    }
  });

  it('hold the conventional logger as kind `logger`, and the global pseudo-module', () => {
    for (const method of conventionalLogger.methods) expect(LOGGER_TABLES.kindsByMethod.get(method)).toContain(conventionalLogger.kind);
    expect(LOGGER_TABLES.knownModules.has(GLOBAL_MODULE)).toBe(true);
  });

  it('hold nothing no record declares', () => {
    const methods = new Set([...records.flatMap((record) => record.methods), ...conventionalLogger.methods]);
    expect([...LOGGER_TABLES.anyLogMethod].filter((method) => !methods.has(method))).toEqual([]);
    const packages = new Set(records.flatMap((record) => record.packages));
    expect([...LOGGER_TABLES.knownModules].filter((pkg) => pkg !== GLOBAL_MODULE && !packages.has(pkg))).toEqual([]);
  });
});

describe('a record added to the list', () => {
  const roarr: LoggerRecord = {
    kind: 'roarr',
    packages: ['roarr'],
    moduleLoggers: ['roarr#Roarr'],
    creations: { 'roarr#createLogger': 'logger' },
    types: { roarr: ['Logger'] },
    methods: ['trace', 'info', 'tell'],
    childMethods: ['child'],
  };
  const tables = deriveLoggerTables([...records, roarr], conventionalLogger);

  it('is picked up by every table', () => {
    expect(tables.byKind.get('roarr')).toBe(roarr);
    expect(tables.kindsByMethod.get('tell')).toEqual(['roarr']);
    expect(tables.kindsByMethod.get('info')).toContain('roarr');
    expect(tables.anyLogMethod.has('tell')).toBe(true);
    expect(tables.knownModules.has('roarr')).toBe(true);
    expect(tables.moduleLoggers.get('roarr#Roarr')).toBe('roarr');
    expect(tables.creations.get('roarr#createLogger')).toEqual({ kind: 'roarr', shape: 'logger' });
    expect(tables.types.get('roarr')?.get('Logger')).toBe('roarr');
    expect(tables.typePackages.has('roarr')).toBe(true);
    expect(LOGGER_TABLES.anyLogMethod.has('tell')).toBe(false);
  });

  it('may not claim another record’s package, value or type', () => {
    expect(() => deriveLoggerTables([...records, { ...roarr, packages: ['pino'] }], conventionalLogger)).toThrow(/pino/u);
    expect(() => deriveLoggerTables([...records, { ...roarr, kind: 'console' }], conventionalLogger)).toThrow(/console/u);
    expect(() => deriveLoggerTables([...records, { ...roarr, types: { pino: ['Logger'] } }], conventionalLogger)).toThrow(/Logger/u);
  });
});

describe('promises.ts reads its log lists from the conventional-logger record', () => {
  const callee = (code: string): TSESTree.Node => {
    const statement = parse(code).body[0];
    if (statement?.type !== AST_NODE_TYPES.ExpressionStatement) throw new Error(code);
    return statement.expression;
  };

  it.each(conventionalLogger.failureHandler.methods.map((method) => [method]))('logger.%s and console.%s log', (method) => {
    expect(isLoggingCallee(callee(`logger.${method}`))).toBe(true);
    expect(isLoggingCallee(callee(`this.appLogger.${method}`))).toBe(true);
    expect(isLoggingCallee(callee(`console.${method}`))).toBe(true);
  });

  it.each(conventionalLogger.failureHandler.functions.map((name) => [name]))('the bare function %s logs', (name) => {
    expect(isLoggingCallee(callee(name))).toBe(true);
  });

  it('a method, a function or a receiver not in the record does not', () => {
    const methods = new Set<string>(conventionalLogger.failureHandler.methods);
    for (const method of ['start', 'box', 'child', 'flush']) {
      expect(methods.has(method)).toBe(false);
      expect(isLoggingCallee(callee(`logger.${method}`))).toBe(false);
    }
    expect(isLoggingCallee(callee('logThis'))).toBe(false);
    expect(isLoggingCallee(callee('dialog.error'))).toBe(false);
    expect(conventionalLogger.failureHandler.isReceiverName('dialog')).toBe(false);
    expect(conventionalLogger.failureHandler.isReceiverName('auditLog')).toBe(true);
  });
});

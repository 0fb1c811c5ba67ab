/**
 * The logging libraries the sink detector knows, one record each, and the lookup tables derived from them.
 *
 * To add a library: write `logging/<library>.ts` exporting one `LoggerRecord` (`as const satisfies LoggerRecord`, so
 * its `kind` literal joins `SinkKind`), add it to `LOGGER_RECORDS` below (an error tracker: `logging/trackers/`, listed in
 * `TRACKER_RECORDS`), and add its cases to
 * tests/analysis/sinks.test.ts (a positive beside a look-alike negative, both modes). Nothing else changes: every
 * table here, the detector and promises.ts read the records.
 */
import { bunyanRecord } from './bunyan.js';
import { consolaRecord } from './consola.js';
import { consoleRecord } from './console.js';
import { conventionalLogger } from './conventional.js';
import { debugRecord } from './debug.js';
import { log4jsRecord } from './log4js.js';
import { loglevelRecord } from './loglevel.js';
import { nestRecord } from './nest.js';
import { npmlogRecord } from './npmlog.js';
import { fastifyRecord, pinoRecord } from './pino.js';
import type { CreationShape, LoggerRecord } from './record.js';
import { signaleRecord } from './signale.js';
import { TRACKER_RECORDS } from './trackers/index.js';
import { winstonRecord } from './winston.js';

export type { CreationShape, LoggerRecord } from './record.js';
export { conventionalLogger } from './conventional.js';

export const LOGGER_RECORDS = [
  consoleRecord,
  pinoRecord,
  fastifyRecord,
  winstonRecord,
  bunyanRecord,
  log4jsRecord,
  loglevelRecord,
  npmlogRecord,
  debugRecord,
  consolaRecord,
  signaleRecord,
  nestRecord,
  // Error trackers and tracing SDKs (`trackers/`): what they capture is shipped to a third party.
  ...TRACKER_RECORDS,
] as const;

/** A library's sink kind. */
export type LibraryKind = (typeof LOGGER_RECORDS)[number]['kind'];

/** What a sink is: a library's log method, an audit call, a `logging.sinks` call, or a logger known by its name. */
export type SinkKind = LibraryKind | 'audit' | 'configured' | typeof conventionalLogger.kind;

/** The kinds a receiver can be recognized as: a library, or the conventional `logger`. */
export type LoggerKind = LibraryKind | typeof conventionalLogger.kind;

/** The pseudo-module of `globalThis` / `window` / `global` (`globalThis.console.log`). */
export const GLOBAL_MODULE = '<global>';

export interface LoggerTables<Kind extends string = string> {
  /** Records by kind (the conventional logger included, as a record with its methods and child methods). */
  readonly byKind: ReadonlyMap<Kind, LoggerRecord<Kind>>;
  /** Method name → the kinds for which it logs. */
  readonly kindsByMethod: ReadonlyMap<string, readonly Kind[]>;
  /** Every method that is a log method of some library or of the conventional logger. */
  readonly anyLogMethod: ReadonlySet<string>;
  /** The records' `levelsOption`s (pino `customLevels`). */
  readonly levelsOptions: ReadonlySet<string>;
  /** Packages whose values the detector follows (plus the global pseudo-module); any other package's values are "not known". */
  readonly knownModules: ReadonlySet<string>;
  /** Package → record. */
  readonly byPackage: ReadonlyMap<string, LoggerRecord<Kind>>;
  /** Package → the named export that is the package's default export itself. */
  readonly selfExports: ReadonlyMap<string, string>;
  /** `package#path` of values that are loggers themselves → kind. */
  readonly moduleLoggers: ReadonlyMap<string, Kind>;
  /** `package#path` of a creation's callee → kind and shape. */
  readonly creations: ReadonlyMap<string, { readonly kind: Kind; readonly shape: CreationShape }>;
  /** `package#path` of a logger's constructor → kind. */
  readonly constructions: ReadonlyMap<string, Kind>;
  /** Declaring package → type name → kind (typed mode). */
  readonly types: ReadonlyMap<string, ReadonlyMap<string, Kind>>;
  /** Declaring package → names of log-function types (typed mode). */
  readonly logFunctionTypes: ReadonlyMap<string, ReadonlySet<string>>;
  /** Every declaring package of a logger type or log-function type. */
  readonly typePackages: ReadonlySet<string>;
  /** Every logger type name, whatever its package. */
  readonly typeNames: ReadonlySet<string>;
}

function addUnique<K, V>(map: Map<K, V>, key: K, value: V, what: string): void {
  if (map.has(key)) throw new Error(`logging records: ${what} ${String(key)} is declared twice`);
  map.set(key, value);
}

/**
 * Derives the lookup tables from a list of records (and the conventional logger). Throws when two records claim the
 * same package, value or type: the tables must be unambiguous.
 */
export function deriveLoggerTables<Kind extends string>(records: readonly LoggerRecord<Kind>[], conventional: LoggerRecord<Kind>): LoggerTables<Kind> {
  const byKind = new Map<Kind, LoggerRecord<Kind>>();
  const kindsByMethod = new Map<string, Kind[]>();
  const byPackage = new Map<string, LoggerRecord<Kind>>();
  const selfExports = new Map<string, string>();
  const moduleLoggers = new Map<string, Kind>();
  const creations = new Map<string, { readonly kind: Kind; readonly shape: CreationShape }>();
  const constructions = new Map<string, Kind>();
  const types = new Map<string, Map<string, Kind>>();
  const logFunctionTypes = new Map<string, Set<string>>();
  for (const record of [...records, conventional]) {
    addUnique(byKind, record.kind, record, 'kind');
    for (const method of record.methods) {
      const kinds = kindsByMethod.get(method);
      if (kinds) kinds.push(record.kind);
      else kindsByMethod.set(method, [record.kind]);
    }
  }
  for (const record of records) {
    for (const pkg of record.packages) addUnique(byPackage, pkg, record, 'package');
    for (const [pkg, name] of Object.entries(record.selfExports ?? {})) addUnique(selfExports, pkg, name, 'self export of');
    for (const value of record.moduleLoggers ?? []) addUnique(moduleLoggers, value, record.kind, 'module logger');
    for (const [callee, shape] of Object.entries(record.creations ?? {})) addUnique(creations, callee, { kind: record.kind, shape }, 'creation');
    for (const ctor of record.constructions ?? []) addUnique(constructions, ctor, record.kind, 'construction');
    for (const [pkg, names] of Object.entries(record.types ?? {})) {
      let byName = types.get(pkg);
      if (!byName) types.set(pkg, (byName = new Map<string, Kind>()));
      for (const name of names) addUnique(byName, name, record.kind, `type ${pkg}:`);
    }
    for (const [pkg, names] of Object.entries(record.logFunctionTypes ?? {})) {
      let set = logFunctionTypes.get(pkg);
      if (!set) logFunctionTypes.set(pkg, (set = new Set<string>()));
      for (const name of names) set.add(name);
    }
  }
  return {
    byKind,
    kindsByMethod,
    anyLogMethod: new Set(kindsByMethod.keys()),
    levelsOptions: new Set(records.flatMap((record) => (record.levelsOption === undefined ? [] : [record.levelsOption]))),
    knownModules: new Set([...byPackage.keys(), GLOBAL_MODULE]),
    byPackage,
    selfExports,
    moduleLoggers,
    creations,
    constructions,
    types,
    logFunctionTypes,
    typePackages: new Set([...types.keys(), ...logFunctionTypes.keys()]),
    typeNames: new Set([...types.values()].flatMap((byName) => [...byName.keys()])),
  };
}

/** The tables of the built-in records (per process: derived once at load). */
export const LOGGER_TABLES: LoggerTables<LoggerKind> = deriveLoggerTables<LoggerKind>(LOGGER_RECORDS, conventionalLogger);

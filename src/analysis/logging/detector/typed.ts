/**
 * Typed mode: the library a receiver's type belongs to. A type is a library's logger when its symbol (or alias, an
 * intersection's part, a base class, an implemented interface) is declared in the library's package under one of the
 * record's type names (`pino.Logger`, winston `Logger`, `Console` of lib / @types/node …).
 *
 * The checker is the expensive part, so it is asked as little as possible: only where the syntax cannot decide (the
 * detector's callers), only for libraries whose declaration files are in the program at all, and once per receiver
 * symbol when narrowing cannot change the answer.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import type { TypeServices } from '../../types/services.js';
import { LOGGER_TABLES, type LibraryKind } from '../index.js';
import type { RedactPaths } from '../redact.js';
import type { SinkState, TypedVerdict } from './state.js';

/** Per program: the library kind of a type (null: not a library logger), redact paths per declaration, packages present. */
interface ProgramCache {
  readonly typeKinds: WeakMap<ts.Type, LibraryKind | null>;
  readonly declarationRedact: Map<ts.Symbol, RedactPaths | null>;
  /** The records' type packages that declare something in the program (`lib` included when a default library is). */
  present?: ReadonlySet<string>;
}

/** Scope: per program (a WeakMap keyed by the ts.Program, so a new program version starts afresh). */
const programCaches = new WeakMap<ts.Program, ProgramCache>();

export function programCache(program: ts.Program): ProgramCache {
  let cache = programCaches.get(program);
  if (!cache) {
    cache = { typeKinds: new WeakMap(), declarationRedact: new Map() };
    programCaches.set(program, cache);
  }
  return cache;
}

/** The package a declaration file belongs to (`@types/x` → `x`), `lib` for TypeScript's default libraries. */
export function packageOf(typed: TypeServices, sourceFile: ts.SourceFile): string | undefined {
  if (typed.program.isSourceFileDefaultLibrary(sourceFile)) return 'lib';
  const file = sourceFile.fileName.replace(/\\/gu, '/');
  const index = file.lastIndexOf('/node_modules/');
  if (index < 0) return undefined;
  const parts = file.slice(index + '/node_modules/'.length).split('/');
  const first = parts[0] ?? '';
  const name = first.startsWith('@') ? `${first}/${parts[1] ?? ''}` : first;
  return name.startsWith('@types/') ? name.slice('@types/'.length) : name;
}

/** The records' type packages with a declaration file in the program: a type of any other library cannot occur. */
function presentPackages(typed: TypeServices): ReadonlySet<string> {
  const cache = programCache(typed.program);
  if (cache.present) return cache.present;
  const present = new Set<string>();
  for (const sourceFile of typed.program.getSourceFiles()) {
    const pkg = packageOf(typed, sourceFile);
    if (pkg !== undefined && LOGGER_TABLES.typePackages.has(pkg)) present.add(pkg);
  }
  cache.present = present;
  return present;
}

/** Whether some library's logger type of one of `kinds` can occur in the program. */
export function anyTypePresent(typed: TypeServices, kinds: (kind: LibraryKind) => boolean): boolean {
  const present = presentPackages(typed);
  for (const [pkg, names] of LOGGER_TABLES.types) {
    if (present.has(pkg) && [...names.values()].some((kind) => kind !== 'logger' && kinds(kind))) return true;
  }
  return false;
}

/** Whether a log-function type (pino `LogFn`, winston `LeveledLogMethod`) can occur in the program. */
export function logFunctionTypePresent(typed: TypeServices): boolean {
  const present = presentPackages(typed);
  return [...LOGGER_TABLES.logFunctionTypes.keys()].some((pkg) => present.has(pkg));
}

function kindOfSymbol(typed: TypeServices, symbol: ts.Symbol | undefined): LibraryKind | undefined {
  if (!symbol) return undefined;
  for (const declaration of symbol.declarations ?? []) {
    const pkg = packageOf(typed, declaration.getSourceFile());
    const kind = pkg === undefined ? undefined : LOGGER_TABLES.types.get(pkg)?.get(symbol.name);
    if (kind && kind !== 'logger') return kind;
  }
  return undefined;
}

function kindOfHeritage(typed: TypeServices, type: ts.Type, depth: number): LibraryKind | undefined {
  const { ts: typescript, checker } = typed;
  let kind: LibraryKind | undefined;
  if (type.isIntersection()) {
    for (const part of type.types) {
      kind = kindOfType(typed, part, depth + 1);
      if (kind) return kind;
    }
  }
  const target =
    type.flags & typescript.TypeFlags.Object && (type as ts.ObjectType).objectFlags & typescript.ObjectFlags.Reference
      ? (type as ts.TypeReference).target
      : type;
  if (!target.isClassOrInterface()) return undefined;
  for (const base of checker.getBaseTypes(target)) {
    kind = kindOfType(typed, base, depth + 1);
    if (kind) return kind;
  }
  for (const declaration of target.getSymbol()?.declarations ?? []) {
    const clauses = (declaration as Partial<ts.ClassLikeDeclaration | ts.InterfaceDeclaration>).heritageClauses;
    for (const clause of clauses ?? []) {
      for (const heritage of clause.types) {
        kind ??= kindOfType(typed, checker.getTypeAtLocation(heritage), depth + 1);
      }
    }
    if (kind) return kind;
  }
  return kind;
}

/** The library kind of a type: its symbol or alias, an intersection's parts, base classes and implemented interfaces. */
function kindOfType(typed: TypeServices, type: ts.Type, depth: number): LibraryKind | undefined {
  const cache = programCache(typed.program).typeKinds;
  const cached = cache.get(type);
  if (cached !== undefined) return cached ?? undefined;
  cache.set(type, null); // cycles
  let kind = kindOfSymbol(typed, type.aliasSymbol) ?? kindOfSymbol(typed, type.getSymbol());
  if (!kind && depth < 6) kind = kindOfHeritage(typed, type, depth);
  cache.set(type, kind ?? null);
  return kind;
}

/** The verdict for a type: a library kind; `notLogger` for primitives and arrays; `other` for other known types; undefined for `any`/`unknown`. */
function verdictOfType(typed: TypeServices, type: ts.Type): TypedVerdict | undefined {
  const { ts: typescript, checker } = typed;
  if (type.flags & (typescript.TypeFlags.Any | typescript.TypeFlags.Unknown)) return undefined;
  const nonNullable = checker.getNonNullableType(type);
  const parts = nonNullable.isUnion() ? nonNullable.types : [nonNullable];
  const plain =
    typescript.TypeFlags.StringLike |
    typescript.TypeFlags.NumberLike |
    typescript.TypeFlags.BooleanLike |
    typescript.TypeFlags.BigIntLike |
    typescript.TypeFlags.ESSymbolLike |
    typescript.TypeFlags.Null |
    typescript.TypeFlags.Undefined |
    typescript.TypeFlags.Void |
    typescript.TypeFlags.Never;
  let allPlain = true;
  for (const part of parts) {
    const kind = kindOfType(typed, part, 0);
    if (kind) return kind;
    if (!(part.flags & plain) && !checker.isArrayType(part) && !checker.isTupleType(part)) allPlain = false;
  }
  return allPlain ? 'notLogger' : 'other';
}

/**
 * The symbol a receiver names (`logger`, `this.logger`, `ctx.log`) when its declared type is one narrowing cannot turn
 * into another verdict: not `any`/`unknown`, and (`null`/`undefined` aside) not a union. Its verdict is then the same at
 * every reference of the file and is computed once.
 */
function stableSymbol(typed: TypeServices, tsNode: ts.Node): ts.Symbol | undefined {
  const typescript = typed.ts;
  const name = typescript.isPropertyAccessExpression(tsNode) ? tsNode.name : typescript.isIdentifier(tsNode) ? tsNode : undefined;
  if (!name) return undefined;
  const symbol = typed.checker.getSymbolAtLocation(name);
  if (!symbol || !(symbol.flags & (typescript.SymbolFlags.Variable | typescript.SymbolFlags.Property))) return undefined;
  const declared = typed.checker.getTypeOfSymbol(symbol);
  if (typed.isLoose(declared)) return undefined;
  return typed.checker.getNonNullableType(declared).isUnion() ? undefined : symbol;
}

/** The typed verdict for an expression of the linted file (cached per stable receiver symbol); undefined when not known. */
export function typedKindOf(state: SinkState, typed: TypeServices, node: TSESTree.Node): TypedVerdict | undefined {
  const tsNode = typed.tsNode(node);
  if (!tsNode) return undefined;
  const symbol = stableSymbol(typed, tsNode);
  if (symbol && state.verdicts.has(symbol)) return state.verdicts.get(symbol) ?? undefined;
  const verdict = verdictOfType(typed, typed.checker.getTypeAtLocation(tsNode));
  if (symbol) state.verdicts.set(symbol, verdict ?? null);
  return verdict;
}

/** Whether a member's type is a library's log function (`pino({ customLevels })` methods, winston custom levels). */
export function isTypedLogFunction(typed: TypeServices, member: TSESTree.MemberExpression): boolean {
  const tsNode = typed.tsNode(member);
  if (!tsNode) return false;
  const type = typed.checker.getTypeAtLocation(tsNode);
  for (const symbol of [type.aliasSymbol, type.getSymbol()]) {
    for (const declaration of symbol?.declarations ?? []) {
      const pkg = packageOf(typed, declaration.getSourceFile());
      if (pkg !== undefined && symbol && LOGGER_TABLES.logFunctionTypes.get(pkg)?.has(symbol.name)) return true;
    }
  }
  return false;
}

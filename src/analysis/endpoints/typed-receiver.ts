/**
 * Typed mode for the HTTP adapters: which framework a receiver's type belongs to, and what a handler parameter's
 * type offers (a property path, a string, a string-literal property). Every question goes through the type gateway
 * (`getTypeServices`); nothing here throws — a checker failure is "not known".
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { getTypeServices, type TypeServices } from '../types/services.js';
import { FRAMEWORKS } from './frameworks/index.js';
import type { HttpFramework } from './frameworks/types.js';

type RuleContext = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

export type Role = 'app' | 'route';
export type TypedVerdict = { readonly framework: HttpFramework; readonly role: Role } | 'other' | 'unresolved';

const MAX_TYPE_DEPTH = 6;

/** Symbols a type goes by: alias, own, apparent, base types (bounded), intersection members. */
function collectSymbols(checker: ts.TypeChecker, type: ts.Type, into: Set<ts.Symbol>, seen: Set<ts.Type>, depth: number): void {
  if (seen.has(type) || depth > MAX_TYPE_DEPTH) return;
  seen.add(type);
  if (type.aliasSymbol) into.add(type.aliasSymbol);
  if (type.isIntersection()) {
    for (const part of type.types) collectSymbols(checker, part, into, seen, depth + 1);
    return;
  }
  const apparent = checker.getApparentType(type);
  for (const candidate of apparent === type ? [type] : [type, apparent]) {
    const symbol = candidate.getSymbol();
    if (symbol) into.add(symbol);
    if (candidate.isClassOrInterface()) {
      for (const base of checker.getBaseTypes(candidate)) collectSymbols(checker, base, into, seen, depth + 1);
    }
  }
}

/** The framework (and role) whose type name a symbol has, declared in one of the framework's packages. */
function frameworkOfSymbol(symbol: ts.Symbol): { framework: HttpFramework; role: Role } | undefined {
  const name = symbol.getName();
  const files = (symbol.getDeclarations() ?? []).map((declaration) => declaration.getSourceFile().fileName);
  for (const tables of FRAMEWORKS.http) {
    const role = tables.typeNames.has(name) ? 'app' : tables.routeTypeNames.has(name) ? 'route' : undefined;
    if (role && files.some((file) => tables.typeFiles.test(file))) return { framework: tables.framework, role };
  }
  return undefined;
}

function classifyType(services: TypeServices, type: ts.Type): TypedVerdict {
  const { checker } = services;
  if (services.isLoose(type)) return 'unresolved';
  const nonNullable = checker.getNonNullableType(type);
  const parts = nonNullable.isUnion() ? nonNullable.types : [nonNullable];
  let verdict: { framework: HttpFramework; role: Role } | undefined;
  for (const part of parts) {
    if (services.isLoose(part)) return 'unresolved';
    const symbols = new Set<ts.Symbol>();
    collectSymbols(checker, part, symbols, new Set(), 0);
    let found: { framework: HttpFramework; role: Role } | undefined;
    for (const symbol of symbols) {
      found = frameworkOfSymbol(symbol);
      if (found) break;
    }
    // Every constituent of a union must be the same framework's.
    if (!found || (verdict && verdict.framework !== found.framework)) return 'other';
    verdict = verdict?.role === 'app' ? verdict : found;
  }
  return verdict ?? 'other';
}

/**
 * A receiver's framework by its type: a symbol it goes by (its own, its alias, its apparent type's, a base type's,
 * an intersection member's) has one of the framework's type names and is declared in the framework's packages.
 */
export function typedReceiver(services: TypeServices, node: TSESTree.Node): TypedVerdict {
  try {
    const type = services.typeOf(node);
    return type ? classifyType(services, type) : 'unresolved';
  } catch {
    return 'unresolved';
  }
}

/** `any` / `unknown`, or an interface extending `any` (Koa's `DefaultState`): any property access compiles. */
function isOpen(services: TypeServices, type: ts.Type): boolean {
  if (services.isLoose(type)) return true;
  const parts = type.isIntersection() ? type.types : [type];
  return parts.some(
    (part) => services.isLoose(part) || (part.isClassOrInterface() && services.checker.getBaseTypes(part).some((base) => services.isLoose(base))),
  );
}

/**
 * Whether `node` (a handler parameter) has the property path `path` in typed mode:
 * - `present`: every property exists (or an `any`, an interface extending `any`, or a string index signature was
 *   reached after the root);
 * - `missing`: the root type is known and some property is missing (`req.user` on plain Express types);
 * - `untyped`: no type information, or the root type is `any` / `unknown` / an error.
 */
export function propertyPathPresence(context: RuleContext, node: TSESTree.Node, path: readonly string[]): 'present' | 'missing' | 'untyped' {
  const services = getTypeServices(context);
  const tsNode = services?.tsNode(node);
  if (!services || !tsNode) return 'untyped';
  try {
    const { checker } = services;
    let type = checker.getTypeAtLocation(tsNode);
    if (services.isLoose(type)) return 'untyped';
    for (const name of path) {
      type = checker.getNonNullableType(type);
      if (isOpen(services, type)) return 'present';
      const apparent = checker.getApparentType(type);
      const symbol = checker.getPropertyOfType(apparent, name);
      if (symbol) {
        type = checker.getTypeOfSymbolAtLocation(symbol, tsNode);
        continue;
      }
      // `Record<string, T>`-like types accept any property name.
      const indexed = apparent.getStringIndexType();
      if (!indexed) return 'missing';
      type = indexed;
    }
    return 'present';
  } catch {
    return 'untyped';
  }
}

/**
 * Typed mode: whether `node`'s type is a string (`'string'`), something else (`'other'`), or unknown (`undefined`:
 * no types, `any`, an error). A union is a string when every constituent is.
 */
export function typedStringness(context: RuleContext, node: TSESTree.Node): 'string' | 'other' | undefined {
  const services = getTypeServices(context);
  if (!services) return undefined;
  try {
    const type = services.typeOf(node);
    if (!type || services.isLoose(type)) return undefined;
    const parts = type.isUnion() ? type.types : [type];
    return parts.every((part) => (part.flags & services.ts.TypeFlags.StringLike) !== 0) ? 'string' : 'other';
  } catch {
    return undefined;
  }
}

/** The string-literal type of property `name` of `node`'s type (typed mode; e.g. an imported `createRoute` result's `method`). */
export function typedStringProperty(context: RuleContext, node: TSESTree.Node, name: string): string | undefined {
  const services = getTypeServices(context);
  const tsNode = services?.tsNode(node);
  if (!services || !tsNode) return undefined;
  try {
    const { checker } = services;
    const type = checker.getTypeAtLocation(tsNode);
    if (services.isLoose(type)) return undefined;
    const symbol = checker.getPropertyOfType(checker.getApparentType(type), name);
    if (!symbol) return undefined;
    const propertyType = checker.getNonNullableType(checker.getTypeOfSymbolAtLocation(symbol, tsNode));
    return propertyType.isStringLiteral() ? propertyType.value : undefined;
  } catch {
    return undefined;
  }
}

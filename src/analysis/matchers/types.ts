/** Type matchers' half of call matching (typed mode): the names a receiver's type goes by. */
import type { ParserServicesWithTypeInformation, TSESLint } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { getTypeServices } from '../types/services.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** The checker and the file's parser services: the shape older callers read. */
export interface TypeSupport {
  readonly services: ParserServicesWithTypeInformation;
  readonly checker: ts.TypeChecker;
}

/**
 * Adapter over the type gateway ({@link getTypeServices}) for callers that still read `services` / `checker`
 * (endpoints/factories.ts): undefined in untyped mode and for espree. New code asks the gateway.
 */
export function typeSupport(context: Context): TypeSupport | undefined {
  const types = getTypeServices(context);
  if (!types) return undefined;
  // The gateway found a program in these very parser services.
  return { services: context.sourceCode.parserServices as ParserServicesWithTypeInformation, checker: types.checker };
}

const MAX_TYPE_DEPTH = 8;

/** Names a type goes by: its symbol, alias, apparent type's symbol, and those of base classes / implemented or extended interfaces. */
function typeNames(checker: ts.TypeChecker, type: ts.Type, names: Set<string>, seen: Set<ts.Type>, depth: number): void {
  if (seen.has(type) || depth > MAX_TYPE_DEPTH) return;
  seen.add(type);
  if (type.aliasSymbol) names.add(type.aliasSymbol.name);
  if (type.isIntersection()) {
    for (const part of type.types) typeNames(checker, part, names, seen, depth + 1);
    return;
  }
  const apparent = checker.getApparentType(type);
  for (const candidate of apparent === type ? [type] : [type, apparent]) {
    const symbol = candidate.getSymbol();
    if (!symbol) continue;
    names.add(symbol.name);
    if (candidate.isClassOrInterface()) {
      for (const base of checker.getBaseTypes(candidate)) typeNames(checker, base, names, seen, depth + 1);
    }
    // `implements` clauses (not base types) and generic instantiations: read the declarations' heritage clauses.
    for (const declaration of symbol.declarations ?? []) {
      const clauses = (declaration as Partial<ts.ClassLikeDeclaration | ts.InterfaceDeclaration>).heritageClauses;
      for (const clause of clauses ?? []) {
        for (const heritage of clause.types) typeNames(checker, checker.getTypeAtLocation(heritage), names, seen, depth + 1);
      }
    }
  }
}

/** Whether a receiver type is named `name` — for a union, every constituent but `null`/`undefined`. */
export function receiverTypeIs(checker: ts.TypeChecker, type: ts.Type, name: string): boolean {
  const nonNullable = checker.getNonNullableType(type);
  const parts = nonNullable.isUnion() ? nonNullable.types : [nonNullable];
  if (parts.length === 0) return false;
  return parts.every((part) => {
    const names = new Set<string>();
    typeNames(checker, part, names, new Set(), 0);
    return names.has(name);
  });
}

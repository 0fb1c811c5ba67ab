/**
 * Typed recognition: the role of a call's receiver from where the called method is declared — a class or interface
 * of one of the record's packages (`Repository.delete` in `typeorm`, `Model.destroy` static in `sequelize`), or of
 * Prisma's generated client. `'unrelated'` when the method is declared elsewhere on a receiver whose type is known
 * (a `Map`'s `delete`): then conventional names are not trusted.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { AST_NODE_TYPES } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { enclosingClass } from '../ast/classes.js';
import { staticPropertyName } from '../ast/keys.js';
import { unwrapExpression } from '../ast/unwrap.js';
import { declaringTypeOf, isDeclaredIn } from '../types/packages.js';
import type { TypeServices } from '../types/services.js';
import type { DataAccessRecord } from './types.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

export interface TypedRole {
  readonly record: DataAccessRecord;
  readonly role: string;
  /** The store as the role's `typedStore` reads it from the syntax or the receiver's type. */
  store(sourceCode: SourceCode, target: { readonly receiver: TSESTree.Node }): string | undefined;
}

function roleFor(record: DataAccessRecord, typeName: string, isStatic: boolean): string | undefined {
  const entry = record.types[typeName];
  if (typeof entry === 'string') return entry;
  if (entry) return isStatic ? entry.static : entry.instance;
  return record.typePatterns?.find(([pattern]) => pattern.test(typeName))?.[1];
}

/** The first type argument's name of the receiver's type (`Repository<AuditLog>` → `AuditLog`). */
function typeArgumentName(services: TypeServices, receiver: TSESTree.Node): string | undefined {
  const type = services.typeOf(receiver);
  if (!type) return undefined;
  try {
    const objectFlags = (type as ts.ObjectType).objectFlags ?? 0;
    const args = (objectFlags & services.ts.ObjectFlags.Reference) !== 0 ? services.checker.getTypeArguments(type as ts.TypeReference) : type.aliasTypeArguments;
    const first = args?.[0];
    const symbol = first?.aliasSymbol ?? first?.getSymbol();
    return symbol && !services.isLoose(first as ts.Type) ? symbol.getName() : undefined;
  } catch {
    return undefined;
  }
}

function storeReader(services: TypeServices, record: DataAccessRecord, role: string): TypedRole['store'] {
  const how = record.roles[role]?.typedStore;
  return (_sourceCode, { receiver }) => {
    const expression = unwrapExpression(receiver);
    if (how === 'receiver-property') return expression.type === AST_NODE_TYPES.MemberExpression ? staticPropertyName(expression) : undefined;
    if (how === 'receiver-self') {
      if (expression.type === AST_NODE_TYPES.Identifier) return expression.name;
      if (expression.type === AST_NODE_TYPES.ThisExpression) return enclosingClass(expression)?.id?.name;
      return undefined;
    }
    if (how === 'type-argument') return typeArgumentName(services, receiver);
    return undefined;
  };
}

/** The record role the called method belongs to; undefined when types cannot tell. Cache: none needed (the checker caches; callers prefilter by name). */
export function typedRoleOf(services: TypeServices, callee: TSESTree.MemberExpression, candidates: readonly DataAccessRecord[]): TypedRole | 'unrelated' | undefined {
  const receiverType = services.typeOf(callee.object);
  if (!receiverType || services.isLoose(receiverType)) return undefined;
  const symbol = services.symbolOf(callee.property);
  for (const declaration of symbol?.declarations ?? []) {
    for (const record of candidates) {
      if (!isDeclaredIn(services.ts, declaration, record.packages, record.generatedFrom)) continue;
      const owner = declaringTypeOf(services.ts, declaration);
      const role = owner ? roleFor(record, owner.name, owner.isStatic) : undefined;
      if (role) return { record, role, store: storeReader(services, record, role) };
    }
  }
  return symbol ? 'unrelated' : undefined;
}

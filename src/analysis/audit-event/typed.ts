/**
 * The type half of reading an audit event (typed mode): the properties of the argument's type decide presence
 * (optional and nullable ones flagged) and, where the type says one literal, the value.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import type { TypeServices } from '../types/services.js';
import type { EventValue } from './values.js';

interface TypedProperty {
  readonly optional: boolean;
  readonly value: EventValue;
}

export interface TypedShape {
  readonly properties: ReadonlyMap<string, TypedProperty>;
  /** Undeclared names may exist (index signature, `object`, `any` part). */
  readonly open: boolean;
}

export type TypedVerdict = TypedShape | 'unresolved' | 'not-object';

export interface TypeReader {
  shapeOf(node: TSESTree.Node): TypedVerdict;
  expectedKey(node: TSESTree.Node, aliases: readonly string[]): string | undefined;
}

/** Reads event shapes from types; per file (one per reader), caching the verdict per node. */
export function createTypeReader(types: TypeServices): TypeReader {
  const { checker, ts: tsModule } = types;
  const { TypeFlags, SymbolFlags } = tsModule;
  const unresolvedFlags = TypeFlags.Any | TypeFlags.Unknown | TypeFlags.TypeParameter | TypeFlags.Index | TypeFlags.IndexedAccess | TypeFlags.Conditional | TypeFlags.Substitution;
  const cache = new WeakMap<TSESTree.Node, TypedVerdict>();

  function parts(type: ts.Type): readonly ts.Type[] {
    return type.isUnion() ? type.types : [type];
  }

  function classifyType(type: ts.Type, optional: boolean): EventValue {
    let members = parts(type);
    if (optional) members = members.filter((member) => (member.flags & TypeFlags.Undefined) === 0);
    if (members.length === 0) return { kind: 'undefined' };
    if (members.every((member) => (member.flags & (TypeFlags.Undefined | TypeFlags.Void | TypeFlags.Null)) !== 0)) {
      return members.some((member) => (member.flags & TypeFlags.Null) !== 0) ? { kind: 'null' } : { kind: 'undefined' };
    }
    if (members.length !== 1) return { kind: 'other' };
    const only = members[0]!;
    if (only.isStringLiteral()) return only.value === '' ? { kind: 'empty' } : { kind: 'string', value: only.value };
    if (only.isNumberLiteral()) return { kind: 'number', value: only.value };
    if ((only.flags & TypeFlags.BooleanLiteral) !== 0) return { kind: 'boolean', value: (only as ts.Type & { intrinsicName?: string }).intrinsicName === 'true' };
    return { kind: 'other' };
  }

  function isObjectPart(type: ts.Type): boolean {
    if ((type.flags & (TypeFlags.Object | TypeFlags.Intersection | TypeFlags.NonPrimitive)) === 0) return false;
    if (checker.isArrayType(type) || checker.isTupleType(type)) return false;
    // A function is not an event (a callback, a handler).
    if (type.getCallSignatures().length > 0 && checker.getPropertiesOfType(type).length === 0) return false;
    return true;
  }

  function compute(node: TSESTree.Node): TypedVerdict {
    const tsNode = types.tsNode(node);
    if (!tsNode) return 'unresolved';
    const type = checker.getTypeAtLocation(tsNode);
    if ((type.flags & unresolvedFlags) !== 0) return 'unresolved';
    const nonNullable = checker.getNonNullableType(type);
    const members = parts(nonNullable);
    if (members.length === 0) return 'not-object';
    if (members.some((member) => (member.flags & unresolvedFlags) !== 0)) return 'unresolved';
    if (!members.every(isObjectPart)) return 'not-object';
    let open = members.some((member) => (member.flags & TypeFlags.NonPrimitive) !== 0);
    open ||= nonNullable.getStringIndexType() !== undefined;
    const properties = new Map<string, TypedProperty>();
    for (const symbol of checker.getPropertiesOfType(nonNullable)) {
      let optional = (symbol.flags & SymbolFlags.Optional) !== 0;
      let value: EventValue = { kind: 'other' };
      if ((symbol.flags & (SymbolFlags.Method | SymbolFlags.GetAccessor)) === 0) {
        const type = checker.getTypeOfSymbolAtLocation(symbol, tsNode);
        value = classifyType(type, optional);
        // `actor: string | null`: the type does not guarantee the field either.
        optional ||= parts(type).some((member) => (member.flags & (TypeFlags.Undefined | TypeFlags.Void | TypeFlags.Null)) !== 0);
      }
      properties.set(symbol.getName(), { optional, value });
    }
    return { properties, open };
  }

  return {
    shapeOf(node) {
      let verdict = cache.get(node);
      if (verdict === undefined) {
        try {
          verdict = compute(node);
        } catch {
          verdict = 'unresolved';
        }
        cache.set(node, verdict);
      }
      return verdict;
    },
    expectedKey(node, aliases) {
      try {
        const tsNode = types.tsNode(node) as ts.Expression | undefined;
        const contextual = tsNode && checker.getContextualType(tsNode);
        if (!contextual || (contextual.flags & unresolvedFlags) !== 0) return undefined;
        const target = checker.getNonNullableType(contextual);
        return aliases.find((alias) => checker.getPropertyOfType(target, alias) !== undefined);
      } catch {
        return undefined;
      }
    },
  };
}

/**
 * What the flow asks of types (typed mode only, through `getTypeServices`): whether a value is a boolean, may be
 * nullish, or is displayed under a given type name. Untyped, or when the checker cannot say, the answer is `false`.
 * Flags are read from the loaded TypeScript module (`services.ts`), never hard-coded.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { type FlowState, typeServices } from './state.js';

function parts(type: ts.Type): readonly ts.Type[] {
  return type.isUnion() ? type.types : [type];
}

/** Typed mode: the value is a boolean, `null` or `undefined` (`{ password: isValid }` reveals nothing). */
export function isBooleanTyped(state: FlowState, node: TSESTree.Node): boolean {
  const services = typeServices(state);
  const type = services?.typeOf(node);
  if (!services || !type) return false;
  const { TypeFlags } = services.ts;
  const flags = TypeFlags.BooleanLike | TypeFlags.Undefined | TypeFlags.Null;
  const members = parts(type);
  return members.length > 0 && members.every(part => (part.flags & flags) !== 0);
}

/**
 * Typed mode: whether the type of `node` (its awaited, non-nullable type) is displayed as `typeName`, i.e. whether a
 * type match's path starts at a named type rather than in an anonymous object around it.
 */
export function typeIsNamed(state: FlowState, node: TSESTree.Node, typeName: string): boolean {
  const services = typeServices(state);
  const type = services?.typeOf(node);
  if (!services || !type) return false;
  const { checker } = services;
  try {
    const value = checker.getNonNullableType(type);
    const awaited = checker.getAwaitedType(value) ?? value;
    return checker.typeToString(checker.getNonNullableType(awaited)) === typeName;
  } catch {
    return false;
  }
}

/** Typed mode: whether the value of `node` may be `null` or `undefined`. */
export function isNullable(state: FlowState, node: TSESTree.Node): boolean {
  const services = typeServices(state);
  const type = services?.typeOf(node);
  if (!services || !type) return false;
  const { TypeFlags } = services.ts;
  return parts(type).some(part => (part.flags & (TypeFlags.Undefined | TypeFlags.Null)) !== 0);
}

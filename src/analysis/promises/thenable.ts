/** Typed mode: whether a value is a Promise or another thenable. */
import type * as ts from 'typescript';

// ---------------------------------------------------------------------------------------------------------------------
// Types
// ---------------------------------------------------------------------------------------------------------------------

function unionParts(type: ts.Type): readonly ts.Type[] {
  return type.isUnion() ? type.types : [type];
}

/**
 * Whether a value of `type` is a Promise or another thenable: some constituent has a `then` property with a call
 * signature (as typescript-eslint's `no-floating-promises` reads it). `any` and `unknown` are not.
 */
export function isThenableType(checker: ts.TypeChecker, location: ts.Node, type: ts.Type): boolean {
  for (const part of unionParts(checker.getApparentType(type))) {
    const then = part.getProperty('then');
    if (!then) continue;
    const thenType = checker.getTypeOfSymbolAtLocation(then, location);
    if (unionParts(thenType).some(candidate => candidate.getCallSignatures().length > 0)) return true;
  }
  return false;
}

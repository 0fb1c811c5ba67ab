/**
 * Typed resolution: the function a call runs, or a reference names, by the checker. Cheapest question first — the
 * callee's symbol (through aliases): a function or method declared once in the app is the signature the call resolves
 * to, and a function or method declared only in packages or the default library has no body to follow. Only what the
 * symbol cannot decide (overloads, unions, function-typed values, `new`) asks `getResolvedSignature`.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { type FunctionNode, isFunctionNode } from '../ast/functions.js';
import { unwrapExpression } from '../ast/unwrap.js';
import type { ModuleView } from '../modules/views.js';
import type { TypeServices } from '../types/services.js';
import type { Entity } from './entities.js';
import { type Call, type FnRef, makeRef, type ReachState, type Typed, typesOfView, viewForSourceFile } from './state.js';

/** A declaration the checker resolved to, but that must not be followed (interface method, `.d.ts`, package). */
export const NOT_FOLLOWED = Symbol('not followed');

type TsFunction = ts.Node & { readonly body?: ts.Node; readonly parameters?: unknown; readonly name?: ts.Node };

/** Counters for tests and benchmarks: call targets decided by the callee's symbol, and by the resolved signature. */
export const typedCallStats = { bySymbol: 0, bySignature: 0 };

/** The function a declaration-ish ESTree node stands for: a function itself, a method's value, a const's initializer. */
export function functionOf(node: TSESTree.Node | undefined): FunctionNode | undefined {
  if (!node) return undefined;
  if (isFunctionNode(node)) return node.body ? node : undefined;
  switch (node.type) {
    case AST_NODE_TYPES.MethodDefinition:
    case AST_NODE_TYPES.Property:
    case AST_NODE_TYPES.PropertyDefinition:
      return node.value ? functionOf(unwrapExpression(node.value)) : undefined;
    case AST_NODE_TYPES.VariableDeclarator:
      return node.init ? functionOf(unwrapExpression(node.init)) : undefined;
    default:
      return undefined;
  }
}

function functionWithBody(typed: Typed, declaration: ts.Node | undefined): TsFunction | undefined {
  if (!declaration) return undefined;
  const candidate = declaration as TsFunction;
  if (candidate.parameters === undefined) return undefined;
  if (candidate.body) return candidate;
  // An overload signature: the implementation is another declaration of the same symbol.
  if (!candidate.name) return undefined;
  const symbol = typed.checker.getSymbolAtLocation(candidate.name);
  for (const other of symbol?.declarations ?? []) {
    const fn = other as TsFunction;
    if (fn.parameters !== undefined && fn.body) return fn;
  }
  return undefined;
}

function refForTs(state: ReachState, fn: TsFunction): FnRef | undefined {
  const view = viewForSourceFile(state, fn.getSourceFile());
  const node = functionOf(view?.services?.tsNodeToESTreeNodeMap.get(fn));
  return view && node ? makeRef(view, node) : undefined;
}

const JS_FILE = /\.[cm]?jsx?$/u;

function isLibraryFile(program: ts.Program, sourceFile: ts.SourceFile): boolean {
  return program.isSourceFileFromExternalLibrary(sourceFile) || program.isSourceFileDefaultLibrary(sourceFile) || /[\\/]node_modules[\\/]/u.test(sourceFile.fileName);
}

/**
 * The declaration a call resolves to, decided by the callee's symbol alone: its one app declaration (a function or
 * method: its type has exactly that signature; not in JavaScript, where a JSDoc `@type` may replace it), or
 * NOT_FOLLOWED when every declaration is in a package or the default library. undefined: the symbol cannot decide.
 */
function declarationBySymbol(typed: Typed, types: TypeServices, call: Call): ts.Node | typeof NOT_FOLLOWED | undefined {
  if (call.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const { callee } = call;
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee : callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed ? callee.property : undefined;
  if (!name) return undefined;
  const symbol = types.symbolOf(name);
  const declarations = symbol?.declarations;
  if (!symbol || !declarations?.length || (symbol.flags & (types.ts.SymbolFlags.Function | types.ts.SymbolFlags.Method)) === 0) return undefined;
  if (declarations.every((declaration) => isLibraryFile(typed.program, declaration.getSourceFile()))) return NOT_FOLLOWED;
  const [declaration] = declarations;
  if (declarations.length !== 1 || !declaration || JS_FILE.test(declaration.getSourceFile().fileName)) return undefined;
  const { SyntaxKind } = types.ts;
  const kind = declaration.kind;
  return kind === SyntaxKind.FunctionDeclaration || kind === SyntaxKind.MethodDeclaration || kind === SyntaxKind.MethodSignature ? declaration : undefined;
}

/** The function a call runs, by the checker: a ref, NOT_FOLLOWED (resolved to something without a body here), or undefined (unknown). */
export function typedCallTarget(state: ReachState, call: Call, view: ModuleView): FnRef | typeof NOT_FOLLOWED | undefined {
  const { typed } = state;
  const types = typesOfView(state, view);
  if (!typed || !types) return undefined;
  try {
    const tsCall = types.tsNode(call);
    if (!tsCall) return undefined;
    const bySymbol = declarationBySymbol(typed, types, call);
    if (bySymbol === NOT_FOLLOWED) {
      typedCallStats.bySymbol++;
      return NOT_FOLLOWED;
    }
    if (bySymbol) typedCallStats.bySymbol++;
    else typedCallStats.bySignature++;
    const declaration = bySymbol ?? typed.checker.getResolvedSignature(tsCall as ts.CallLikeExpression)?.declaration;
    if (!declaration) return undefined;
    const fn = functionWithBody(typed, declaration);
    return (fn && refForTs(state, fn)) ?? NOT_FOLLOWED;
  } catch {
    return undefined;
  }
}

/** What a reference names, by the checker's symbol (aliases followed). */
export function typedReference(state: ReachState, expression: TSESTree.Node, view: ModuleView): Entity | undefined {
  const { typed } = state;
  const types = typesOfView(state, view);
  if (!typed || !types) return undefined;
  try {
    const tsNode = types.tsNode(unwrapExpression(expression));
    if (!tsNode) return undefined;
    const location = (tsNode as ts.Node & { name?: ts.Node }).name ?? tsNode;
    let symbol = typed.checker.getSymbolAtLocation(location);
    if (symbol && symbol.flags & types.ts.SymbolFlags.Alias) symbol = typed.checker.getAliasedSymbol(symbol);
    const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    if (!declaration) return undefined;
    const fn = functionWithBody(typed, declaration);
    if (fn) {
      const ref = refForTs(state, fn);
      return ref ? { kind: 'function', ref } : undefined;
    }
    const initializer = (declaration as ts.Node & { initializer?: ts.Node }).initializer;
    if (!initializer) return undefined;
    const initializerFn = functionWithBody(typed, initializer);
    if (initializerFn) {
      const ref = refForTs(state, initializerFn);
      return ref ? { kind: 'function', ref } : undefined;
    }
    const targetView = viewForSourceFile(state, initializer.getSourceFile());
    const node = targetView?.services?.tsNodeToESTreeNodeMap.get(initializer);
    return targetView && node ? { kind: 'value', view: targetView, node } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Log wrappers, the callee side: which function a call runs (the summaries are wrapper-summary.ts).
 *
 * A function or method whose parameter reaches a sink is itself a sink on the arguments at those
 * positions (`function logInfo(msg, data) { logger.info(msg, data) }`, a class's `log(x) { console.log(x) }` called as
 * `this.log(x)`, `(...args) => console.log(...args)`, `console.log.apply(console, arguments)`).
 *
 * **The callee** is resolved by syntax first: a function declaration, a `const` bound to a function, a method of the
 * enclosing class (`this.log`), an import followed through the module graph (the program's files in typed mode, the
 * disk in untyped mode: `findExport`), a namespace import's member. In typed mode, a callee the syntax cannot resolve
 * (`this.audit.log(x)` of an injected service) is resolved by its symbol to its one declaration in the app's files
 * (never a package's).
 *
 * **The summary** of a function says which parameter indices reach a sink: a parameter (or a `const` built from one in
 * the body) written in a logged argument of a sink call in the body, a rest parameter spread into one, `arguments`
 * (every position). A call of another wrapper in the body counts, to MAX_WRAPPER_DEPTH hops. Summaries are cached by
 * function node and policy: nodes of other files live as long as the module graph holds them (per program in typed
 * mode, bounded per process in untyped mode), the linted file's with the file. Nothing walks more than the bodies
 * of the functions that calls resolve to.
 */
import { AST_NODE_TYPES, ASTUtils, TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { thisMethod } from '../../ast/classes.js';
import { functionOf, type FunctionNode } from '../../ast/functions.js';
import { staticPropertyName } from '../../ast/keys.js';
import { unwrapExpression } from '../../ast/unwrap.js';
import { findExport, lookupBinding, moduleSource, programModuleView } from '../../modules.js';
import { bindingOf, fileOf, isCurrent, resolveFrom } from './bindings.js';
import { classify } from './classify.js';
import { typedInfo, type SinkState } from './state.js';

const { DefinitionType } = TSESLint.Scope;

function exported(state: SinkState, from: TSESTree.Node, source: string, name: string): FunctionNode | undefined {
  const file = fileOf(state, from);
  const target = file === undefined ? undefined : resolveFrom(state, file, source);
  if (!target) return undefined;
  const found = findExport(target, name, moduleSource(typedInfo(state)?.program));
  if (found && found.node.type !== AST_NODE_TYPES.Program) state.moduleFiles.set(rootOfNode(found.node), found.file);
  return found ? functionOf(found.node) : undefined;
}

function rootOfNode(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent) current = current.parent;
  return current;
}

function identifierFunction(state: SinkState, id: TSESTree.Identifier): FunctionNode | undefined {
  if (isCurrent(state, id)) {
    const variable = ASTUtils.findVariable(state.sourceCode.getScope(id), id);
    const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
    if (def?.type === DefinitionType.FunctionName) return functionOf(def.node);
  } else {
    const binding = lookupBinding(id);
    if (binding?.kind === 'function') return functionOf(binding.node);
  }
  const bound = bindingOf(state, id);
  if (bound.k === 'variable' && bound.declarator.id === bound.id) return functionOf(bound.declarator.init);
  if (bound.k === 'import') return exported(state, id, bound.source, bound.imported);
  return undefined;
}

function isLibraryFile(program: ts.Program, file: ts.SourceFile): boolean {
  return program.isSourceFileFromExternalLibrary(file) || program.isSourceFileDefaultLibrary(file) || /[\\/]node_modules[\\/]/u.test(file.fileName);
}

/** Typed mode: the one app declaration the callee's symbol names, as an ESTree function. */
function typedFunction(state: SinkState, callee: TSESTree.Node): FunctionNode | undefined {
  const typed = isCurrent(state, callee) ? typedInfo(state) : undefined;
  if (!typed) return undefined;
  const name = callee.type === AST_NODE_TYPES.MemberExpression && !callee.computed ? callee.property : callee;
  const symbol = typed.symbolOf(name);
  const declarations = symbol?.declarations ?? [];
  const { SymbolFlags } = typed.ts;
  if (!symbol || declarations.length !== 1 || (symbol.flags & (SymbolFlags.Function | SymbolFlags.Method | SymbolFlags.Property | SymbolFlags.Variable)) === 0) return undefined;
  const [declaration] = declarations;
  if (!declaration) return undefined;
  const file = declaration.getSourceFile();
  if (file.isDeclarationFile || isLibraryFile(typed.program, file)) return undefined;
  const node = file === typed.tsNode(state.sourceCode.ast)?.getSourceFile() ? typed.esNode(declaration) : programModuleView(typed.program, file)?.services?.tsNodeToESTreeNodeMap.get(declaration);
  return functionOf(node);
}

/** The function a call's callee names (see the module comment), or undefined. */
export function calleeFunction(state: SinkState, callee: TSESTree.Node): FunctionNode | undefined {
  const value = unwrapExpression(callee);
  let fn: FunctionNode | undefined;
  if (value.type === AST_NODE_TYPES.Identifier) fn = identifierFunction(state, value);
  else if (value.type === AST_NODE_TYPES.MemberExpression) {
    const name = staticPropertyName(value);
    const object = unwrapExpression(value.object);
    if (name !== undefined && object.type === AST_NODE_TYPES.ThisExpression) fn = thisMethod(value, name);
    else if (name !== undefined) {
      const base = classify(state, object);
      if (base?.t === 'localModule') {
        const found = findExport(base.file, name, moduleSource(typedInfo(state)?.program));
        fn = found ? functionOf(found.node) : undefined;
      }
    }
  }
  return fn ?? typedFunction(state, value);
}

/** The names the parameters bind, with their index; `this` parameters and destructured parameters do not count. */
export function parameterNames(fn: FunctionNode): { names: Map<string, number>; rest: string | undefined; restIndex: number | undefined } {
  const names = new Map<string, number>();
  let rest: string | undefined;
  let restIndex: number | undefined;
  let index = 0;
  const collect = (pattern: TSESTree.Node, at: number): void => {
    switch (pattern.type) {
      case AST_NODE_TYPES.Identifier:
        names.set(pattern.name, at);
        break;
      case AST_NODE_TYPES.AssignmentPattern:
        collect(pattern.left, at);
        break;
      case AST_NODE_TYPES.TSParameterProperty:
        collect(pattern.parameter, at);
        break;
      // A destructured parameter (`{ ctx, user }`) is not followed: a property reaching a sink does not make the whole
      // argument reach it (the summary has no paths).
      case AST_NODE_TYPES.RestElement:
        collect(pattern.argument, at);
        break;
      default:
        break;
    }
  };
  for (const param of fn.params) {
    if (param.type === AST_NODE_TYPES.Identifier && param.name === 'this') continue;
    if (param.type === AST_NODE_TYPES.RestElement && param.argument.type === AST_NODE_TYPES.Identifier) {
      rest = param.argument.name;
      restIndex = index;
    } else collect(param, index);
    index++;
  }
  return { names, rest, restIndex };
}

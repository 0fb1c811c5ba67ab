/**
 * Plugins: functions that receive an instance as their first parameter (Fastify: passed to `.register(...)` or to
 * `fp(...)` from 'fastify-plugin', directly or by name in this file, or typed `FastifyPlugin*`). Which frameworks have
 * plugins, and how they look, is in the records (`plugins`).
 */
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import { staticPropertyName } from '../ast/keys.js';
import { unwrapExpression } from '../ast/unwrap.js';
import { findVariable } from '../ast/variables.js';
import { FRAMEWORKS, inModules } from './frameworks/index.js';
import type { HttpFramework, Plugins } from './frameworks/types.js';
import { importPathOf } from './imports.js';

type SourceCode = Readonly<TSESLint.SourceCode>;

function typeReferenceName(annotation: TSESTree.TypeNode | undefined): string | undefined {
  if (annotation?.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  const { typeName } = annotation;
  if (typeName.type === AST_NODE_TYPES.Identifier) return typeName.name;
  if (typeName.type === AST_NODE_TYPES.TSQualifiedName) return typeName.right.name;
  return undefined;
}

/** `register(plugin)` on anything, or `fp(plugin)` / `fastifyPlugin(plugin)` from a wrapper module. */
function isPluginRegistration(sourceCode: SourceCode, plugins: Plugins, call: TSESTree.CallExpression, argument: TSESTree.Node): boolean {
  if (call.arguments[0] !== argument) return false;
  const callee = unwrapExpression(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && staticPropertyName(callee) === plugins.registerMethod) return true;
  const module = importPathOf(sourceCode, callee)?.module;
  return module !== undefined && inModules(plugins.wrapperModules, module);
}

/** A plugin: registered or wrapped (directly or by name in this file), or typed with the plugin type. */
function isPlugin(sourceCode: SourceCode, plugins: Plugins, fn: TSESTree.Node): boolean {
  const isPluginType = (annotation: TSESTree.TypeNode | undefined): boolean => typeReferenceName(annotation)?.startsWith(plugins.typePrefix) === true;
  let node: TSESTree.Node = fn;
  while (node.parent && (node.parent.type === AST_NODE_TYPES.TSAsExpression || node.parent.type === AST_NODE_TYPES.TSSatisfiesExpression)) {
    if (isPluginType(node.parent.typeAnnotation)) return true;
    node = node.parent;
  }
  const parent = node.parent;
  if (parent?.type === AST_NODE_TYPES.CallExpression && isPluginRegistration(sourceCode, plugins, parent, node)) return true;
  let name: TSESTree.Identifier | undefined;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) name = fn.id;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === node && parent.id.type === AST_NODE_TYPES.Identifier) {
    if (isPluginType(parent.id.typeAnnotation?.typeAnnotation)) return true;
    name = parent.id;
  }
  if (!name) return false;
  const variable = findVariable(sourceCode, name);
  return (
    variable?.references.some((reference) => {
      const use = reference.identifier.parent;
      return use?.type === AST_NODE_TYPES.CallExpression && isPluginRegistration(sourceCode, plugins, use, reference.identifier);
    }) === true
  );
}

/** The framework whose plugin `fn` is (its first parameter is then that framework's instance); undefined when none. */
export function pluginFramework(sourceCode: SourceCode, fn: TSESTree.Node): HttpFramework | undefined {
  for (const tables of FRAMEWORKS.http) {
    if (tables.plugins && isPlugin(sourceCode, tables.plugins, fn)) return tables.framework;
  }
  return undefined;
}

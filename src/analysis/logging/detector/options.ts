/** Options objects of logger creations, read from the syntax: pino `redact` paths and `customLevels` (ESTree). */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { staticKeyName } from '../../ast/keys.js';
import { stringValue } from '../../ast/static-values.js';
import { unwrapExpression } from '../../ast/unwrap.js';
import { LOGGER_TABLES } from '../index.js';
import { parseRedactPaths, type RedactPaths } from '../redact.js';
import { constInitOf } from './bindings.js';
import type { SinkState } from './state.js';

export const MAX_DEPTH = 12;

/** An object literal, directly or through `const` variables. */
export function objectOf(state: SinkState, node: TSESTree.Node, depth = 0): TSESTree.ObjectExpression | undefined {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.ObjectExpression) return expression;
  if (expression.type === AST_NODE_TYPES.Identifier && depth < MAX_DEPTH) {
    const init = constInitOf(state, expression);
    return init ? objectOf(state, init, depth + 1) : undefined;
  }
  return undefined;
}

export function propertyOf(object: TSESTree.ObjectExpression, name: string): TSESTree.Node | undefined {
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.Property && staticKeyName(property.key, property.computed) === name) return property.value;
  }
  return undefined;
}

/** The strings of an array literal (spreads and `const` variables followed); elements not known are skipped. */
function stringsOf(state: SinkState, node: TSESTree.Node, depth = 0): string[] | undefined {
  const expression = unwrapExpression(node);
  if (expression.type === AST_NODE_TYPES.Identifier && depth < MAX_DEPTH) {
    const init = constInitOf(state, expression);
    return init ? stringsOf(state, init, depth + 1) : undefined;
  }
  if (expression.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
  const strings: string[] = [];
  for (const element of expression.elements) {
    if (!element) continue;
    if (element.type === AST_NODE_TYPES.SpreadElement) {
      strings.push(...(stringsOf(state, element.argument, depth + 1) ?? []));
      continue;
    }
    let text = stringValue(element);
    if (text === undefined && element.type === AST_NODE_TYPES.Identifier) text = stringValue(constInitOf(state, element));
    if (text !== undefined) strings.push(text);
  }
  return strings;
}

/** `{ redact: [...] }` / `{ redact: { paths: [...] } }` → paths; undefined when there is none. */
export function redactOfOptions(state: SinkState, options: TSESTree.Node | undefined): RedactPaths | undefined {
  const object = options ? objectOf(state, options) : undefined;
  const redact = object ? propertyOf(object, 'redact') : undefined;
  if (!redact) return undefined;
  const strings = stringsOf(state, redact);
  if (strings) return parseRedactPaths(strings);
  const inner = objectOf(state, redact);
  const paths = inner ? propertyOf(inner, 'paths') : undefined;
  return paths ? parseRedactPaths(stringsOf(state, paths) ?? []) : undefined;
}

/** `{ customLevels: { audit: 35 } }` → ['audit']. */
export function levelsOfOptions(state: SinkState, options: TSESTree.Node | undefined): string[] | undefined {
  const object = options ? objectOf(state, options) : undefined;
  const option = LOGGER_TABLES.byKind.get('pino')?.levelsOption;
  const custom = object && option ? propertyOf(object, option) : undefined;
  const levels = custom ? objectOf(state, custom) : undefined;
  if (!levels) return undefined;
  const names: string[] = [];
  for (const property of levels.properties) {
    const name = property.type === AST_NODE_TYPES.Property ? staticKeyName(property.key, property.computed) : undefined;
    if (name !== undefined) names.push(name);
  }
  return names;
}

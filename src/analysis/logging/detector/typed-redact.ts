/**
 * Typed mode: the pino redaction of a logger declared anywhere in the program (`export const logger = pino({ redact })`
 * in another file, a class field), read from the declarations the checker resolves. Cached per declaration symbol and
 * program (typed.ts's program cache).
 */
import type * as ts from 'typescript';
import type { TypeServices } from '../../types/services.js';
import { parseRedactPaths, type RedactPaths } from '../redact.js';
import { MAX_DEPTH } from './options.js';
import { packageOf, programCache } from './typed.js';

function skipOuter(typed: TypeServices, node: ts.Node): ts.Node {
  const typescript = typed.ts;
  let current = node;
  while (
    typescript.isParenthesizedExpression(current) ||
    typescript.isAsExpression(current) ||
    typescript.isSatisfiesExpression(current) ||
    typescript.isNonNullExpression(current) ||
    typescript.isTypeAssertionExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}

function symbolAt(typed: TypeServices, node: ts.Node): ts.Symbol | undefined {
  const typescript = typed.ts;
  const target = typescript.isPropertyAccessExpression(node) ? node.name : node;
  let symbol = typed.checker.getSymbolAtLocation(target);
  if (symbol && symbol.flags & typescript.SymbolFlags.Alias) symbol = typed.checker.getAliasedSymbol(symbol);
  return symbol;
}

/** The initializer a symbol is declared with: `const x = …`, a class field `x = …`, `export default …`. */
function initializerOf(typed: TypeServices, symbol: ts.Symbol): ts.Expression | undefined {
  const typescript = typed.ts;
  const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
  if (!declaration) return undefined;
  if (typescript.isVariableDeclaration(declaration)) {
    return typescript.getCombinedNodeFlags(declaration) & typescript.NodeFlags.Const ? declaration.initializer : undefined;
  }
  if (typescript.isPropertyDeclaration(declaration)) return declaration.initializer;
  if (typescript.isExportAssignment(declaration)) return declaration.expression;
  return undefined;
}

function tsStrings(typed: TypeServices, node: ts.Node, depth: number): string[] | undefined {
  const typescript = typed.ts;
  const expression = skipOuter(typed, node);
  if (typescript.isIdentifier(expression) && depth < MAX_DEPTH) {
    const symbol = symbolAt(typed, expression);
    const init = symbol ? initializerOf(typed, symbol) : undefined;
    return init ? tsStrings(typed, init, depth + 1) : undefined;
  }
  if (!typescript.isArrayLiteralExpression(expression)) return undefined;
  const strings: string[] = [];
  for (const element of expression.elements) {
    if (typescript.isStringLiteralLike(element)) strings.push(element.text);
    else if (typescript.isSpreadElement(element)) strings.push(...(tsStrings(typed, element.expression, depth + 1) ?? []));
    // other elements: not known, not counted
  }
  return strings;
}

function tsProperty(typed: TypeServices, object: ts.ObjectLiteralExpression, name: string): ts.Node | undefined {
  const typescript = typed.ts;
  for (const property of object.properties) {
    const key = property.name;
    const keyText = key && (typescript.isIdentifier(key) || typescript.isStringLiteral(key)) ? key.text : undefined;
    if (keyText !== name) continue;
    if (typescript.isPropertyAssignment(property)) return property.initializer;
    if (typescript.isShorthandPropertyAssignment(property)) return property.name;
  }
  return undefined;
}

function tsObject(typed: TypeServices, node: ts.Node, depth: number): ts.ObjectLiteralExpression | undefined {
  const typescript = typed.ts;
  const expression = skipOuter(typed, node);
  if (typescript.isObjectLiteralExpression(expression)) return expression;
  if (typescript.isIdentifier(expression) && depth < MAX_DEPTH) {
    const symbol = symbolAt(typed, expression);
    const init = symbol ? initializerOf(typed, symbol) : undefined;
    return init ? tsObject(typed, init, depth + 1) : undefined;
  }
  return undefined;
}

/** `{ redact: [...] }` / `{ redact: { paths: [...] } }` → paths; undefined when there is none. */
function tsRedactOfOptions(typed: TypeServices, options: ts.Node): RedactPaths | undefined {
  const object = tsObject(typed, options, 0);
  const redact = object ? tsProperty(typed, object, 'redact') : undefined;
  if (!redact) return undefined;
  const strings = tsStrings(typed, redact, 0);
  if (strings) return parseRedactPaths(strings);
  const inner = tsObject(typed, redact, 0);
  const paths = inner ? tsProperty(typed, inner, 'paths') : undefined;
  return paths ? parseRedactPaths(tsStrings(typed, paths, 0) ?? []) : undefined;
}

/** Whether a call is `pino(…)` — by the declaration the checker resolves it to, whatever the local name. */
function isTsPinoCall(typed: TypeServices, call: ts.CallExpression): boolean {
  const declaration = typed.checker.getResolvedSignature(call)?.getDeclaration();
  if (!declaration) return false;
  const name = declaration.name && typed.ts.isIdentifier(declaration.name) ? declaration.name.text : undefined;
  return name === 'pino' && packageOf(typed, declaration.getSourceFile()) === 'pino';
}

/** The redact paths of the pino logger an expression evaluates to (another file's code included). */
export function tsLoggerRedact(typed: TypeServices, node: ts.Node, depth: number): RedactPaths | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const typescript = typed.ts;
  const expression = skipOuter(typed, node);
  if (typescript.isIdentifier(expression) || typescript.isPropertyAccessExpression(expression)) {
    const symbol = symbolAt(typed, expression);
    return symbol ? tsSymbolRedact(typed, symbol, depth + 1) : undefined;
  }
  if (typescript.isCallExpression(expression)) {
    const callee = skipOuter(typed, expression.expression);
    if (typescript.isPropertyAccessExpression(callee) && callee.name.text === 'child') {
      const options = expression.arguments[1];
      const own = options ? tsRedactOfOptions(typed, options) : undefined;
      return own ?? tsLoggerRedact(typed, callee.expression, depth + 1);
    }
    if (isTsPinoCall(typed, expression)) {
      const options = expression.arguments[0];
      return options ? tsRedactOfOptions(typed, options) : undefined;
    }
  }
  return undefined;
}

function tsSymbolRedact(typed: TypeServices, symbol: ts.Symbol, depth: number): RedactPaths | undefined {
  const cache = programCache(typed.program).declarationRedact;
  if (cache.has(symbol)) return cache.get(symbol) ?? undefined;
  cache.set(symbol, null); // cycles
  const init = initializerOf(typed, symbol);
  const redact = init ? tsLoggerRedact(typed, init, depth) : undefined;
  cache.set(symbol, redact ?? null);
  return redact;
}

/**
 * Which npm package declares a symbol or a type (typed mode): `@trpc/server` for a procedure builder's `mutation`,
 * `@nestjs/common` for `Post`. Kept beside the endpoint adapters for now; it belongs with the type gateway
 * (`src/analysis/types/`) once the data-access records need the same.
 */
import type * as ts from 'typescript';

const PACKAGE_IN_PATH = /\/node_modules\/((?:@[^/]+\/)?[^/]+)\//gu;

/** The npm package a declaration file belongs to (the innermost `node_modules/<pkg>/`), or undefined for project files. */
export function packageOfFile(fileName: string): string | undefined {
  let found: string | undefined;
  for (const match of fileName.replaceAll('\\', '/').matchAll(PACKAGE_IN_PATH)) found = match[1];
  return found;
}

/** The package that declares a symbol; `null` when it is declared in the project; undefined when unknown. */
export function packageOfSymbol(symbol: ts.Symbol | undefined): string | null | undefined {
  const declaration = symbol?.declarations?.[0];
  if (!declaration) return undefined;
  try {
    return packageOfFile(declaration.getSourceFile().fileName) ?? null;
  } catch {
    return undefined;
  }
}

/** Whether the type (or its alias) is declared in package `pkg`. */
export function typeFromPackage(type: ts.Type, pkg: string): boolean {
  try {
    return [type.aliasSymbol, type.getSymbol()].some((symbol) => symbol !== undefined && packageOfSymbol(symbol) === pkg);
  } catch {
    return false;
  }
}

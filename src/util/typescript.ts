/**
 * `typescript` is an optional peer: it is loaded on first typed use only, so the plugin loads
 * (and every rule runs untyped) where it is not installed.
 */
import { createRequire } from 'node:module';
import type * as ts from 'typescript';

let typescriptModule: typeof ts | null | undefined;

export function loadTypeScript(): typeof ts | undefined {
  if (typescriptModule === undefined) {
    try {
      typescriptModule = createRequire(import.meta.url)('typescript') as typeof ts;
    } catch {
      typescriptModule = null;
    }
  }
  return typescriptModule ?? undefined;
}

/**
 * Naming the actor and the source in the application adapters (NestJS, Next.js, tRPC, factories) with what a
 * handler's types really offer, so a suggested audit call type-checks. Type questions go through the gateway
 * (`getTypeServices`); nothing here throws.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import type { TypeServices } from '../types/services.js';

/**
 * Builds `base.a?.b` for a property path that exists on the type of `node` (`?.` after a nullable step); undefined when
 * a step is missing, and `conventional` when the type of `node` itself is `any` / `unknown` (nothing to check against).
 * With `call`, the last step must be a method and the text ends with the call (`req.headers.get('x-forwarded-for')`).
 */
export function typedAccess(
  services: TypeServices,
  node: TSESTree.Node,
  base: string,
  path: readonly string[],
  options: { readonly conventional?: string; readonly call?: string } = {},
): string | undefined {
  const type = services.typeOf(node);
  if (!type) return undefined;
  if (services.isLoose(type)) return options.conventional;
  const { checker } = services;
  try {
    let current: ts.Type = type;
    let text = base;
    let loose = false;
    for (const name of path) {
      if (loose || services.isLoose(current)) {
        loose = true;
        text += `?.${name}`;
        continue;
      }
      const nonNullable = checker.getNonNullableType(current);
      const property = checker.getPropertyOfType(nonNullable, name);
      if (!property) return undefined;
      text += nonNullable === current ? `.${name}` : `?.${name}`;
      current = checker.getTypeOfSymbol(property);
    }
    if (options.call === undefined) return text;
    const callable = loose || services.isLoose(current) || checker.getNonNullableType(current).getCallSignatures().length > 0;
    return callable ? `${text}(${options.call})` : undefined;
  } catch {
    return undefined;
  }
}

/** {@link typedAccess} with types, else the conventional text (untyped mode names what the framework conventionally offers). */
export function contextAccess(
  services: TypeServices | undefined,
  node: TSESTree.Node,
  base: string,
  path: readonly string[],
  conventional: string | undefined,
  call?: string,
): string | undefined {
  if (!services) return conventional;
  return typedAccess(services, node, base, path, { ...(conventional === undefined ? {} : { conventional }), ...(call === undefined ? {} : { call }) });
}

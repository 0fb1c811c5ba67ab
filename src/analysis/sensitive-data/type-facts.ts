/**
 * Facts about TypeScript types that the sensitive-data walk reads (typed mode only): where a named type comes from,
 * its display name, tags, brands, promise and array shapes, and the data properties of an object type. Free functions
 * over the {@link TypeWalker} state; flags and kinds are read from the loaded TypeScript module, never hard-coded.
 */
import type * as ts from 'typescript';
import type { Policy } from '../../policy.js';
import { classifyName } from './names.js';
import { type SensitiveMatch, TAGGED_CATEGORY } from './match.js';

/** Where a named type is declared: the default library, node_modules, or the user's files. */
export type Origin = 'lib' | 'external' | 'user';

/**
 * The state of the type walk for one program and one policy (see `walkerFor`): shared by every file and rule run of
 * that program, so each type's sensitive properties are computed once per program.
 */
export interface TypeWalker {
  readonly ts: typeof ts;
  readonly checker: ts.TypeChecker;
  readonly program: ts.Program;
  readonly policy: Policy;
  /** Per program and policy: matches per type and remaining depth, paths relative to the type. */
  readonly walks: WeakMap<ts.Type, Map<number, readonly SensitiveMatch[]>>;
  /** Types being walked, by depth: a recursive type that does not consume depth stops there. Empty between walks. */
  readonly inProgress: Map<ts.Type, Set<number>>;
  /** Category names by {@link categoryKey} (`healthdata` → `healthData`): what a tag's word may name. */
  readonly categories: ReadonlyMap<string, string>;
  /** Configured brands by their last name segment (`ns.Secret` → `Secret`). */
  readonly brands: ReadonlyMap<string, string>;
  /** Per program: where each named type comes from. */
  readonly origins: Map<ts.Symbol, Origin>;
}

export const MAX_PROPERTIES = 200;

const BRAND_PROPERTY = /^_*(?:brand|tag|type|kind)$/iu;

/** `health_data`, `Health Data` → `healthdata`: how a tag's category word is compared. */
export function categoryKey(name: string): string {
  return name.replace(/[-_\s]/gu, '').toLowerCase();
}

export function isUnresolved(walker: TypeWalker, type: ts.Type): boolean {
  const flags = walker.ts.TypeFlags;
  return (type.flags & (flags.Any | flags.Unknown | flags.Never | flags.Null | flags.Undefined | flags.Void)) !== 0;
}

export function isPrimitiveLike(walker: TypeWalker, type: ts.Type): boolean {
  const flags = walker.ts.TypeFlags;
  const primitive =
    flags.StringLike | flags.NumberLike | flags.BigIntLike | flags.BooleanLike | flags.EnumLike | flags.ESSymbolLike | flags.NonPrimitive;
  if ((type.flags & primitive) !== 0) return true;
  return type.isIntersection() && type.types.some((part) => isPrimitiveLike(walker, part));
}

/** Where a named type comes from: the default library, node_modules, or the user's files. */
export function originOf(walker: TypeWalker, symbol: ts.Symbol | undefined): Origin {
  if (!symbol) return 'user';
  const known = walker.origins.get(symbol);
  if (known) return known;
  const files = (symbol.declarations ?? []).map((declaration) => declaration.getSourceFile());
  let origin: Origin = 'user';
  if (files.length > 0 && files.every((file) => walker.program.isSourceFileDefaultLibrary(file))) origin = 'lib';
  else if (
    files.length > 0 &&
    files.every((file) => walker.program.isSourceFileFromExternalLibrary(file) || /[\\/]node_modules[\\/]/u.test(file.fileName))
  ) {
    origin = 'external';
  }
  walker.origins.set(symbol, origin);
  return origin;
}

export function isArrayLike(walker: TypeWalker, type: ts.Type): boolean {
  return walker.checker.isArrayType(type) || walker.checker.isTupleType(type);
}

/** `User`, `User[]`, `Secret<string>`, `Page<User>`; undefined for anonymous object types. */
export function displayName(walker: TypeWalker, type: ts.Type): string | undefined {
  const flags = walker.ts.SymbolFlags;
  if (type.aliasSymbol) return walker.checker.typeToString(type);
  if (isArrayLike(walker, type)) {
    const elements = walker.checker.getTypeArguments(type as ts.TypeReference);
    return elements.some((element) => displayName(walker, element) !== undefined) ? walker.checker.typeToString(type) : undefined;
  }
  const symbol = type.getSymbol();
  if (symbol && (symbol.flags & (flags.Class | flags.Interface)) !== 0) return walker.checker.typeToString(type);
  return undefined;
}

/** The interface, class or type alias that declares a property, for anonymous objects built from it (spreads). */
export function containerName(walker: TypeWalker, property: ts.Symbol): string | undefined {
  const typescript = walker.ts;
  const declaration = property.valueDeclaration ?? property.declarations?.[0];
  if (!declaration) return undefined;
  let parent: ts.Node | undefined = declaration.parent;
  if (typescript.isParameter(declaration) && typescript.isConstructorDeclaration(declaration.parent)) parent = declaration.parent.parent;
  if (!parent) return undefined;
  if ((typescript.isInterfaceDeclaration(parent) || typescript.isClassLike(parent)) && parent.name) return parent.name.text;
  if (typescript.isTypeLiteralNode(parent) && typescript.isTypeAliasDeclaration(parent.parent)) return parent.parent.name.text;
  return undefined;
}

/** The category of a `@sensitive` / `@pii` tag on a symbol's declarations, or undefined. */
export function tagCategory(walker: TypeWalker, symbol: ts.Symbol): string | undefined {
  const declarations = symbol.declarations ?? [];
  // Cheap test before asking for tags: only declarations with a JSDoc comment.
  if (!declarations.some((declaration) => hasJsDoc(walker, declaration))) return undefined;
  let tags: ts.JSDocTagInfo[];
  try {
    tags = symbol.getJsDocTags(walker.checker);
  } catch {
    return undefined;
  }
  for (const tag of tags) {
    const name = tag.name.toLowerCase();
    if (name !== 'sensitive' && name !== 'pii') continue;
    const text = (tag.text ?? []).map((part) => part.text).join('');
    const word = /[A-Za-z][\w-]*/u.exec(text)?.[0];
    return (word && walker.categories.get(categoryKey(word))) ?? TAGGED_CATEGORY;
  }
  return undefined;
}

function hasJsDoc(walker: TypeWalker, node: ts.Node): boolean {
  return walker.ts.getJSDocTags(node).length > 0;
}

/** A configured brand this type is or directly is built from, as a match with an empty path. */
export function brandOf(walker: TypeWalker, type: ts.Type): SensitiveMatch | undefined {
  if (walker.brands.size === 0) return undefined;
  const found = brandName(walker, type, walker.brands, 0);
  if (!found) return undefined;
  return {
    category: classifyName(found, walker.policy)?.category ?? TAGGED_CATEGORY,
    name: found,
    via: 'brand',
    typeName: displayName(walker, type) ?? walker.checker.typeToString(type),
  };
}

function brandName(walker: TypeWalker, type: ts.Type, wanted: ReadonlyMap<string, string>, level: number): string | undefined {
  const flags = walker.ts.SymbolFlags;
  if (type.aliasSymbol && wanted.has(type.aliasSymbol.name)) return type.aliasSymbol.name;
  const symbol = type.getSymbol();
  if (symbol && (symbol.flags & (flags.Class | flags.Interface)) !== 0 && wanted.has(symbol.name)) return symbol.name;
  if (level > 2 || !type.isIntersection()) return undefined;
  for (const part of type.types) {
    const name = brandName(walker, part, wanted, level + 1);
    if (name) return name;
    if (isPrimitiveLike(walker, part)) continue;
    for (const property of walker.checker.getPropertiesOfType(part)) {
      if (!BRAND_PROPERTY.test(property.getName())) continue;
      const value = typeOfSymbol(walker, property);
      if (value.isStringLiteral() && wanted.has(value.value)) return value.value;
    }
  }
  return undefined;
}

/** `checker.getTypeOfSymbol` is public from TypeScript 5.1; before, the location form does the same for properties. */
function typeOfSymbol(walker: TypeWalker, symbol: ts.Symbol): ts.Type {
  const checker = walker.checker as ts.TypeChecker & { getTypeOfSymbol?: (symbol: ts.Symbol) => ts.Type };
  if (checker.getTypeOfSymbol) return checker.getTypeOfSymbol(symbol);
  const declaration = symbol.valueDeclaration ?? symbol.declarations?.[0];
  return declaration ? checker.getTypeOfSymbolAtLocation(symbol, declaration) : checker.getAnyType();
}

/** The value a promise-like type resolves to, or undefined. */
export function awaitedOf(walker: TypeWalker, type: ts.Type): ts.Type | undefined {
  if (!walker.checker.getPropertyOfType(type, 'then')) return undefined;
  const awaited = walker.checker.getAwaitedType(type);
  return awaited && awaited !== type ? awaited : undefined;
}

/** Whether a property is state that is logged: not a method, accessor, function, `#private` or symbol key. */
function isDataProperty(walker: TypeWalker, property: ts.Symbol): ts.Type | undefined {
  const flags = walker.ts.SymbolFlags;
  if ((property.flags & (flags.Method | flags.Accessor | flags.Prototype)) !== 0) return undefined;
  const name = property.getName();
  if (name.startsWith('__@') || name.startsWith('__#') || name.startsWith('#')) return undefined;
  const type = typeOfSymbol(walker, property);
  const value = walker.checker.getNonNullableType(type);
  if (value.getCallSignatures().length > 0 || value.getConstructSignatures().length > 0) return undefined;
  return type;
}

/** The logged properties of an object type with their types, in declaration order (at most MAX_PROPERTIES). */
export function dataProperties(walker: TypeWalker, type: ts.Type): Array<readonly [ts.Symbol, ts.Type]> {
  const result: Array<readonly [ts.Symbol, ts.Type]> = [];
  const properties = walker.checker.getPropertiesOfType(type);
  for (const property of properties.slice(0, MAX_PROPERTIES)) {
    let propertyType: ts.Type | undefined;
    try {
      propertyType = isDataProperty(walker, property);
    } catch {
      propertyType = undefined;
    }
    if (propertyType) result.push([property, propertyType]);
  }
  return result;
}

/**
 * Which npm package a declaration comes from: what typed recognition asks before trusting a type name (a `Repository`
 * declared in `typeorm`, not the app's own `Repository`). Path-based, so it works for any package the program loaded;
 * a generated client (Prisma's) counts as its runtime's package when its file imports it.
 */
import type * as ts from 'typescript';

/** `@scope/name/sub` → `@scope/name`, `name/sub` → `name`; undefined for relative, absolute and `node:` specifiers. */
export function packageNameOf(specifier: string): string | undefined {
  if (specifier.startsWith('.') || specifier.startsWith('/') || specifier.startsWith('node:')) return undefined;
  const parts = specifier.split('/');
  if (specifier.startsWith('@')) return parts.length >= 2 ? `${parts[0]}/${parts[1]}` : undefined;
  return parts[0] || undefined;
}

/** The package a file lies in (its last `node_modules/<name>` segment; `@types/x` is `x`); undefined outside node_modules. */
export function packageOfFile(fileName: string): string | undefined {
  const normalized = fileName.replace(/\\/g, '/');
  const index = normalized.lastIndexOf('/node_modules/');
  if (index < 0) return undefined;
  const parts = normalized.slice(index + '/node_modules/'.length).split('/');
  // A scope (`@types/pg`) or a generated dot-folder (`.prisma/client`) takes two segments.
  const name = parts[0]?.startsWith('@') || parts[0]?.startsWith('.') ? parts.slice(0, 2).join('/') : parts[0];
  if (!name) return undefined;
  return name.startsWith('@types/') ? name.slice('@types/'.length).replace(/^(.+)__(.+)$/, '@$1/$2') : name;
}

/** Module specifiers a source file imports or re-exports. Cache: per ts.SourceFile (a WeakMap), so it dies with the program's file. */
const importsByFile = new WeakMap<ts.SourceFile, readonly string[]>();

export function importedModules(typescript: typeof ts, file: ts.SourceFile): readonly string[] {
  const cached = importsByFile.get(file);
  if (cached) return cached;
  const specifiers: string[] = [];
  for (const statement of file.statements) {
    if ((typescript.isImportDeclaration(statement) || typescript.isExportDeclaration(statement)) && statement.moduleSpecifier && typescript.isStringLiteral(statement.moduleSpecifier)) {
      specifiers.push(statement.moduleSpecifier.text);
    }
  }
  importsByFile.set(file, specifiers);
  return specifiers;
}

/** Whether a declaration lies in one of `packages`, or in a file importing one of `generatedFrom` (a generated client). */
export function isDeclaredIn(typescript: typeof ts, declaration: ts.Node, packages: readonly string[], generatedFrom: readonly string[] = []): boolean {
  const file = declaration.getSourceFile();
  const owner = packageOfFile(file.fileName);
  if (owner && packages.includes(owner)) return true;
  if (generatedFrom.length === 0) return false;
  return importedModules(typescript, file).some(specifier => generatedFrom.some(prefix => specifier === prefix || specifier.startsWith(`${prefix}/`)));
}

/** The class or interface a member declaration belongs to, and whether it is static. */
export function declaringTypeOf(typescript: typeof ts, declaration: ts.Node): { readonly name: string; readonly isStatic: boolean } | undefined {
  const parent = declaration.parent;
  if (!parent || !(typescript.isClassLike(parent) || typescript.isInterfaceDeclaration(parent)) || !parent.name) return undefined;
  const modifiers = typescript.canHaveModifiers(declaration) ? typescript.getModifiers(declaration) : undefined;
  const isStatic = modifiers?.some(modifier => modifier.kind === typescript.SyntaxKind.StaticKeyword) ?? false;
  return { name: parent.name.text, isStatic };
}

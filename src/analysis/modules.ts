/**
 * The module graph: following imports the way import-x's export map does. One concept per file under `modules/`:
 * - `views.ts`: module views (an ESTree Program with its file and, in typed mode, node maps) and the program's files
 *   converted to ESTree (`programModuleView`: typed mode never parses a file itself);
 * - `files.ts`: files on disk (untyped): read and parsed at most once per version, an export scan before any parse,
 *   bounded caches keyed by path + mtime + size;
 * - `resolve.ts`: specifier → source file (relative paths, tsconfig `paths` / `baseUrl`; packages never followed);
 * - `bindings.ts`: the lexical binding lookup used on modules that have no scope manager;
 * - `exports.ts`: what a module exports under a name, from a `ModuleSource` (disk or program).
 *
 * Nothing here throws: unreadable files, bad JSON, parse errors all come back as `undefined`.
 */
export { type FunctionNode, isFunctionNode } from './ast/functions.js';
export { type Binding, lookupBinding, topLevelBinding } from './modules/bindings.js';
export {
  diskModules,
  type DeclaredExport,
  type ExportTarget,
  findExport,
  findExportOrDeclaration,
  type ModuleLoader,
  moduleSource,
  type ModuleSource,
  programModules,
} from './modules/exports.js';
export { clearFileCaches, fileMayExport, fileStamp, loadModuleView, MAX_PARSED, MAX_RECORDS, moduleStats, parseModule } from './modules/files.js';
export { resolveImport, stripJsonComments } from './modules/resolve.js';
export { isAppSourceFile, type ModuleView, programModuleView, programViewStats, registerView, rootOf, type ViewServices, viewOf } from './modules/views.js';

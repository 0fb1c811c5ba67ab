/**
 * Module views: an ESTree Program with its file name and, for a view made from a TypeScript program, the ESTree ↔ TS
 * node maps. `viewOf(node)` finds the view of any node of a registered Program (the linted file, a file parsed from
 * disk, a file of the program converted to ESTree).
 */
import path from 'node:path';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import type { NodeMaps } from '../types/services.js';
import { loadEstree, setParents } from './estree.js';

/** ESTree ↔ TS node maps of a view made from a TypeScript program (the linted file's parser services, or a conversion). */
export type ViewServices = NodeMaps;

/** One parsed module: its file, its ESTree, and where it came from. */
export interface ModuleView {
  readonly file: string;
  readonly ast: TSESTree.Program;
  /** Present when the view was made from a TypeScript program (typed mode). */
  readonly services?: ViewServices;
  /** `mtime:size` of the file the view was parsed from; undefined for in-memory views (the linted text, a program's text). */
  readonly stamp?: string;
}

/** Scope: per Program node (WeakMap), so a view lives as long as its AST. */
const views = new WeakMap<TSESTree.Program, ModuleView>();

/** Makes `viewOf` find this view for every node of `view.ast`. */
export function registerView(view: ModuleView): ModuleView {
  views.set(view.ast, view);
  return view;
}

/** The root Program of a node (following `parent`). */
export function rootOf(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent) current = current.parent;
  return current;
}

/** The registered view a node belongs to. */
export function viewOf(node: TSESTree.Node): ModuleView | undefined {
  const root = rootOf(node);
  return root.type === AST_NODE_TYPES.Program ? views.get(root) : undefined;
}

/** Counts conversions of a program's SourceFiles to ESTree (not parses: the program already parsed them), for tests. */
export const programViewStats = { converted: 0 };

/** Scope: per SourceFile (WeakMap), so per program version: an edited file is a new SourceFile. */
const programViews = new WeakMap<ts.SourceFile, ModuleView | null>();

/**
 * The view of a file of a TypeScript program: its SourceFile converted to ESTree with node maps (no re-parse, so
 * positions and nodes agree with the checker).
 */
export function programModuleView(program: ts.Program, sourceFile: ts.SourceFile): ModuleView | undefined {
  const cached = programViews.get(sourceFile);
  if (cached !== undefined) return cached ?? undefined;
  const parser = loadEstree();
  let view: ModuleView | undefined;
  if (parser) {
    try {
      const result = parser.parseAndGenerateServices(sourceFile.text, {
        programs: [program],
        filePath: sourceFile.fileName,
        range: true,
        loc: false,
        comment: false,
        tokens: false,
        preserveNodeMaps: true,
        suppressDeprecatedPropertyWarnings: true,
      });
      const ast = result.ast;
      setParents(ast, parser);
      const services = result.services as Partial<ViewServices>;
      if (services.program && services.esTreeNodeToTSNodeMap && services.tsNodeToESTreeNodeMap) {
        programViewStats.converted++;
        view = registerView({ file: path.resolve(sourceFile.fileName), ast, services: services as ViewServices });
      }
    } catch {
      view = undefined;
    }
  }
  programViews.set(sourceFile, view ?? null);
  return view;
}

const NODE_MODULES = /[\\/]node_modules[\\/]/u;

/** Whether a SourceFile is app code a view may be made of: not a declaration file, not a package, not the default lib. */
export function isAppSourceFile(program: ts.Program, sourceFile: ts.SourceFile): boolean {
  return !(
    sourceFile.isDeclarationFile ||
    program.isSourceFileFromExternalLibrary(sourceFile) ||
    program.isSourceFileDefaultLibrary(sourceFile) ||
    NODE_MODULES.test(sourceFile.fileName)
  );
}

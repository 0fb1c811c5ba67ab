/**
 * The one gateway to type information. Every analysis that wants the checker asks `getTypeServices(context)` (or,
 * for a file other than the linted one, `typeServicesOf(parserServices)`); nothing else calls `getParserServices`
 * (an internal lint rule enforces it). Without a program — untyped mode, espree, a file in no tsconfig — it returns
 * undefined and the caller takes the syntactic path. Its helpers never throw: a checker failure on odd or
 * half-typed code is "no type", never a crash.
 *
 * Scope: one object per parser-services object (that is, per linted file and per converted file of a program),
 * held in a WeakMap, so it dies with the file.
 */
import { ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { loadTypeScript } from '../../util/typescript.js';

/** The ESTree ↔ TS node maps and the program: what a linted file's parser services carry, or a converted file's. */
export interface NodeMaps {
  readonly program: ts.Program;
  readonly esTreeNodeToTSNodeMap: { get(node: TSESTree.Node): ts.Node | undefined };
  readonly tsNodeToESTreeNodeMap: { get(node: ts.Node): TSESTree.Node | undefined };
}

export interface TypeServices {
  /** The TypeScript module (an optional peer, loaded on first typed use): read enums and flags from here, never hard-code them. */
  readonly ts: typeof ts;
  readonly program: ts.Program;
  readonly checker: ts.TypeChecker;
  readonly maps: NodeMaps;
  /** The TS node of an ESTree node of this file; undefined when it has none. */
  tsNode(node: TSESTree.Node): ts.Node | undefined;
  /** The ESTree node of a TS node of this file. */
  esNode(node: ts.Node): TSESTree.Node | undefined;
  /** The type of an expression or pattern; undefined when the checker cannot say. */
  typeOf(node: TSESTree.Node): ts.Type | undefined;
  /** The symbol a name or member refers to, through import aliases; undefined when unresolved or without declarations. */
  symbolOf(node: TSESTree.Node): ts.Symbol | undefined;
  /** Whether a type is `any`, `unknown` or an error type: nothing can be confirmed from it. */
  isLoose(type: ts.Type): boolean;
}

interface ContextLike {
  readonly sourceCode: { readonly parserServices?: Partial<NodeMaps> | object | null };
}

const byServices = new WeakMap<object, TypeServices | null>();

function build(maps: NodeMaps): TypeServices | undefined {
  const typescript = loadTypeScript();
  if (!typescript) return undefined;
  const checker = maps.program.getTypeChecker();
  const looseFlags = typescript.TypeFlags.Any | typescript.TypeFlags.Unknown;
  const tsNode = (node: TSESTree.Node): ts.Node | undefined => {
    try {
      return maps.esTreeNodeToTSNodeMap.get(node);
    } catch {
      return undefined;
    }
  };
  return {
    ts: typescript,
    program: maps.program,
    checker,
    maps,
    tsNode,
    esNode(node) {
      try {
        return maps.tsNodeToESTreeNodeMap.get(node);
      } catch {
        return undefined;
      }
    },
    typeOf(node) {
      const target = tsNode(node);
      if (!target) return undefined;
      try {
        return checker.getTypeAtLocation(target);
      } catch {
        return undefined;
      }
    },
    symbolOf(node) {
      const target = tsNode(node);
      if (!target) return undefined;
      try {
        let symbol = checker.getSymbolAtLocation(target);
        if (symbol && (symbol.flags & typescript.SymbolFlags.Alias) !== 0) symbol = checker.getAliasedSymbol(symbol);
        return symbol?.declarations?.length ? symbol : undefined;
      } catch {
        return undefined;
      }
    },
    isLoose(type) {
      return (type.flags & looseFlags) !== 0 || (type as { intrinsicName?: string }).intrinsicName === 'error';
    },
  };
}

/** Type services over node maps of any file of a program (a linted file's parser services, or a converted view's). */
export function typeServicesOf(maps: Partial<NodeMaps> | object | null | undefined): TypeServices | undefined {
  if (!maps || !(maps as Partial<NodeMaps>).program) return undefined;
  const cached = byServices.get(maps);
  if (cached !== undefined) return cached ?? undefined;
  let services: TypeServices | null = null;
  try {
    services = build(maps as NodeMaps) ?? null;
  } catch {
    services = null;
  }
  byServices.set(maps, services);
  return services ?? undefined;
}

/**
 * The type services of the linted file, or undefined in untyped mode. `getParserServices` throws for parsers without
 * type information (espree, a file outside every project): look for a program first.
 */
export function getTypeServices(context: ContextLike): TypeServices | undefined {
  const parserServices = context.sourceCode.parserServices as Partial<NodeMaps> | null | undefined;
  if (!parserServices?.program) return undefined;
  const cached = byServices.get(parserServices);
  if (cached !== undefined) return cached ?? undefined;
  try {
    const services = ESLintUtils.getParserServices(context as Parameters<typeof ESLintUtils.getParserServices>[0], true);
    if (!services.program) {
      byServices.set(parserServices, null);
      return undefined;
    }
    return typeServicesOf(services);
  } catch {
    byServices.set(parserServices, null);
    return undefined;
  }
}

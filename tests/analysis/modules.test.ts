/**
 * Untyped import following (src/analysis/modules.ts): resolution, the parse cache, exports, bindings.
 * Fixtures: tests/fixtures/reach/modules (a tsconfig that extends one with `baseUrl` + `paths`) and tests/fixtures/reach
 * (a tsconfig with `paths` only); files that must change or break are written to a temporary directory.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { afterAll, describe, expect, it } from 'vitest';
import { findExport, loadModuleView, lookupBinding, moduleStats, parseModule, resolveImport, stripJsonComments, viewOf } from '../../src/analysis/modules.js';
import { fixturesDir } from '../rule-tester.js';

const root = path.join(fixturesDir, 'reach/modules');
const entry = path.join(root, 'src/entry.ts');
const at = (relative: string): string => path.join(root, relative);

describe('resolveImport', () => {
  it.each([
    ['./sibling', 'src/sibling.ts'],
    ['./sibling.js', 'src/sibling.ts'],
    ['./sibling.ts', 'src/sibling.ts'],
    ['./esm.mjs', 'src/esm.mts'],
    ['./esm', 'src/esm.mts'],
    ['./common.cjs', 'src/common.cts'],
    ['./legacy.js', 'src/legacy.js'],
    ['./legacy', 'src/legacy.js'],
    ['./view', 'src/view.tsx'],
    ['./view.js', 'src/view.tsx'],
    ['./view.jsx', 'src/view.tsx'],
    ['./dir', 'src/dir/index.ts'],
    ['./dir/index.js', 'src/dir/index.ts'],
    ['../lib/helpers', 'lib/helpers.ts'],
    ['#lib/helpers', 'lib/helpers.ts'],
    ['#lib/helpers.js', 'lib/helpers.ts'],
    ['exact-alias', 'lib/exact.ts'],
    ['lib/exact', 'lib/exact.ts'],
  ])('%s → %s', (specifier, expected) => {
    expect(resolveImport(entry, specifier)).toBe(at(expected));
  });

  it.each([
    ['./missing'],
    ['../lib/types'],
    ['#lib/missing'],
    ['express'],
    ['@nestjs/common'],
    ['node:fs'],
    ['fs'],
    [''],
  ])('%s → undefined (missing, declaration file, package, builtin)', (specifier) => {
    expect(resolveImport(entry, specifier)).toBeUndefined();
  });

  it('reads the nearest tsconfig.json: paths without baseUrl, relative to that config', () => {
    const probe = path.join(fixturesDir, 'reach/src/probe.ts');
    expect(resolveImport(probe, '@app/services/chain-c')).toBe(path.join(fixturesDir, 'reach/src/services/chain-c.ts'));
    expect(resolveImport(probe, '@app/audit')).toBe(path.join(fixturesDir, 'reach/src/audit/index.ts'));
    // No baseUrl there: a bare specifier is a package.
    expect(resolveImport(probe, 'services/chain-c')).toBeUndefined();
  });

  it('strips JSONC comments and trailing commas, not inside strings', () => {
    const text = '{ // c\n "a": "x // y", /* z */ "b": [1, 2,], "c": "/* q */", }';
    expect(JSON.parse(stripJsonComments(text))).toEqual({ a: 'x // y', b: [1, 2], c: '/* q */' });
  });
});

describe('parseModule', () => {
  const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'compliance-modules-'));
  afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));

  it('parses with ranges and parents, without locations (nothing reports on another file); JSX by extension', () => {
    const ast = parseModule(at('src/view.tsx'));
    expect(ast?.type).toBe(AST_NODE_TYPES.Program);
    const statement = ast?.body[0];
    expect(statement?.range).toEqual([0, 34]);
    expect(statement?.loc).toBeUndefined();
    expect(statement?.parent).toBe(ast);
    expect(viewOf(statement as TSESTree.Node)?.file).toBe(at('src/view.tsx'));
  });

  it('caches by path + mtime + size: the same Program until the file changes', () => {
    const file = path.join(temporary, 'cached.ts');
    fs.writeFileSync(file, 'export const a = 1;\n');
    const before = moduleStats.parsed;
    const first = parseModule(file);
    expect(parseModule(file)).toBe(first);
    expect(moduleStats.parsed).toBe(before + 1);

    fs.writeFileSync(file, 'export const b = 22;\n');
    const later = new Date(Date.now() + 5_000);
    fs.utimesSync(file, later, later);
    const second = parseModule(file);
    expect(second).not.toBe(first);
    expect(moduleStats.parsed).toBe(before + 2);
    const declaration = second?.body[0];
    expect(declaration?.type === AST_NODE_TYPES.ExportNamedDeclaration && declaration.declaration?.type).toBe(AST_NODE_TYPES.VariableDeclaration);
    expect(loadModuleView(file)?.stamp).toMatch(/^\d+(\.\d+)?:\d+$/u);
  });

  it('never throws: broken, missing and non-file paths are undefined', () => {
    const broken = path.join(temporary, 'broken.ts');
    fs.writeFileSync(broken, 'export function broken( {\n');
    expect(parseModule(broken)).toBeUndefined();
    expect(parseModule(broken)).toBeUndefined();
    expect(parseModule(path.join(temporary, 'missing.ts'))).toBeUndefined();
    expect(parseModule(temporary)).toBeUndefined();
    expect(findExport(broken, 'broken')).toBeUndefined();
  });

  it('a broken file that is fixed parses again', () => {
    const file = path.join(temporary, 'fixed.ts');
    fs.writeFileSync(file, 'export const = ;\n');
    expect(parseModule(file)).toBeUndefined();
    fs.writeFileSync(file, 'export const fixed = 1;\n');
    const later = new Date(Date.now() + 10_000);
    fs.utimesSync(file, later, later);
    expect(parseModule(file)?.body).toHaveLength(1);
  });
});

describe('findExport', () => {
  const decl = at('exports/decl.ts');

  function describeTarget(file: string, name: string): string | undefined {
    const target = findExport(file, name);
    if (!target) return undefined;
    const { node } = target;
    const id =
      'id' in node && node.id && node.id.type === AST_NODE_TYPES.Identifier
        ? node.id.name
        : node.type === AST_NODE_TYPES.Program
          ? '(module)'
          : '(anonymous)';
    return `${path.relative(root, target.file)} ${node.type} ${id}`;
  }

  it.each([
    [decl, 'fn', 'exports/decl.ts FunctionDeclaration fn'],
    [decl, 'arrow', 'exports/decl.ts VariableDeclarator arrow'],
    [decl, 'Klass', 'exports/decl.ts ClassDeclaration Klass'],
    [decl, 'default', 'exports/decl.ts FunctionDeclaration (anonymous)'],
    [decl, 'renamed', 'exports/decl.ts VariableDeclarator local'],
    [at('exports/reexport.ts'), 'reFn', 'exports/decl.ts FunctionDeclaration fn'],
    [at('exports/reexport.ts'), 'starred', 'exports/star.ts FunctionDeclaration starred'],
    [at('exports/reexport.ts'), 'ns', 'exports/decl.ts Program (module)'],
    [at('exports/reexport.ts'), 'ReKlass', 'exports/decl.ts ClassDeclaration Klass'],
    [at('exports/cycle-a.ts'), 'a', 'exports/cycle-a.ts VariableDeclarator a'],
    [at('exports/cycle-a.ts'), 'b', 'exports/cycle-b.ts VariableDeclarator b'],
    [at('exports/cjs.cjs'), 'hello', 'exports/cjs.cjs FunctionExpression (anonymous)'],
    [at('exports/cjs.cjs'), 'world', 'exports/cjs.cjs FunctionDeclaration world'],
    [at('exports/cjs.cjs'), 'extra', 'exports/cjs.cjs FunctionExpression extra'],
    [at('exports/cjs.cjs'), 'default', 'exports/cjs.cjs ObjectExpression (anonymous)'],
  ])('%s #%s', (file, name, expected) => {
    expect(describeTarget(file, name)).toBe(expected);
  });

  it('the overload implementation, not a signature', () => {
    const target = findExport(at('exports/overload.ts'), 'over');
    expect(target?.node.type).toBe(AST_NODE_TYPES.FunctionDeclaration);
    expect(target?.node.type === AST_NODE_TYPES.FunctionDeclaration && target.node.body.body).toHaveLength(1);
  });

  it.each([
    [at('exports/reexport.ts'), 'default'],
    [at('exports/cycle-a.ts'), 'missing'],
    [decl, 'local'],
    [at('exports/missing.ts'), 'fn'],
  ])('%s #%s → undefined (no default through export *, cycles end, unexported, missing file)', (file, name) => {
    expect(findExport(file, name)).toBeUndefined();
  });

  it('accepts a loader (typed mode passes the program’s views)', () => {
    const loaded: string[] = [];
    const target = findExport(at('exports/reexport.ts'), 'reFn', (file) => {
      loaded.push(path.relative(root, file));
      return parseModule(file);
    });
    expect(target?.node.type).toBe(AST_NODE_TYPES.FunctionDeclaration);
    expect(loaded).toEqual(['exports/reexport.ts', 'exports/decl.ts']);
  });
});

describe('lookupBinding', () => {
  const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'compliance-bindings-'));
  afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));

  it('walks blocks, parameters, loops and imports; inner declarations shadow outer ones', () => {
    const file = path.join(temporary, 'bindings.ts');
    fs.writeFileSync(
      file,
      [
        "import { helper } from './helper';",
        'function outer(param: string) {',
        '  const shadow = 1;',
        '  { const inner = () => 1; use(inner, param, helper, shadow, outer); }',
        '  for (const item of []) use(item);',
        '}',
        'class Named {}',
        'function use(...values: unknown[]) { return values; }',
      ].join('\n'),
    );
    const ast = parseModule(file);
    const calls: TSESTree.CallExpression[] = [];
    const visit = (node: TSESTree.Node): void => {
      if (node.type === AST_NODE_TYPES.CallExpression) calls.push(node);
      for (const [key, value] of Object.entries(node)) {
        if (key === 'parent') continue;
        for (const child of Array.isArray(value) ? value : [value]) {
          if (child && typeof child === 'object' && typeof (child as { type?: unknown }).type === 'string') visit(child as TSESTree.Node);
        }
      }
    };
    if (ast) visit(ast);
    const kinds = calls.flatMap((call) =>
      call.arguments.map((argument) => (argument.type === AST_NODE_TYPES.Identifier ? `${argument.name}:${lookupBinding(argument)?.kind}` : '')),
    );
    expect(kinds).toEqual(['inner:variable', 'param:parameter', 'helper:import', 'shadow:variable', 'outer:function', 'item:variable']);
    const named = ast?.body.find((statement) => statement.type === AST_NODE_TYPES.ClassDeclaration);
    expect(named?.type).toBe(AST_NODE_TYPES.ClassDeclaration);
  });
});

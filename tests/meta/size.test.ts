/**
 * The house limits of issue 8: no analysis or fix file over ~400 lines, no function over ~150, anywhere in src/ and
 * rules/. Measured on the code (ESTree line spans), so a long function hidden in a short file is caught too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AST_NODE_TYPES, parse, simpleTraverse } from '@typescript-eslint/typescript-estree';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const MAX_FILE_LINES = 400;
const MAX_FUNCTION_LINES = 150;
/** Every source file is held to the file limit; rules/ (one rule each) only to the function limit. */
const SIZED = ['src'];

function files(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true, recursive: true })
    .filter(entry => entry.isFile() && /\.tsx?$/u.test(entry.name))
    .map(entry => path.relative(root, path.join(entry.parentPath, entry.name)));
}

function longFunctions(file: string): string[] {
  const ast = parse(readFileSync(path.join(root, file), 'utf8'), { loc: true, range: true });
  const found: string[] = [];
  simpleTraverse(ast, {
    enter(node) {
      if (node.type !== AST_NODE_TYPES.FunctionDeclaration && node.type !== AST_NODE_TYPES.FunctionExpression && node.type !== AST_NODE_TYPES.ArrowFunctionExpression) return;
      const lines = node.loc.end.line - node.loc.start.line + 1;
      if (lines > MAX_FUNCTION_LINES) found.push(`${file}:${node.loc.start.line} (${lines} lines)`);
    },
  });
  return found;
}

describe('code size', () => {
  it(`keeps source files under ${MAX_FILE_LINES} lines`, () => {
    const long = SIZED.flatMap(files)
      .map(file => ({ file, lines: readFileSync(path.join(root, file), 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > MAX_FILE_LINES)
      .map(({ file, lines }) => `${file} (${lines} lines)`);
    expect(long).toEqual([]);
  });

  it(`keeps every function under ${MAX_FUNCTION_LINES} lines`, () => {
    expect(['src', 'rules'].flatMap(files).flatMap(longFunctions)).toEqual([]);
  });
});

/**
 * Browser-only modules write no server log: a file whose directive prologue has `'use client'` (React Server
 * Components' client boundary: Next.js, Remix …), or whose path (relative to the working directory) matches a glob of
 * `settings.compliance.logging.clientFiles`. `no-sensitive-data-in-logs` skips them. A `'use client'` string that is
 * not in the prologue (after an import, inside a function) is not the directive.
 */
import path from 'node:path';
import { AST_NODE_TYPES, type TSESLint, type TSESTree } from '@typescript-eslint/utils';
import type { Policy } from '../../policy.js';
import { compileGlob } from '../../settings/globs.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** Per process: the compiled `clientFiles` globs of each (frozen) policy. */
const compiled = new WeakMap<Policy, readonly RegExp[]>();

function clientGlobs(policy: Policy): readonly RegExp[] {
  let globs = compiled.get(policy);
  if (!globs) {
    globs = policy.logging.clientFiles.flatMap((glob) => compileGlob(glob) ?? []);
    compiled.set(policy, globs);
  }
  return globs;
}

/** Whether the program's directive prologue has `'use client'`. */
export function hasUseClientDirective(program: TSESTree.Program): boolean {
  for (const statement of program.body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || typeof statement.directive !== 'string') return false;
    if (statement.directive === 'use client') return true;
  }
  return false;
}

/** Whether the linted file is browser-only (see the module comment). */
export function isClientModule(context: Context, policy: Policy): boolean {
  if (hasUseClientDirective(context.sourceCode.ast)) return true;
  const globs = clientGlobs(policy);
  if (globs.length === 0) return false;
  const file = context.physicalFilename || context.filename;
  const relative = path.relative(context.cwd, file).split(path.sep).join('/');
  if (relative.startsWith('../') || path.isAbsolute(relative)) return false;
  return globs.some((glob) => glob.test(relative));
}

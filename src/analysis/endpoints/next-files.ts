/**
 * Next.js file conventions: the route of an App Router `route.ts` or a Pages Router `pages/api` file, and the
 * directive prologue (`'use server'`, `'use client'`) of a file or a function body.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';

/** The directives of a directive prologue (`'use server'`, `'use client'`, `'use strict'`). */
export function directivesOf(body: readonly TSESTree.Node[]): string[] {
  const directives: string[] = [];
  for (const statement of body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.directive === undefined) break;
    directives.push(statement.directive);
  }
  return directives;
}

function pathSegments(filename: string): string[] {
  return filename.replaceAll('\\', '/').split('/');
}

const ROUTE_FILE = /^route\.(?:[cm]?[jt]s|[jt]sx)$/u;
const SCRIPT_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/u;

/**
 * The route of a Next.js App Router route handler file (`…/app/api/users/[id]/route.ts` → `/api/users/[id]`): route
 * groups `(admin)` and parallel-route slots `@modal` are dropped. Undefined when the file is not `route.*` under `app/`.
 */
export function appRouterRoute(filename: string): string | undefined {
  const segments = pathSegments(filename);
  if (!ROUTE_FILE.test(segments[segments.length - 1] ?? '')) return undefined;
  const directories = segments.slice(0, -1);
  // `src/app` wins over a route segment that happens to be called `app`; otherwise the last `app` directory.
  let appIndex = -1;
  for (let index = directories.length - 1; index > 0; index--) {
    if (directories[index] === 'app' && directories[index - 1] === 'src') {
      appIndex = index;
      break;
    }
  }
  if (appIndex < 0) appIndex = directories.lastIndexOf('app');
  if (appIndex < 0) return undefined;
  const parts = directories.slice(appIndex + 1).filter((part) => part.length > 0 && !/^\([^.].*\)$/u.test(part) && !part.startsWith('@'));
  return `/${parts.join('/')}`;
}

/** The route of a Next.js `pages/api` file (`…/pages/api/users/[id].ts` → `/api/users/[id]`, `index` dropped). */
export function pagesApiRoute(filename: string): string | undefined {
  const segments = pathSegments(filename);
  const file = segments[segments.length - 1] ?? '';
  if (!SCRIPT_FILE.test(file) || /\.d\.[cm]?ts$/u.test(file)) return undefined;
  let pagesIndex = -1;
  for (let index = segments.length - 2; index >= 0; index--) {
    if (segments[index] === 'pages' && segments[index + 1] === 'api') {
      pagesIndex = index;
      break;
    }
  }
  if (pagesIndex < 0 || pagesIndex + 2 >= segments.length) return undefined;
  const parts = [...segments.slice(pagesIndex + 1, -1), file.replace(SCRIPT_FILE, '')];
  if (parts[parts.length - 1] === 'index') parts.pop();
  return `/${parts.join('/')}`;
}

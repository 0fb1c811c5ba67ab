/**
 * Next.js: App Router route handlers (`app/**\/route.ts` exporting `GET`, `POST`, …), Pages Router API routes (the
 * default export of `pages/api/**`), server actions (`'use server'`). No standard user: only what a wrapper's typed
 * context shows (`({ user })`, `({ session })`); the client on the `x-forwarded-for` header (App Router) or
 * `req.socket.remoteAddress` (Pages Router).
 */
import type { FrameworkRecord } from './types.js';

export const next = {
  framework: 'next',
  kind: 'app',
  packages: ['next', 'next/'],
  // The App Router's `Request`: `await request.json()`, `request.headers`; `headers()` of `next/headers`.
  responseMethods: ['json', 'redirect', 'rewrite', 'next'],
  requestData: [
    { names: ['request', 'req'], bodyReaders: [['json'], ['formData'], ['text']], headers: [['headers']] },
  ],
  requestDataEntries: { headerFunctions: [{ module: 'next/headers', name: 'headers' }] },
  requestContext: [
    // next-auth's `session` (`getServerSession()`, a wrapper's `({ session })`).
    { names: ['session'], actor: { path: ['user', 'id'], text: (session: string) => `${session}.user.id` } },
  ],
  /** Exports of a route file that are handlers, and the HTTP methods a string may name. */
  httpVerbs: new Set(['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE']),
  /** The file directive of server actions, and of files that have no endpoints. */
  serverDirective: 'use server',
  clientDirective: 'use client',
  /** The header an App Router handler reads the client address from; the Pages Router's socket path. */
  forwardedHeader: "'x-forwarded-for'",
  pagesSourcePath: ['socket', 'remoteAddress'],
} as const satisfies FrameworkRecord & Record<string, unknown>;

/**
 * Sentry (`@sentry/node`, `@sentry/nextjs`, `@sentry/nestjs` … one API, declared in `@sentry/core`): what it ships to
 * Sentry's servers. The module functions (`Sentry.captureException(err, hint)`, `captureMessage`, `setUser(user)`,
 * `setExtra(key, value)`, `setContext(name, ctx)`, `setTag(s)`, `addBreadcrumb({ message, data })`, span attributes),
 * the same methods of a scope (`withScope(scope => …)`, `getCurrentScope()`, `new Scope()`) and of a span
 * (`startSpan(options, span => …)`), and `Sentry.logger.info(message, attributes)`.
 */
import type { LoggerRecord } from '../record.js';

/** The SDKs that re-export the core API (server, edge and framework SDKs; the same names in each). */
const SENTRY_PACKAGES = [
  '@sentry/node', '@sentry/nextjs', '@sentry/nestjs', '@sentry/core', '@sentry/bun', '@sentry/deno', '@sentry/aws-serverless',
  '@sentry/google-cloud-serverless', '@sentry/cloudflare', '@sentry/vercel-edge', '@sentry/remix', '@sentry/react-router',
  '@sentry/sveltekit', '@sentry/astro', '@sentry/nuxt', '@sentry/solidstart', '@sentry/tanstackstart-react', '@sentry/browser',
  '@sentry/react', '@sentry/vue', '@sentry/angular', '@sentry/svelte',
] as const;

/** Module functions that return a scope or a span. */
const SENTRY_CREATIONS = ['getCurrentScope', 'getIsolationScope', 'getGlobalScope', 'getActiveSpan', 'startInactiveSpan'] as const;

const keys = (paths: readonly string[]): string[] => SENTRY_PACKAGES.flatMap((pkg) => paths.map((path) => `${pkg}#${path}`));

export const sentryRecord = {
  kind: 'sentry',
  packages: SENTRY_PACKAGES,
  // `Sentry.captureException(…)`, and `Sentry.logger.info(…)` (Sentry's logs).
  moduleLoggers: keys(['', 'logger']),
  creations: Object.fromEntries(keys(SENTRY_CREATIONS).map((key) => [key, 'logger' as const])),
  constructions: keys(['Scope']),
  types: { '@sentry/core': ['Scope', 'Span'] },
  methods: [
    'captureException', 'captureMessage', 'captureEvent', 'setUser', 'setExtra', 'setExtras', 'setContext', 'setTag', 'setTags',
    'addBreadcrumb', 'setAttribute', 'setAttributes',
    // `Sentry.logger`
    'trace', 'debug', 'info', 'warn', 'error', 'fatal',
  ],
  nonLogMethods: ['init', 'flush', 'close', 'setupExpressErrorHandler', 'lastEventId', 'getClient', 'setLevel', 'clear', 'end', 'setStatus', 'updateName'],
  childMethods: ['clone', 'fork'],
  // `withScope(scope => …)`, `startSpan(options, span => …)`, `captureException(err, scope => …)`.
  callbackMethods: ['withScope', 'withIsolationScope', 'configureScope', 'startSpan', 'startSpanManual', 'captureException', 'captureMessage'],
  annotatedParameters: true,
} as const satisfies LoggerRecord;

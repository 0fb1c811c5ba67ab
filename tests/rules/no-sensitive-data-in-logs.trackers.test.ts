/**
 * no-sensitive-data-in-logs: error trackers and tracing SDKs ship what they capture to a third party, so their writing
 * calls are sinks (issue 9): Sentry, Datadog (dd-trace), New Relic, Bugsnag, Rollbar, OpenTelemetry. Each tracker is
 * known by its import (and, typed, by its types); a look-alike of the same name (a local `captureException`, a
 * `setAttribute` of another object) is not a sink. Capturing an error is fine, unless it is an HTTP client error that
 * carries its request. Every positive has a look-alike negative; both modes unless marked.
 */
import { ORIGINS } from '../../src/analysis/flow/origins.js';
import { type FindingCase, runFindingCases } from './no-sensitive-data-in-logs.cases.js';


const GDPR = { regulations: { gdpr: true } };


const secret = (what: string, sink: string): string => `${what} (credentials) is written to a log by ${sink}`;
const contact = (what: string, sink: string): string => `${what} (contact data) is written to a log by ${sink}`;
const httpError = (what: string, sink: string): string => `${what} (${ORIGINS.httpError.detail}) is written to a log by ${sink}`;


const USER = 'interface User { id: string; email: string; name: string }\n';

// ---------------------------------------------------------------------------------------------------------------------
// Sentry
// ---------------------------------------------------------------------------------------------------------------------

const SENTRY = "import * as Sentry from '@sentry/node';\n";

const sentryCases: FindingCase[] = [
  {
    name: 'setUser with the e-mail',
    code: `${SENTRY}${USER}export function f(user: User) { Sentry.setUser({ id: user.id, email: user.email }); }`,
    expected: [contact('user.email', 'Sentry.setUser')],
  },
  { name: 'setUser with the id only', code: `${SENTRY}${USER}export function f(user: User) { Sentry.setUser({ id: user.id }); }`, expected: [] },
  {
    name: 'captureException with a hint carrying a password',
    code: `${SENTRY}export function f(err: Error, input: { password: string }) { Sentry.captureException(err, { extra: { password: input.password } }); }`,
    expected: [secret('input.password', 'Sentry.captureException')],
  },
  { name: 'captureException of an error', code: `${SENTRY}export function f(err: Error) { Sentry.captureException(err); Sentry.captureException(err, { tags: { area: 'login' } }); }`, expected: [] },
  {
    name: 'captureException of an axios error',
    code: `${SENTRY}import axios from 'axios';\nexport async function f() {\n  try {\n    await axios.get('https://api.example.com');\n  } catch (err) {\n    Sentry.captureException(err);\n  }\n}`,
    expected: [httpError('err', 'Sentry.captureException')],
  },
  {
    name: 'named imports: captureMessage, setExtra, setContext, setTag, addBreadcrumb',
    code: `import { addBreadcrumb, captureMessage, setContext, setExtra, setTag } from '@sentry/nextjs';\n${USER}export function f(user: User, session: { token: string }) {
  captureMessage(\`login of \${user.email}\`);
  setExtra('token', session.token);
  setContext('auth', { token: session.token });
  setTag('email', user.email);
  addBreadcrumb({ message: 'login', data: { token: session.token } });
}`,
    expected: [
      contact('user.email', 'captureMessage'),
      secret('session.token', 'setExtra'),
      secret('session.token', 'setContext'),
      contact('user.email', 'setTag'),
      secret('session.token', 'addBreadcrumb'),
    ],
  },
  {
    name: 'named imports with harmless values',
    code: `import { addBreadcrumb, captureMessage, setExtra, setTag } from '@sentry/nestjs';\n${USER}export function f(user: User) {
  captureMessage('login failed', 'warning');
  setExtra('userId', user.id);
  setTag('area', 'auth');
  addBreadcrumb({ category: 'auth', message: 'login' });
}`,
    expected: [],
  },
  {
    name: 'a scope handed to withScope, the current scope, a new scope',
    code: `${SENTRY}${USER}export function f(user: User, session: { token: string }) {
  Sentry.withScope((scope) => { scope.setUser({ email: user.email }); Sentry.captureMessage('x'); });
  Sentry.getCurrentScope().setExtra('token', session.token);
  const scope = new Sentry.Scope();
  scope.setContext('session', { token: session.token });
}`,
    expected: [contact('user.email', 'scope.setUser'), secret('session.token', 'Sentry.getCurrentScope().setExtra'), secret('session.token', 'scope.setContext')],
  },
  {
    name: 'a scope handed to the captureException callback, a span handed to startSpan, Sentry.logger',
    code: `${SENTRY}${USER}export function f(err: Error, user: User) {
  Sentry.captureException(err, (scope) => scope.setTag('email', user.email));
  Sentry.startSpan({ name: 'login' }, (span) => span.setAttribute('user.email', user.email));
  Sentry.logger.info('login', { email: user.email });
}`,
    expected: [contact('user.email', 'scope.setTag'), contact('user.email', 'span.setAttribute'), contact('user.email', 'Sentry.logger.info')],
  },
  {
    name: 'look-alikes: local captureException and withScope, an object with setUser',
    code: `${USER}function captureException(error: unknown, context: unknown): void { void error; void context; }
function withScope(run: (scope: { setUser(u: unknown): void }) => void): void { run({ setUser() {} }); }
export function f(user: User, input: { password: string }) {
  captureException(new Error('x'), { password: input.password });
  withScope((scope) => scope.setUser({ email: user.email }));
  const store = { setUser(u: unknown) { return u; } };
  store.setUser({ email: user.email });
}`,
    expected: [],
  },
  {
    name: 'a Scope parameter',
    code: `import type { Scope } from '@sentry/node';\n${USER}export function tag(scope: Scope, user: User) { scope.setUser({ id: user.id, email: user.email }); }`,
    expected: [contact('user.email', 'scope.setUser')],
  },
];

// ---------------------------------------------------------------------------------------------------------------------
// OpenTelemetry
// ---------------------------------------------------------------------------------------------------------------------

const OTEL = "import { trace } from '@opentelemetry/api';\n";

const otelCases: FindingCase[] = [
  {
    name: 'the active span, a started span, a span handed to startActiveSpan',
    code: `${OTEL}${USER}const tracer = trace.getTracer('auth');
export function f(user: User, session: { token: string }, err: Error) {
  trace.getActiveSpan()?.setAttribute('user.email', user.email);
  const span = tracer.startSpan('login');
  span.addEvent('login', { token: session.token });
  span.recordException(err);
  tracer.startActiveSpan('refresh', (active) => { active.setAttributes({ token: session.token }); active.end(); });
}`,
    expected: [contact('user.email', 'trace.getActiveSpan()?.setAttribute'), secret('session.token', 'span.addEvent'), secret('session.token', 'active.setAttributes')],
  },
  {
    name: 'harmless attributes',
    code: `${OTEL}${USER}export function f(user: User) { trace.getActiveSpan()?.setAttribute('user.id', user.id); }`,
    expected: [],
  },
  {
    name: 'look-alikes: setAttribute of a DOM element and of a local object',
    code: `export function f(input: HTMLInputElement, secret: { password: string }) {
  input.setAttribute('value', secret.password);
  const span = { setAttribute(key: string, value: string) { return key + value; } };
  span.setAttribute('password', secret.password);
}`,
    expected: [],
  },
  {
    name: 'look-alikes: a Span of a local interface, of an app module',
    code: `import type { Span as AppSpan } from './trackers/app-span.js';
interface Span { setAttribute(key: string, value: string): void }
export function f(span: Span, other: AppSpan, session: { token: string }) { span.setAttribute('token', session.token); other.setAttribute('token', session.token); }`,
    expected: [],
  },
  {
    name: 'a Span parameter',
    code: `import type { Span } from '@opentelemetry/api';\nexport function f(span: Span, session: { token: string }) { span.setAttribute('token', session.token); }`,
    expected: [secret('session.token', 'span.setAttribute')],
  },
];

// ---------------------------------------------------------------------------------------------------------------------
// Datadog, New Relic, Bugsnag, Rollbar
// ---------------------------------------------------------------------------------------------------------------------

const datadogCases: FindingCase[] = [
  {
    name: 'dd-trace: the active span, a traced span, the user',
    code: `import tracer from 'dd-trace';\n${USER}export function f(user: User, session: { token: string }) {
  tracer.scope().active()?.setTag('user.email', user.email);
  tracer.trace('login', (span) => span.addTags({ token: session.token }));
  tracer.setUser({ id: user.id, email: user.email });
}`,
    expected: [contact('user.email', 'tracer.scope().active()?.setTag'), secret('session.token', 'span.addTags'), contact('user.email', 'tracer.setUser')],
  },
  {
    name: 'dd-trace: an initialised tracer, harmless tags',
    code: `import ddTrace from 'dd-trace';\n${USER}const tracer = ddTrace.init({ service: 'api' });
export function f(user: User) { tracer.setUser({ id: user.id }); tracer.scope().active()?.setTag('user.id', user.id); }`,
    expected: [],
  },
  {
    name: 'look-alike: setTag of something else',
    code: `${USER}export function f(user: User, span: { setTag(k: string, v: string): void }) { span.setTag('email', user.email); }`,
    expected: [],
  },
  {
    name: 'a dd-trace Span parameter',
    code: `import type { Span } from 'dd-trace';\n${USER}export function f(span: Span, user: User) { span.setTag('email', user.email); }`,
    expected: [contact('user.email', 'span.setTag')],
  },
];

const newrelicCases: FindingCase[] = [
  {
    name: 'newrelic: noticeError attributes, custom attributes, custom events',
    code: `import newrelic from 'newrelic';\n${USER}export function f(err: Error, user: User, session: { token: string }) {
  newrelic.noticeError(err, { email: user.email });
  newrelic.addCustomAttribute('token', session.token);
  newrelic.recordCustomEvent('Login', { email: user.email });
}`,
    expected: [contact('user.email', 'newrelic.noticeError'), secret('session.token', 'newrelic.addCustomAttribute'), contact('user.email', 'newrelic.recordCustomEvent')],
  },
  {
    name: 'newrelic: an error and ids',
    code: `import { addCustomAttributes, noticeError } from 'newrelic';\n${USER}export function f(err: Error, user: User) { noticeError(err); addCustomAttributes({ userId: user.id }); }`,
    expected: [],
  },
  {
    name: 'look-alike: a local noticeError',
    code: `${USER}const monitor = { noticeError(e: unknown, a: unknown) { return [e, a]; } };\nexport function f(err: Error, user: User) { monitor.noticeError(err, { email: user.email }); }`,
    expected: [],
  },
];

const bugsnagCases: FindingCase[] = [
  {
    name: 'bugsnag: the event of notify, metadata, a started client',
    code: `import Bugsnag from '@bugsnag/js';\n${USER}const client = Bugsnag.start({ apiKey: 'k' });
export function f(err: Error, user: User, session: { token: string }) {
  Bugsnag.notify(err, (event) => { event.setUser(user.id, user.email); });
  Bugsnag.addMetadata('auth', { token: session.token });
  client.leaveBreadcrumb('login', { email: user.email });
}`,
    expected: [contact('user.email', 'event.setUser'), secret('session.token', 'Bugsnag.addMetadata'), contact('user.email', 'client.leaveBreadcrumb')],
  },
  {
    name: 'bugsnag: an error and an id',
    code: `import Bugsnag from '@bugsnag/js';\n${USER}export function f(err: Error, user: User) { Bugsnag.notify(err, (event) => { event.setUser(user.id); }); }`,
    expected: [],
  },
  {
    name: 'look-alike: a local notify whose callback gets an event',
    code: `${USER}function notify(e: unknown, cb: (event: { setUser(...a: string[]): void }) => void): void { void e; cb({ setUser() {} }); }
export function f(err: Error, user: User) { notify(err, (event) => { event.setUser(user.id, user.email); }); }`,
    expected: [],
  },
  {
    name: 'a Bugsnag Event parameter',
    code: `import type { Event } from '@bugsnag/js';\n${USER}export function enrich(event: Event, user: User) { event.addMetadata('user', { email: user.email }); }`,
    expected: [contact('user.email', 'event.addMetadata')],
  },
];

const rollbarCases: FindingCase[] = [
  {
    name: 'rollbar: an instance and the initialised class',
    code: `import Rollbar from 'rollbar';\n${USER}const rollbar = new Rollbar({ accessToken: 'x' });
export function f(err: Error, input: { password: string }, user: User) {
  rollbar.error(err, { password: input.password });
  Rollbar.init({ accessToken: 'x' }).info('signup', { email: user.email });
}`,
    expected: [secret('input.password', 'rollbar.error'), contact('user.email', "Rollbar.init({ accessToken: 'x' }).info")],
  },
  {
    name: 'rollbar: an error, and its configuration with the access token',
    code: `import Rollbar from 'rollbar';\nconst rollbar = new Rollbar({ accessToken: process.env.ROLLBAR_TOKEN });
export function f(err: Error) { rollbar.configure({ accessToken: process.env.ROLLBAR_TOKEN }); rollbar.error(err); rollbar.warning('slow'); }`,
    expected: [],
  },
  {
    name: 'look-alike: an object named rollbar',
    code: `const rollbar = { error(...args: unknown[]) { return args; } };\nexport function f(input: { password: string }) { rollbar.error({ password: input.password }); }`,
    expected: [],
  },
  {
    name: 'a Rollbar parameter (the default import as a type)',
    code: `import type Rollbar from 'rollbar';\nexport function report(rollbar: Rollbar, input: { password: string }) { rollbar.warning('retry', { password: input.password }); }`,
    expected: [secret('input.password', 'rollbar.warning')],
  },
];

// ---------------------------------------------------------------------------------------------------------------------


runFindingCases('Sentry', sentryCases, GDPR);
runFindingCases('OpenTelemetry', otelCases, GDPR);
runFindingCases('Datadog', datadogCases, GDPR);
runFindingCases('New Relic', newrelicCases, GDPR);
runFindingCases('Bugsnag', bugsnagCases, GDPR);
runFindingCases('Rollbar', rollbarCases, GDPR);

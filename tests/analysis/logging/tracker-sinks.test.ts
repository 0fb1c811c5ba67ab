/**
 * Error trackers and tracing SDKs as sinks (logging/trackers/): which calls are sinks, of which kind, on which
 * arguments; what is not (configuration, lifecycle, the callback-taking call itself, look-alikes). Both modes.
 */
import { describe } from 'vitest';
import { runProbe } from './probe.js';

describe('error trackers and tracing SDKs', () => {
  runProbe([
    {
      name: 'Sentry: module functions, scopes, spans; configuration and lifecycle are not sinks',
      code: `import * as Sentry from '@sentry/node';
declare const user: { id: string }, err: Error;
Sentry.init({ dsn: 'https://k@o.ingest.sentry.io/1' });
Sentry.withScope((scope) => { scope.setLevel('error'); scope.setExtra('k', user); });
Sentry.startSpan({ name: 'x' }, (span) => { span.setAttribute('k', 'v'); span.end(); });
Sentry.captureException(err, { user });
void Sentry.flush(100);`,
      hits: ["sentry scope.setExtra ['k', user]", "sentry span.setAttribute ['k', 'v']", 'sentry Sentry.captureException [err, { user }]'],
    },
    {
      name: 'Sentry: a scope parameter only when the callback is handed one (first parameter, whole)',
      code: `import { withScope } from '@sentry/nextjs';
declare const user: unknown;
withScope((scope) => scope.setUser(user));
withScope(({ setUser }) => setUser(user));
[1].forEach((scope) => (scope as any).setUser(user));`,
      hits: ['sentry scope.setUser [user]'],
    },
    {
      name: 'OpenTelemetry: a tracer is not a span; its spans are',
      code: `import { trace } from '@opentelemetry/api';
declare const user: unknown;
const tracer = trace.getTracer('x');
const span = tracer.startSpan('y');
span.addEvent('e', { user });
span.setStatus({ code: 2 });
tracer.startActiveSpan('z', (active) => active.recordException(user as Error));`,
      hits: ["opentelemetry span.addEvent ['e', { user }]", 'opentelemetry active.recordException [user as Error]'],
    },
    {
      name: 'dd-trace: CommonJS init, scope().active(), trace callback',
      code: `const tracer = require('dd-trace').init({ service: 'api' });
declare const user: unknown;
tracer.scope().active()?.setTag('u', user);
tracer.trace('t', (span: any) => span.addTags({ user }));
tracer.use('http', {});`,
      hits: ["datadog tracer.scope().active()?.setTag ['u', user]", 'datadog span.addTags [{ user }]'],
    },
    {
      name: 'New Relic and Rollbar: the module, named imports, instances; setUserID and configure are not sinks',
      code: `import newrelic, { recordCustomEvent } from 'newrelic';
import Rollbar from 'rollbar';
declare const user: { id: string };
newrelic.setUserID(user.id);
recordCustomEvent('E', { user });
const rollbar = new Rollbar({ accessToken: 't' });
rollbar.configure({ payload: {} });
rollbar.critical('down', { user });`,
      hits: ["newrelic recordCustomEvent ['E', { user }]", "rollbar rollbar.critical ['down', { user }]"],
    },
    {
      name: 'Bugsnag: notify and addOnError hand an event to their callback',
      code: `import Bugsnag from '@bugsnag/js';
declare const user: { id: string; email: string };
const client = Bugsnag.createClient({ apiKey: 'k' });
client.addOnError((event) => { event.addMetadata('u', user); });
Bugsnag.notify(new Error('x'));`,
      hits: ["bugsnag event.addMetadata ['u', user]", "bugsnag Bugsnag.notify [new Error('x')]"],
    },
  ]);
});

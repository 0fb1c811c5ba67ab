/**
 * Error trackers and tracing SDKs: they ship what they capture to a third party, so their writing calls are sinks like
 * a logger's. One `LoggerRecord` each (a tracker's client, scopes, events and spans are its "loggers"; its writing
 * calls its log methods; `callbackMethods` hand a scope, event or span to a callback).
 */
import { bugsnagRecord } from './bugsnag.js';
import { datadogRecord } from './datadog.js';
import { newrelicRecord } from './newrelic.js';
import { opentelemetryRecord } from './opentelemetry.js';
import { rollbarRecord } from './rollbar.js';
import { sentryRecord } from './sentry.js';

export const TRACKER_RECORDS = [sentryRecord, datadogRecord, newrelicRecord, bugsnagRecord, rollbarRecord, opentelemetryRecord] as const;

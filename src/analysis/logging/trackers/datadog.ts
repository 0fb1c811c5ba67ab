/**
 * Datadog APM (`dd-trace`): span tags and the user are sent to Datadog. The tracer is the module (`tracer.init()`
 * returns it); a span is `tracer.scope().active()`, `tracer.startSpan(name)`, the callback's span of
 * `tracer.trace(name, span => …)`, or (typed) a value of its `Span` type. (`@datadog/browser-logs` is browser-only.)
 */
import type { LoggerRecord } from '../record.js';

export const datadogRecord = {
  kind: 'datadog',
  packages: ['dd-trace'],
  // The tracer, its scope manager and spans are one kind: none has another's writing methods.
  moduleLoggers: ['dd-trace#'],
  creations: { 'dd-trace#init': 'logger', 'dd-trace#scope': 'logger', 'dd-trace#startSpan': 'logger' },
  types: { 'dd-trace': ['Tracer', 'Span', 'Scope'] },
  methods: ['setTag', 'addTags', 'setUser'],
  nonLogMethods: ['use', 'wrap', 'inject', 'extract', 'finish', 'context', 'setBaggageItem', 'getBaggageItem', 'bind'],
  childMethods: ['init', 'scope', 'active', 'startSpan'],
  callbackMethods: ['trace'],
  annotatedParameters: true,
} as const satisfies LoggerRecord;

/**
 * OpenTelemetry (`@opentelemetry/api`): span attributes and events are exported to the tracing backend. A span is
 * `trace.getActiveSpan()`, `trace.getSpan(ctx)`, `tracer.startSpan(name)`, the callback's span of
 * `tracer.startActiveSpan(name, span => …)`, or (typed) a value of the API's `Span` type; a tracer is
 * `trace.getTracer(name)`. `span.recordException(err)` writes the error.
 */
import type { LoggerRecord } from '../record.js';

export const opentelemetryRecord = {
  kind: 'opentelemetry',
  packages: ['@opentelemetry/api'],
  // Tracers and spans are one kind: a tracer has none of a span's writing methods.
  creations: {
    '@opentelemetry/api#trace.getActiveSpan': 'logger',
    '@opentelemetry/api#trace.getSpan': 'logger',
    '@opentelemetry/api#trace.getTracer': 'logger',
  },
  types: { '@opentelemetry/api': ['Span', 'Tracer'] },
  methods: ['setAttribute', 'setAttributes', 'addEvent', 'recordException'],
  nonLogMethods: ['end', 'setStatus', 'updateName', 'isRecording', 'spanContext', 'addLink', 'addLinks'],
  childMethods: ['startSpan'],
  callbackMethods: ['startActiveSpan'],
  annotatedParameters: true,
} as const satisfies LoggerRecord;

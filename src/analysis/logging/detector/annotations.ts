/**
 * Without types: a parameter annotated with a library's logger type imported from the library's package is that
 * library's logger (`(span: Span)` with `Span` from `@opentelemetry/api`, `(scope: Sentry.Scope)`, `(client: Rollbar)`
 * with the class as the default import), for the records that ask for it (`annotatedParameters`). Typed mode sees the
 * same through the checker; this reads only the syntax.
 */
import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/utils';
import { LOGGER_TABLES } from '../index.js';
import { bindingOf } from './bindings.js';
import type { SinkState } from './state.js';
import type { Value } from './values.js';

function annotationOf(param: TSESTree.Parameter): TSESTree.TypeNode | undefined {
  const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
  return target.type === AST_NODE_TYPES.Identifier ? target.typeAnnotation?.typeAnnotation : undefined;
}

/** The logger a parameter's type annotation names, if it is imported from a library's package. */
export function annotatedValue(state: SinkState, param: TSESTree.Parameter): Value | undefined {
  const annotation = annotationOf(param);
  if (annotation?.type !== AST_NODE_TYPES.TSTypeReference) return undefined;
  const { typeName } = annotation;
  const root = typeName.type === AST_NODE_TYPES.TSQualifiedName ? typeName.left : typeName;
  if (root.type !== AST_NODE_TYPES.Identifier) return undefined;
  const bound = bindingOf(state, root);
  if (bound.k !== 'import') return undefined;
  const pkg = bound.source.startsWith('node:') ? bound.source.slice(5) : bound.source;
  const record = LOGGER_TABLES.byPackage.get(pkg);
  if (!record?.annotatedParameters) return undefined;
  const whole = bound.imported === '*' || bound.imported === 'default';
  const name = typeName.type === AST_NODE_TYPES.TSQualifiedName ? (whole ? typeName.right.name : undefined) : whole ? undefined : bound.imported;
  // The default import used as a type: the class the package exports (`new Rollbar()`).
  if (name === undefined) return typeName === root && bound.imported === 'default' && record.constructions?.includes(`${pkg}#`) ? { t: 'logger', kind: record.kind } : undefined;
  const names = Object.values(record.types ?? {}).flat();
  return names.includes(name) ? { t: 'logger', kind: record.kind } : undefined;
}

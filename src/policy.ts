/**
 * The resolved policy: what `settings.compliance` means once validated and merged with the
 * active regulations. Built by `src/settings.ts`, frozen, shared by every rule.
 */
import type { DecoratorMatcher, Matcher } from './analysis/matchers.js';
import type { AuditField, HttpMethod, Reference, Regulation, RegulationId } from './regulations/types.js';

export interface ResolvedRetention {
  /** Strictest (largest) minimum over the active regulations, in days. */
  readonly minDays?: number;
  /** Strictest (smallest) maximum over the active regulations, in days. */
  readonly maxDays?: number;
  readonly mustBeSet: boolean;
  readonly mustBeBounded: boolean;
  /** Set when a minimum exceeds a maximum: the rules report it instead of choosing. */
  readonly conflict?: string;
}

export interface Policy {
  /** Active regulations, in the order of REGULATION_IDS. */
  readonly regulations: readonly Regulation[];
  readonly regulationIds: ReadonlySet<RegulationId>;
  /** References cited besides the regulations (OWASP). */
  readonly references: readonly Reference[];
  /** Union of the active regulations' required fields, minus `audit.providedFields`. */
  readonly requiredFields: readonly AuditField[];
  /** Active sensitive-data categories: built-in ones per regulation (credentials and card data always) plus `sensitiveData.add`. */
  readonly sensitiveCategories: ReadonlySet<string>;
  /** Name patterns per active category: built-in defaults plus `sensitiveData.add`, minus `sensitiveData.ignore`. */
  readonly sensitivePatterns: Readonly<Record<string, readonly string[]>>;
  /** Names that are never sensitive (`sensitiveData.ignore`). */
  readonly sensitiveIgnore: ReadonlySet<string>;
  /** Branded types whose values are sensitive (`sensitiveData.brands`). */
  readonly sensitiveBrands: readonly string[];
  /** Endpoint methods that must be audited: mutating always, reads under HIPAA / PCI DSS. */
  readonly auditedMethods: ReadonlySet<HttpMethod>;
  readonly retention: ResolvedRetention;
  readonly audit: {
    /** Configured audit calls; `undefined` means the default heuristic (callee name contains "audit"). */
    readonly calls: readonly Matcher[] | undefined;
    readonly wrappers: readonly Matcher[];
    readonly decorators: readonly DecoratorMatcher[];
    readonly middleware: readonly Matcher[];
    /** Index of the argument that carries the event; `undefined`: the first object argument. */
    readonly eventArgument: number | undefined;
    readonly providedFields: readonly AuditField[];
    /** For each normalized field, every accepted property name (defaults + `fieldAliases`). */
    readonly fieldAliases: Readonly<Record<AuditField, readonly string[]>>;
  };
  readonly endpoints: { readonly factories: readonly Matcher[] };
  readonly masking: { readonly functions: readonly Matcher[] };
  readonly logging: {
    readonly sinks: readonly Matcher[];
    /** Globs (relative to the working directory) of browser-only files: no server log is written there. */
    readonly clientFiles: readonly string[];
  };
  /** Sensitive-operation catalog additions, per operation kind. */
  readonly sensitiveOperations: Readonly<Record<string, readonly Matcher[]>>;
}

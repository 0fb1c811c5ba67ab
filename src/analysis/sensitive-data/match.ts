/** What a sensitive-data classification answers: the category, the name that matched, and how it was found. */

export interface SensitiveMatch {
  /** 'credentials', 'cardData', 'healthData', … a custom category from settings, or 'tagged'. */
  readonly category: string;
  /** The name that matched, as written ('passwordHash', 'DB_PASSWORD', 'ssn'). */
  readonly name: string;
  readonly via: 'name' | 'type' | 'tag' | 'brand';
  /** For via type/tag/brand: the declared type's name ('User', 'Patient', 'Secret<string>'). */
  readonly typeName?: string;
  /** For via type/tag/brand: property path inside the type (['passwordHash'], ['profile', 'ssn'], ['*', 'ssn']). */
  readonly path?: readonly string[];
  /**
   * A protected form of the data kept in a record (`User.passwordHash`, `encryptedToken`): counted when the record is
   * written whole (typed mode), not when the value is read by itself (the name says it is not the secret).
   */
  readonly atRest?: boolean;
}

/** The category of `@sensitive` / `@pii` tags without a known category, and of brands whose name does not classify. */
export const TAGGED_CATEGORY = 'tagged';

/** How many property levels a type is walked by default (`user.profile.address.zipCode` is not reached). */
export const DEFAULT_TYPE_DEPTH = 3;

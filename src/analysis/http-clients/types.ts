/**
 * The shape of an HTTP client record (`http-clients/<library>.ts`): how the library's errors look in code, as data. An
 * HTTP client's error carries the request it failed on (its config, with the `Authorization` header), so a log of the
 * whole error writes the credentials (`no-sensitive-data-in-logs`, `flow/http-errors.ts`).
 */
export interface HttpClientRecord {
  readonly library: string;
  /** Packages whose imports are the client. */
  readonly packages: readonly string[];
  /** Conventional local names of the client (`axios`, `got`) when the file does not import it (untyped guesses). */
  readonly names: readonly string[];
  /** Methods of the client that make an instance with its own defaults (`axios.create()`, `got.extend()`). */
  readonly instanceMethods: readonly string[];
  /** Type guards saying a value is the client's error (`axios.isAxiosError(err)`, `isAxiosError(err)`). */
  readonly errorGuards: readonly string[];
  /** Error classes (`err instanceof AxiosError`; typed mode: the type's name, declared in one of `packages`). */
  readonly errorClasses: readonly string[];
  /** Properties of an error that carry the request with its headers (`err.config`, `err.response`). */
  readonly requestProperties: readonly string[];
}

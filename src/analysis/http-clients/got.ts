/** got: a `RequestError` (and `HTTPError`, `TimeoutError`, … extending it) carries `options` (headers included), `request`, `response`. */
import type { HttpClientRecord } from './types.js';

export const got: HttpClientRecord = {
  library: 'got',
  packages: ['got'],
  names: ['got'],
  instanceMethods: ['extend'],
  errorGuards: [],
  errorClasses: ['RequestError', 'HTTPError', 'TimeoutError', 'MaxRedirectsError', 'ParseError', 'ReadError', 'UploadError', 'CacheError'],
  requestProperties: ['options', 'request', 'response'],
};

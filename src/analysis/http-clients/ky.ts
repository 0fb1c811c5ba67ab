/** ky: an `HTTPError` carries `request` (a `Request`, headers included) and `options`. */
import type { HttpClientRecord } from './types.js';

export const ky: HttpClientRecord = {
  library: 'ky',
  packages: ['ky'],
  names: ['ky'],
  instanceMethods: ['create', 'extend'],
  errorGuards: ['isHTTPError'],
  errorClasses: ['HTTPError', 'TimeoutError'],
  requestProperties: ['request', 'options', 'response'],
};

/** axios: an `AxiosError` carries `config` (headers included), `request` and `response` (with its own `config`). */
import type { HttpClientRecord } from './types.js';

export const axios: HttpClientRecord = {
  library: 'axios',
  packages: ['axios'],
  names: ['axios'],
  instanceMethods: ['create'],
  errorGuards: ['isAxiosError'],
  errorClasses: ['AxiosError'],
  requestProperties: ['config', 'request', 'response'],
};

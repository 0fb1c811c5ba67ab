/** Resend: `resend.emails.send({ from, to, … })`; a message is typed `CreateEmailOptions`. */
import type { MailRecord } from './types.js';

export const resend: MailRecord = {
  library: 'resend',
  packages: ['resend'],
  sendMethods: ['send'],
  mirroredMethods: [],
  recipientFields: ['to', 'cc', 'bcc'],
  messageTypes: ['CreateEmailOptions'],
};

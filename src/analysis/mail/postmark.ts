/** Postmark: `client.sendEmail({ From, To, … })`, `client.sendEmailWithTemplate(…)`; a message is typed `Message`. */
import type { MailRecord } from './types.js';

export const postmark: MailRecord = {
  library: 'postmark',
  packages: ['postmark'],
  sendMethods: ['sendEmail', 'sendEmailWithTemplate'],
  mirroredMethods: ['sendEmail'],
  recipientFields: ['To', 'Cc', 'Bcc'],
  messageTypes: ['Message', 'TemplatedMessage'],
};

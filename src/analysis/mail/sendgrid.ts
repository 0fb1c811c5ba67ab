/** SendGrid: `sgMail.send({ to, from, … })`, `sgMail.sendMultiple(…)`; a message is typed `MailDataRequired`. */
import type { MailRecord } from './types.js';

export const sendgrid: MailRecord = {
  library: '@sendgrid/mail',
  packages: ['@sendgrid/mail'],
  sendMethods: ['send', 'sendMultiple'],
  mirroredMethods: [],
  recipientFields: ['to', 'cc', 'bcc'],
  messageTypes: ['MailDataRequired', 'MailData'],
};

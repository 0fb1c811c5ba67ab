/** Nodemailer: `transporter.sendMail({ from, to, cc, bcc, … })`; a message is typed `Mail.Options` / `SendMailOptions`. */
import type { MailRecord } from './types.js';

export const nodemailer: MailRecord = {
  library: 'nodemailer',
  packages: ['nodemailer'],
  sendMethods: ['sendMail'],
  mirroredMethods: ['sendMail'],
  recipientFields: ['to', 'cc', 'bcc'],
  messageTypes: ['Options', 'SendMailOptions'],
};

/** The mail and queue records' lookup tables: derived from the records, an extra record is seen, a package claimed twice is rejected. */
import { describe, expect, it } from 'vitest';
import { deriveMailTables, MAIL_RECORDS, type MailRecord } from '../../src/analysis/mail/index.js';
import { deriveQueueTables, QUEUE_RECORDS, type QueueRecord } from '../../src/analysis/queues/index.js';

const mailer: MailRecord = {
  library: 'acme-mail',
  packages: ['acme-mail'],
  sendMethods: ['deliver'],
  mirroredMethods: [],
  recipientFields: ['recipient'],
  messageTypes: ['AcmeMessage'],
};

const queue: QueueRecord = {
  library: 'acme-queue',
  packages: ['acme-queue'],
  processMethods: ['consume'],
  workerClasses: ['Consumer'],
  jobEvents: ['dead'],
  jobTypes: ['AcmeJob'],
  payload: ['body'],
};

describe('mail records', () => {
  it('derives the send methods and recipient fields of every record, an extra one included', () => {
    const tables = deriveMailTables([...MAIL_RECORDS, mailer]);
    expect(tables.sendMethods.get('deliver')).toEqual([mailer]);
    expect(tables.sendMethods.get('sendMail')?.map((record) => record.library)).toEqual(['nodemailer']);
    expect(tables.recipientFields.has('recipient')).toBe(true);
    expect(tables.recipientFields.has('from')).toBe(false);
  });
  it('rejects a package claimed twice', () => {
    expect(() => deriveMailTables([...MAIL_RECORDS, { ...mailer, packages: ['nodemailer'] }])).toThrow(/nodemailer/u);
  });
});

describe('queue records', () => {
  it('derives the process methods, worker classes and job events of every record, an extra one included', () => {
    const tables = deriveQueueTables([...QUEUE_RECORDS, queue]);
    expect(tables.processMethods.get('consume')).toEqual([queue]);
    expect(tables.workerClasses.get('Consumer')).toEqual([queue]);
    expect(tables.jobEvents.get('failed')?.map((record) => record.library)).toEqual(['bull', 'bullmq', 'bee-queue']);
  });
  it('rejects a package claimed twice', () => {
    expect(() => deriveQueueTables([...QUEUE_RECORDS, { ...queue, packages: ['bull'] }])).toThrow(/bull/u);
  });
});

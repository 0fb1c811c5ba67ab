/**
 * Every mail library, one record per file, and the lookup tables derived from them (per process). Adding a library:
 * `mail/<library>.ts`, an entry below, a case in `tests/rules/no-sensitive-data-in-logs.recall.test.ts`.
 */
import { nodemailer } from './nodemailer.js';
import { postmark } from './postmark.js';
import { resend } from './resend.js';
import { sendgrid } from './sendgrid.js';
import type { MailRecord } from './types.js';

export type * from './types.js';

export const MAIL_RECORDS: readonly MailRecord[] = [nodemailer, sendgrid, resend, postmark];

export interface MailTables {
  /** Package → its record. */
  readonly packages: ReadonlyMap<string, MailRecord>;
  /** Send method → the records that have it. */
  readonly sendMethods: ReadonlyMap<string, readonly MailRecord[]>;
  readonly mirroredMethods: ReadonlySet<string>;
  readonly recipientFields: ReadonlySet<string>;
  readonly messageTypes: ReadonlySet<string>;
}

export function deriveMailTables(records: readonly MailRecord[]): MailTables {
  const packages = new Map<string, MailRecord>();
  const sendMethods = new Map<string, MailRecord[]>();
  for (const record of records) {
    for (const name of record.packages) {
      if (packages.has(name)) throw new Error(`Mail records: package ${name} is claimed twice`);
      packages.set(name, record);
    }
    for (const method of record.sendMethods) sendMethods.set(method, [...(sendMethods.get(method) ?? []), record]);
  }
  return {
    packages,
    sendMethods,
    mirroredMethods: new Set(records.flatMap(record => record.mirroredMethods)),
    recipientFields: new Set(records.flatMap(record => record.recipientFields)),
    messageTypes: new Set(records.flatMap(record => record.messageTypes)),
  };
}

/** Per process. */
export const MAIL_TABLES: MailTables = deriveMailTables(MAIL_RECORDS);

/**
 * The shape of a mail-library record (`mail/<library>.ts`): how a library sends a message, as data. The recipient of
 * a message being sent is a person's address, so a log of it, or of the whole message, writes contact data
 * (`no-sensitive-data-in-logs`, `flow/mail.ts`). The sender (`from`) is the service's mailbox, not a person.
 */
export interface MailRecord {
  readonly library: string;
  /** Packages whose imports are the library. */
  readonly packages: readonly string[];
  /** Methods that send a message given as their first argument, in a file that imports the library. */
  readonly sendMethods: readonly string[];
  /** Send methods whose name apps' own mailers mirror (`mailer.sendMail(…)`): a send wherever they are called. */
  readonly mirroredMethods: readonly string[];
  /** Fields of a message that hold its recipients. */
  readonly recipientFields: readonly string[];
  /** The message's type names (typed mode), declared in one of `packages`. */
  readonly messageTypes: readonly string[];
}

/**
 * Names and masking (issue 9): protected forms and ids of secrets, labels, people's names and recipients, one-time codes,
 * masking by replacement and last-four truncation, the domain part of an e-mail address, a mail's sender, checkout
 * sessions by declared type, getters with arguments. Each positive case has a look-alike negative; both modes unless said.
 */
import path from 'node:path';
import { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import { fixturesDir } from '../rule-tester.js';
import { ruleConfig } from './no-sensitive-data-in-logs.cases.js';

type Settings = Record<string, unknown>;
const GDPR: Settings = { compliance: { regulations: { gdpr: true } } };
const HIPAA: Settings = { compliance: { regulations: { hipaa: true } } };
const SOC2: Settings = { compliance: { regulations: { soc2: true } } };
const PINO = "import pino from 'pino';\nconst logger = pino();\n";

interface Case {
  readonly code: string;
  /** The texts the findings start at, in order (empty: no finding). */
  readonly at: readonly string[];
  readonly settings?: Settings;
}

/** 1-based `line:column` of `needle` in `code`. */
function position(code: string, needle: string): string {
  const index = code.indexOf(needle);
  if (index < 0) throw new Error(`${needle} is not in ${code}`);
  const lines = code.slice(0, index).split('\n');
  return `${lines.length}:${(lines.at(-1)?.length ?? 0) + 1}`;
}

const bad = (code: string, at: string[], settings?: Settings): Case => ({ code, at, ...(settings ? { settings } : {}) });
const good = (code: string, settings?: Settings): Case => ({ code, at: [], ...(settings ? { settings } : {}) });

const linter = new Linter({ configType: 'flat' });

/** Where the rule reports on `code` (plus any parse error), in one mode. */
function findings(code: string, typed: boolean, settings: Settings = {}): string[] {
  const messages = linter.verify(
    code,
    ruleConfig(typed, settings),
    { filename: path.join(fixturesDir, 'file.ts') },
  );
  return messages.map(message => (message.ruleId ? `${message.line}:${message.column}` : `fatal ${message.message}`));
}

function run(title: string, cases: readonly Case[], modes: readonly boolean[]): void {
  describe(title, () => {
    for (const typed of modes) {
      it.each(cases.map(item => [item.code.replace(PINO, ''), item] as const))(`${typed ? 'typed' : 'untyped'}: %s`, (_name, item) => {
        expect(findings(item.code, typed, item.settings)).toEqual(item.at.map(needle => position(item.code, needle)));
      });
    }
  });
}

// ---------------------------------------------------------------------------------------------------------------------
// Both modes
// ---------------------------------------------------------------------------------------------------------------------

const protectedForms = {
  valid: [
    good('declare const hashed_password: string;\nconsole.log(hashed_password);'),
    good('declare const encryptedPassword: string;\nconsole.log(`stored ${encryptedPassword}`);'),
    good('declare const user: any;\nconsole.log(user._passwordMD5, user._password_sha);'),
    good('declare const sha256Password: string, tokenDigest: string;\nconsole.log(sha256Password, tokenDigest);'),
    good('declare const account: any;\nconsole.log(account.passwordHash);'),
    good('declare const key: any;\nconsole.log({ fingerprint: key.apiKeyFingerprint });'),
    good('declare const pw: string;\nconsole.log({ password: crypt(pw) });'),
    good("import bcrypt from 'bcrypt';\ndeclare const pw: string;\nconsole.log({ password: await bcrypt.hash(pw, 10) });"),
    good("import { createHash } from 'node:crypto';\ndeclare const token: string;\nconsole.log({ token: createHash('sha256').update(token).digest('hex') });"),
    good('declare const pw: string;\nconst password = md5(pw);\nconsole.log(password);'),
    good('declare const tokenId: string, apiKeyId: string;\nconsole.log(tokenId, apiKeyId);'),
  ],
  invalid: [
    // the key of a hash is a secret; base64 is not protection; a fixed password is a password; `decrypt` reveals
    bad('declare const HASH_SECRET: string;\nconsole.log(HASH_SECRET);', ['HASH_SECRET);']),
    bad('declare const hmacSecret: string;\nconsole.log(hmacSecret);', ['hmacSecret);']),
    bad('declare const encodedPassword: string;\nconsole.log(encodedPassword);', ['encodedPassword);']),
    bad('declare const fixed_password: string;\nconsole.log(fixed_password);', ['fixed_password);']),
    bad('declare const blob: string;\nconsole.log({ password: decrypt(blob) });', ['password: decrypt']),
    bad('declare const pw: string;\nconsole.log({ password: mdToHtml(pw) });', ['password: mdToHtml']),
    bad('declare const user: any;\nconsole.log(user.password, user.passwordHash);', ['user.password,']),
    bad('declare const tokenIdentity: string;\nconsole.log({ secret: tokenIdentity });', ['tokenIdentity }']),
  ],
};

const ids = {
  valid: [
    good('declare const stripe: any;\nconst session = await stripe.checkout.sessions.create({});\nconsole.log({ sessionId: session.id });'),
    good('declare const checkoutSession: any;\nconsole.log({ sessionId: checkoutSession.id });'),
    good('declare const key: any;\nconsole.log({ apiKey: key.id, apiKeyId: key.id });'),
    good('declare const checkout: any;\nconst sessionId = checkout.uuid;\nconsole.log(`checkout ${sessionId}`);'),
    good('declare const row: any;\nconsole.log({ token: row.tokenId });'),
  ],
  invalid: [
    bad('declare const session: any;\nconsole.log({ sessionId: session.token });', ['session.token']),
    bad('declare const key: any;\nconsole.log({ apiKey: key.secret });', ['key.secret']),
    bad('declare const req: any;\nconsole.log({ sessionId: req.session.id });', ['sessionId: req']),
    bad('declare const createSession: any;\nconst session = createSession();\nconsole.log({ sessionId: session.id });', ['sessionId: session']),
    bad('declare const req: any;\nconsole.log(req.sessionID);', ['req.sessionID']),
    bad('declare const checkout: any;\nconst sessionId = checkout.sessionSecret;\nconsole.log(sessionId);', ['sessionId);']),
    bad('declare const key: any;\nconsole.log({ apiKey: key.value });', ['apiKey: key.value']),
  ],
};

const labels = {
  valid: [
    good("enum TokenType { REFRESH_TOKEN = 'refresh_token', ACCESS_TOKEN = 'access_token' }\nconsole.log(`issued ${TokenType.REFRESH_TOKEN}`);"),
    good("console.log({ token: 'refresh_token', grant: 'password' });"),
  ],
  invalid: [bad('declare const TokenStore: any;\nconsole.log(TokenStore.REFRESH_TOKEN);', ['TokenStore.REFRESH_TOKEN'])],
};

const people = {
  valid: [
    good(`${PINO}declare const user: any;\nlogger.info({ userName: user.name });`, SOC2),
    good(`${PINO}declare const team: any, document: any, table: any, file: any, workspace: any, event: any, fn: any, err: any;\nlogger.info(team.name, document.name, table.name, file.name, workspace.name, event.name, fn.name, err.name);`, GDPR),
    good(`${PINO}declare const aggregatedTableFullName: string, classFullName: string;\nlogger.info({ aggregatedTableFullName, classFullName });`, GDPR),
    good(`${PINO}declare const options: any, route: any;\nlogger.info(options.to, route.to);`, GDPR),
    good(`${PINO}declare const recipientId: string, recipientCount: number;\nlogger.info({ recipientId, recipientCount });`, GDPR),
  ],
  invalid: [
    bad(`${PINO}declare const user: any;\nlogger.info({ userName: user.name });`, ['user.name'], GDPR),
    bad(`${PINO}declare const member: any, customer: any, patient: any;\nlogger.info(member.name, customer.fullName, patient.firstName);`, ['member.name', 'customer.fullName', 'patient.firstName'], HIPAA),
    bad(`${PINO}declare const context: any;\nlogger.info(\`\${context.user.name} changed the plan\`);`, ['context.user.name'], GDPR),
    bad(`${PINO}declare const recipient: string;\nlogger.info(\`sent to \${recipient}\`);`, ['recipient}'], GDPR),
    bad(`${PINO}declare const message: any, mail: any, email: any, mailOptions: any;\nlogger.info(message.to, mail.cc, email.to, mailOptions.bcc);`, ['message.to', 'mail.cc', 'email.to', 'mailOptions.bcc'], GDPR),
  ],
};

const codes = {
  valid: [
    good('declare const backupCodesCount: number, isOtpValid: boolean, verificationCodeSent: boolean;\nconsole.log(backupCodesCount, isOtpValid, verificationCodeSent);'),
    good('declare const err: any, res: any;\nconsole.log(err.code, res.status, { code: err.code });'),
    good('declare const fetchCode: () => string;\nconst code = fetchCode();\nconsole.log(code);'),
    good('declare const subscriber: any;\nconsole.log(subscriber.hmacHashLength);'),
  ],
  invalid: [
    bad('declare const backupCodes: string[], recoveryCodes: string[];\nconsole.log(backupCodes, recoveryCodes);', ['backupCodes,', 'recoveryCodes)']),
    bad('declare const otp: string, totp: string, mfaCode: string;\nconsole.log(otp, totp, mfaCode);', ['otp,', 'totp,', 'mfaCode)']),
    bad('declare const verificationCode: string, myPasscode: string, pin: string;\nconsole.log(verificationCode, myPasscode, pin);', ['verificationCode,', 'myPasscode,', 'pin)']),
    bad("import { authenticator } from 'otplib';\nconst code = authenticator.generate('s');\nconsole.log(`code ${code}`);", ['code}']),
    bad('declare const subscriber: any;\nconsole.log({ hmac: subscriber.hmacHash });', ['subscriber.hmacHash']),
  ],
};

const masking = {
  valid: [
    good('declare const password: string;\nconsole.log(password.replace(/./g, "*"));'),
    good("declare const password: string;\nconsole.log(password.replace(new RegExp('.', 'g'), '*'));"),
    good("declare const token: string;\nconsole.log(token.replaceAll(/\\w/g, '•'));"),
    good("declare const cardNumber: string;\nconsole.log(cardNumber.replace(/\\d(?=\\d{4})/g, '#'));"),
    good('declare const cardNumber: string;\nconsole.log(`card ending ${cardNumber.slice(-4)}`);'),
    good('declare const pan: string;\nconsole.log(pan.substring(pan.length - 4));'),
    good('declare const card: any;\nconsole.log(card.last4);'),
    good("declare const password: string;\nconsole.log('*'.repeat(password.length));"),
  ],
  invalid: [
    bad("declare const password: string;\nconsole.log(password.replace(/a/g, '*'));", ['password.replace']),
    bad("declare const password: string;\nconsole.log(password.replace(/./, '*'));", ['password.replace']),
    bad("declare const password: string;\nconsole.log(password.replace(/./g, 'abc'));", ['password.replace']),
    bad('declare const token: string;\nconsole.log(token.slice(0, 8), token.slice(-4));', ['token.slice(0', 'token.slice(-']),
    bad('declare const cardNumber: string;\nconsole.log(cardNumber.slice(-6), cardNumber.slice(0, 6));', ['cardNumber.slice(-', 'cardNumber.slice(0']),
  ],
};

const domains = {
  valid: [
    // only the domain of an e-mail address: not contact data, whatever the key says
    good(`${PINO}declare const user: any;\nlogger.info({ emailDomain: user.email.split('@')[1] });`, GDPR),
    good(`${PINO}declare const user: any;\nlogger.info({ email: user.email.split('@').pop() });`, GDPR),
    good(`${PINO}declare const email: string;\nlogger.info(\`domain \${email.split('@').at(-1)}\`);`, GDPR),
    good(`${PINO}declare const email: string;\nlogger.info({ domain: email.slice(email.indexOf('@') + 1) });`, GDPR),
    good(`${PINO}declare const email: string;\nlogger.info({ domain: email.substring(email.lastIndexOf('@')) });`, GDPR),
    good(`${PINO}declare const emailDomain: string;\nlogger.info({ emailDomain });`, GDPR),
  ],
  invalid: [
    // the local part identifies the person; other splits show the whole
    bad(`${PINO}declare const user: any;\nlogger.info({ local: user.email.split('@')[0] });`, ['user.email.split'], GDPR),
    bad(`${PINO}declare const email: string;\nlogger.info(\`\${email.slice(0, email.indexOf('@'))}\`);`, ['email.slice'], GDPR),
    bad(`${PINO}declare const user: any;\nlogger.info({ parts: user.email.split(',') });`, ['user.email.split'], GDPR),
    bad(`${PINO}declare const user: any;\nlogger.info(user.email.split(',')[1]);`, ['user.email.split'], GDPR),
    // only contact data is excused: the part after the '@' of a URL with credentials keeps its query
    bad(`${PINO}declare const databaseUrl: string;\nlogger.info(databaseUrl.split('@')[1]);`, ['databaseUrl.split']),
  ],
};

const senders = {
  valid: [
    // a mail's sender is the service's mailbox
    good(`${PINO}declare const data: any;\nlogger.info(\`From: \${data.from.address}\`);`, GDPR),
    good(`${PINO}declare const env: any, message: any, mail: any;\nlogger.info({ from: env.SMTP_FROM_EMAIL, fromAddress: env.MAIL_FROM_ADDRESS }, message.from, mail.from.email);`, GDPR),
  ],
  invalid: [
    // recipients, reply-to and a person's address under a sender key stay contact data
    bad(`${PINO}declare const message: any, mail: any;\nlogger.info(message.to, mail.cc, message.replyTo, mail.bcc);`, ['message.to', 'mail.cc', 'message.replyTo', 'mail.bcc'], GDPR),
    bad(`${PINO}declare const user: any;\nlogger.info({ from: user.email });`, ['user.email'], GDPR),
    bad(`${PINO}declare const emailFromToken: string;\nlogger.info({ emailFromToken });`, ['emailFromToken }'], GDPR),
  ],
};

const STRIPE = "import type Stripe from 'stripe';\n";
const checkoutSessions = {
  valid: [
    // a payment provider's checkout session: by the declared type or a cast, written as a qualified name
    good(`${PINO}${STRIPE}export function f(session: Stripe.Checkout.Session) {\n  logger.warn({ sessionId: session.id });\n}`),
    good(`${PINO}${STRIPE}export function f(event: Stripe.Event) {\n  const session = event.data.object as Stripe.Checkout.Session;\n  logger.warn({ sessionId: session.id });\n}`),
    good(`${PINO}${STRIPE}export function f(session: Stripe.Checkout.Session | null) {\n  logger.warn(\`checkout \${session?.id}\`, { sessionId: session?.id });\n}`),
  ],
  invalid: [
    // a login session's id is the session secret
    bad(`${PINO}interface LoginSession { id: string; userId: string }\nexport function f(session: LoginSession) {\n  logger.warn({ sessionId: session.id });\n}`, ['sessionId: session']),
    bad(`${PINO}export function f(event: any) {\n  const session = event.data.object as { id: string };\n  logger.warn({ sessionId: session.id });\n}`, ['sessionId: session']),
  ],
};

const getters = {
  valid: [
    good('declare const user: any;\nconsole.log(user.getTokenExpiry(), user.getPasswordResetUrl(), user.getTokenCount(), user.hasToken(), user.getSessionTimeout());'),
    good(`${PINO}declare function getUserByEmail(email: string): string;\nlogger.info({ id: getUserByEmail('x') });`, GDPR),
    good('declare const user: any, ctx: any;\nconsole.log(user.getTokenExpiry(ctx), user.getPasswordResetUrl(ctx));'),
    // the first argument says whose it is: a server's address is not a person's
    good(`${PINO}declare function getAddress(server: unknown): string;\ndeclare const server: unknown, httpServer: unknown;\nlogger.info(\`Server started at \${getAddress(server)}, \${getAddress(httpServer)}\`);`, GDPR),
  ],
  invalid: [
    // a getter named like a credential is the credential, with or without arguments; the finding is on the getter
    bad('declare const user: any, ctx: any, env: any;\nconsole.log(\n  `Sign in: ${\n    env.URL\n  }/auth/email.callback?token=${user.getEmailSigninToken(ctx)}`,\n);', ['user.getEmailSigninToken']),
    bad('declare const user: any;\nconsole.log(user.getJwtToken());', ['user.getJwtToken']),
    bad('declare function getApiKey(): string;\nconsole.log(`key ${getApiKey()}`);', ['getApiKey()}']),
    bad('declare function getTokenFromHeader(req: unknown): string;\ndeclare const req: unknown;\nconsole.log(getTokenFromHeader(req));', ['getTokenFromHeader(req)']),
    bad(`${PINO}declare function getAddress(customer: unknown): string;\ndeclare const customer: unknown;\nlogger.info(\`Ship to \${getAddress(customer)}\`);`, ['getAddress(customer)'], GDPR),
  ],
};

// An IP address of a network rule (an allow-list entry, a firewall range) is a setting, not a person's connection.
const TRUSTED = 'interface TIdentityTrustedIp { ipAddress: string; prefix?: number }\ninterface Session { ipAddress: string }\n';
const networkRules = {
  valid: [
    good(`${PINO}${TRUSTED}export function f(trustedIp: TIdentityTrustedIp) {\n  logger.info({ ipAddress: trustedIp.ipAddress }, trustedIp.ipAddress);\n}`, GDPR),
    good(`${PINO}${TRUSTED}export function f(auth: { accessTokenTrustedIps: TIdentityTrustedIp[] }) {\n  logger.info({ accessTokenTrustedIps: auth.accessTokenTrustedIps });\n}`, GDPR),
    good(`${PINO}${TRUSTED}export function f(rule: { allowedIps: { ipAddress: string }[] }) {\n  logger.info(rule.allowedIps[0]?.ipAddress);\n}`, GDPR),
  ],
  invalid: [
    bad(`${PINO}${TRUSTED}export function f(session: Session) {\n  logger.info({ ipAddress: session.ipAddress });\n}`, ['session.ipAddress });'], GDPR),
    bad(`${PINO}${TRUSTED}export function f(session: Session) {\n  logger.info(session.ipAddress);\n}`, ['session.ipAddress'], GDPR),
    // the owner excuses only the address: a token of a trusted-IP record is still a token
    bad(`${PINO}export function f(trustedIp: { token: string }) {\n  logger.info(trustedIp.token);\n}`, ['trustedIp.token']),
  ],
};

// The `contacts` of an OAuth client registration (RFC 7591) are e-mail addresses; a count of them is not. A provider's
// session data kept for a user (`authData`: its refresh token) is a credential; its id is not.
const contacts = [
  bad(`${PINO}export function f(user: { auth_data: string | null }) {\n  const authData = user.auth_data;\n  logger.warn(\`Session data isn't valid JSON: \${authData}\`);\n}`, ['authData}']),
  good(`${PINO}export function f(row: { authDataId: string }) {\n  logger.warn({ authDataId: row.authDataId });\n}`),
  bad(`${PINO}export function f(body: { contacts: string[] }) {\n  const { contacts } = body;\n  logger.info({ clientId: 'c', contacts });\n}`, ['contacts });'], GDPR),
  good(`${PINO}export function f(body: { contacts: string[] }) {\n  logger.info({ contactsCount: body.contacts.length });\n}`, GDPR),
];

// A local function or method that builds its result from a parameter carries what is passed there.
const returning = [
  bad(`${PINO}class SigninEmail {\n  private signinLink(url: string, token: string): string {\n    return \`\${url}/auth?token=\${token}\`;\n  }\n  render(url: string, token: string) {\n    logger.debug(\`Sign-in link: \${this.signinLink(url, token)}\`);\n  }\n}`, ['token)}']),
  bad(`${PINO}function withKey(base: string, apiKey: string) {\n  if (!base) return apiKey;\n  return base + '?key=' + apiKey;\n}\nexport function f(apiKey: string) {\n  logger.info(withKey('u', apiKey));\n}`, ['apiKey));']),
  // look-alikes: the parameter only measured or tested, or not at the position passed
  good(`${PINO}function describe(token: string) {\n  return \`token of \${token.length} chars\`;\n}\nexport function f(token: string) {\n  logger.info(describe(token));\n}`),
  good(`${PINO}const link = (url: string, token: string) => \`\${url}/x\`;\nexport function f(token: string) {\n  logger.info(link('u', token));\n}`),
];

const BOTH = [true, false];
run('local functions that build their result from a parameter', returning, BOTH);
run('contacts of a client registration', contacts, BOTH);
run('IP addresses of network rules', [...networkRules.valid, ...networkRules.invalid], BOTH);
run('protected forms and hashing calls', [...protectedForms.valid, ...protectedForms.invalid], BOTH);
run('ids under credential names', [...ids.valid, ...ids.invalid], BOTH);
run('labels', [...labels.valid, ...labels.invalid], BOTH);
run('people: names and recipients', [...people.valid, ...people.invalid], BOTH);
run('one-time and backup codes', [...codes.valid, ...codes.invalid], BOTH);
run('masking by replacement and last-four truncation', [...masking.valid, ...masking.invalid], BOTH);
run('the domain part of an e-mail address', [...domains.valid, ...domains.invalid], BOTH);
run("a mail's sender against its recipients", [...senders.valid, ...senders.invalid], BOTH);
run('checkout sessions by declared type and cast', [...checkoutSessions.valid, ...checkoutSessions.invalid], BOTH);
run('getters named like credentials, with and without arguments', [...getters.valid, ...getters.invalid], BOTH);

// ---------------------------------------------------------------------------------------------------------------------
// Typed mode: the value's type and the property's declaring type decide
// ---------------------------------------------------------------------------------------------------------------------

const USER = 'interface User { id: string; name: string; email: string; passwordHash: string }\n';
const MAIL = 'interface MailAddress { name: string; address: string }\ninterface MailOptions { from: MailAddress; replyTo: MailAddress; subject: string }\n';
const TEAM = 'interface Workspace { id: string; name: string; ownerId: string }\n';

const typedOnly = {
  valid: [
    // a stored hash read by itself is not the secret in either mode
    good(`${PINO}${USER}export function f(user: User) {\n  logger.info({ hash: user.passwordHash });\n}`),
    // an id is a number or a branded id
    good(`${PINO}type SessionId = string & { readonly __kind: 'SessionId' };\nexport function f(id: SessionId, n: number) {\n  logger.info({ sessionId: id, apiKey: n });\n}`),
    // a literal-typed constant is a label
    good(`${PINO}const GrantType = { RefreshToken: 'refresh_token' } as const;\nlogger.info(GrantType.RefreshToken);`),
    // the declaring type is not a person, whatever the receiver is called
    good(`${PINO}${TEAM}export function f(user: Workspace) {\n  logger.info(user.name);\n}`, GDPR),
    // the code of an error type is not a one-time code
    good(`${PINO}interface ApiError { code: string }\nexport function f(error: ApiError) {\n  logger.info(error.code);\n}`),
    // a literal-typed property of a record is a label
    good(`${PINO}interface Grant { kind: 'refresh_token'; token_type: 'bearer' }\nexport function f(grant: Grant) {\n  logger.info(grant);\n}`),
    // a mail's sender, typed as an address, is the service's mailbox
    good(`${PINO}${MAIL}export function f(data: MailOptions) {\n  logger.info(data.from, \`From: \${data.from.address}\`);\n}`, GDPR),
  ],
  invalid: [
    // the record written whole still carries the stored verifier (credentials at rest)
    bad(`${PINO}${USER}export function f(user: User) {\n  logger.info(user);\n}`, ['user);']),
    // a number under a one-time code's name is the code
    bad(`${PINO}export function f(n: number) {\n  logger.info({ otp: n });\n}`, ['otp: n']),
    // a person-like declaring type, whatever the receiver is called
    bad(`${PINO}${USER}export function f(row: User) {\n  logger.info(row.name);\n}`, ['row.name'], GDPR),
    // a one-time code of a two-factor type
    bad(`${PINO}interface TwoFactorChallenge { code: string }\nexport function f(challenge: TwoFactorChallenge) {\n  logger.info(challenge.code);\n}`, ['challenge.code']),
    // the recipient's address of the same type is a person's
    bad(`${PINO}${MAIL}export function f(data: MailOptions) {\n  logger.info(data.replyTo.address);\n}`, ['data.replyTo.address'], GDPR),
  ],
};
// A key/value entry's key is its name: `secret.secretKey` beside `secretValue` (typed: the record's type shows the pair).
const PAIR = 'interface SecretRow { id: string; secretKey: string; secretValue: string }\ninterface KmsKey { id: string; secretKey: string }\n';
run('typed: the key of a key/value pair', [
  good(`${PINO}${PAIR}export function f(secret: SecretRow) {\n  logger.info({ secretKey: secret.secretKey }, secret.secretKey);\n}`),
  bad(`${PINO}${PAIR}export function f(secret: SecretRow) {\n  logger.info({ v: secret.secretValue });\n}`, ['secret.secretValue']),
  bad(`${PINO}${PAIR}export function f(kms: KmsKey) {\n  logger.info(kms.secretKey);\n}`, ['kms.secretKey']),
], [true]);
run('untyped: a key/value pair is not visible, the name decides', [
  bad(`${PINO}${PAIR}export function f(secret: SecretRow) {\n  logger.info(secret.secretKey);\n}`, ['secret.secretKey']),
], [false]);
run("typed: the value's type and the declaring type decide", [...typedOnly.valid, ...typedOnly.invalid], [true]);
// Without types the same code: the receiver's name decides (`row.name`, `user.name` on a Workspace) or nothing is seen.
run('untyped: the same code by names only', [
  typedOnly.valid[0]!,
  typedOnly.valid[2]!,
  bad(`${PINO}type SessionId = string;\nexport function f(id: SessionId) {\n  logger.info({ sessionId: id });\n}`, ['sessionId: id']),
  good(`${PINO}${TEAM}export function f(row: Workspace) {\n  logger.info(row.name);\n}`, GDPR),
  bad(`${PINO}${TEAM}export function f(user: Workspace) {\n  logger.info(user.name);\n}`, ['user.name'], GDPR),
], [false]);

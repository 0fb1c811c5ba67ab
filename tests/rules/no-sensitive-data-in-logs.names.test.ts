/**
 * Names and masking (issue 9): protected forms and ids of secrets, labels, people's names and recipients, one-time codes,
 * masking by replacement and last-four truncation. Each positive case has a look-alike negative; both modes unless said.
 */
import path from 'node:path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import rule from '../../rules/no-sensitive-data-in-logs.js';
import { fixturesDir } from '../rule-tester.js';

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
    {
      files: ['**/*.ts'],
      languageOptions: {
        parser: tseslint.parser,
        ...(typed ? { parserOptions: { projectService: true, tsconfigRootDir: fixturesDir } } : {}),
      },
      plugins: { compliance: { rules: { 'no-sensitive-data-in-logs': rule as never } } },
      rules: { 'compliance/no-sensitive-data-in-logs': 'error' },
      settings,
    },
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

const BOTH = [true, false];
run('protected forms and hashing calls', [...protectedForms.valid, ...protectedForms.invalid], BOTH);
run('ids under credential names', [...ids.valid, ...ids.invalid], BOTH);
run('labels', [...labels.valid, ...labels.invalid], BOTH);
run('people: names and recipients', [...people.valid, ...people.invalid], BOTH);
run('one-time and backup codes', [...codes.valid, ...codes.invalid], BOTH);
run('masking by replacement and last-four truncation', [...masking.valid, ...masking.invalid], BOTH);

// ---------------------------------------------------------------------------------------------------------------------
// Typed mode: the value's type and the property's declaring type decide
// ---------------------------------------------------------------------------------------------------------------------

const USER = 'interface User { id: string; name: string; email: string; passwordHash: string }\n';
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
  ],
};
run("typed: the value's type and the declaring type decide", [...typedOnly.valid, ...typedOnly.invalid], [true]);
// Without types the same code: the receiver's name decides (`row.name`, `user.name` on a Workspace) or nothing is seen.
run('untyped: the same code by names only', [
  typedOnly.valid[0]!,
  typedOnly.valid[2]!,
  bad(`${PINO}type SessionId = string;\nexport function f(id: SessionId) {\n  logger.info({ sessionId: id });\n}`, ['sessionId: id']),
  good(`${PINO}${TEAM}export function f(row: Workspace) {\n  logger.info(row.name);\n}`, GDPR),
  bad(`${PINO}${TEAM}export function f(user: Workspace) {\n  logger.info(user.name);\n}`, ['user.name'], GDPR),
], [false]);

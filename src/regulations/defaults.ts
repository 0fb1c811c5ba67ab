/**
 * Built-in defaults taken from `regulations.md`: field aliases, sensitive-name patterns per
 * category, the always-active categories and the mutating HTTP methods. Data only.
 */
import type { AuditField, HttpMethod, SensitiveCategory } from './types.js';

/**
 * Property names accepted for each normalized audit field, the field name itself first
 * (regulations.md, "Suggested aliases"). `audit.fieldAliases` extends these.
 */
export const DEFAULT_FIELD_ALIASES: Readonly<Record<AuditField, readonly string[]>> = Object.freeze({
  actor: ['actor', 'actorId', 'userId', 'user', 'principal', 'performedBy'],
  action: ['action', 'event', 'eventType', 'type'],
  timestamp: ['timestamp', 'time', 'at', 'occurredAt', 'createdAt'],
  outcome: ['outcome', 'result', 'status', 'success'],
  source: ['source', 'ip', 'ipAddress', 'sourceIp', 'origin', 'remoteAddress'],
  resource: ['resource', 'resourceId', 'resourceType', 'target', 'targetId', 'entity', 'entityId', 'object'],
});

/**
 * Name patterns per sensitive-data category (regulations.md, "Sensitive data categories").
 * Each pattern is a lowercase word sequence written in camelCase (`apiKey` = the words
 * `api key`), so it stands for `apiKey`, `api_key`, `API_KEY` and `api-key` alike.
 *
 * The table's examples are all here except a few that are everyday words in code, which are
 * qualified instead: `track` → `trackData`/`track1`/`track2`, `expiry` → `cardExpiry`/…,
 * `cid` → `cardCid`/`cardIdentificationNumber`, `condition` → `medicalCondition`/…, and
 * `zip` → `zipCode`. `sensitiveData.add` extends these, `sensitiveData.ignore` removes from them.
 */
export const DEFAULT_SENSITIVE_PATTERNS: Readonly<Record<SensitiveCategory, readonly string[]>> = Object.freeze({
  credentials: [
    'password',
    'passwd',
    'pwd',
    'passphrase',
    'secret',
    'clientSecret',
    'secretKey',
    'token',
    'accessToken',
    'refreshToken',
    'idToken',
    'bearerToken',
    'authToken',
    'apiKey',
    'accessKey',
    'privateKey',
    'authorization',
    'cookie',
    'sessionId',
    'sessionToken',
    'connectionString',
    'otp',
    // one-time and backup codes (issue 9): `myPasscode`, `backupCodes`, `mfaCode`
    'totp',
    'hotp',
    'passcode',
    'oneTimePassword',
    'oneTimeCode',
    'otpCode',
    'mfaCode',
    'twoFactorCode',
    'verificationCode',
    'backupCode',
    'recoveryCode',
    // an HMAC of a user's identifier that authenticates the user to a third-party widget
    'hmacHash',
    // a provider's session data kept for a user (refresh and access tokens of an OAuth/OpenID login)
    'authData',
  ],
  cardData: [
    'pan',
    'cardNumber',
    'creditCard',
    'creditCardNumber',
    'debitCard',
    'cvv',
    'cvv2',
    'cvc',
    'cvc2',
    'cardCid',
    'cardIdentificationNumber',
    'securityCode',
    'cardVerificationValue',
    'pin',
    'pinBlock',
    'trackData',
    'track1',
    'track2',
    'magneticStripe',
    'cardExpiry',
    'cardExpiration',
    'cardExpiryDate',
  ],
  governmentIds: [
    'ssn',
    'socialSecurityNumber',
    'nationalId',
    'nationalIdNumber',
    'passport',
    'passportNumber',
    'driversLicense',
    'driverLicense',
    'driversLicenseNumber',
    'taxId',
    'taxNumber',
  ],
  contactData: [
    'email',
    'emailAddress',
    'phone',
    'phoneNumber',
    'mobileNumber',
    'fax',
    'faxNumber',
    'address',
    'streetAddress',
    'postalAddress',
    'homeAddress',
    'zipCode',
    'postcode',
    'postalCode',
    'fullName',
    'firstName',
    'lastName',
    'givenName',
    'familyName',
    'surname',
    'middleName',
    'maidenName',
    'legalName',
    'recipient',
    // the `contacts` of an OAuth client registration (RFC 7591) or a CRM: people's e-mail addresses
    'contacts',
  ],
  onlineIdentifiers: ['ipAddress', 'deviceId', 'cookieId', 'macAddress'],
  personalDates: ['dateOfBirth', 'dob', 'birthDate', 'birthday'],
  healthData: [
    'diagnosis',
    'medicalRecordNumber',
    'mrn',
    'prescription',
    'medicalCondition',
    'healthCondition',
    'insuranceId',
    'healthPlanId',
    'healthPlanNumber',
    'bloodType',
  ],
  specialCategories: [
    'religion',
    'ethnicity',
    'politicalOpinion',
    'sexualOrientation',
    'biometric',
    'genetic',
    'tradeUnion',
  ],
  financialAccounts: ['iban', 'accountNumber', 'bankAccount', 'bankAccountNumber', 'routingNumber', 'salary'],
});

/** Categories active whatever the regulations (secrets always; card data as a good default). */
export const ALWAYS_ACTIVE_CATEGORIES: readonly SensitiveCategory[] = Object.freeze(['credentials', 'cardData']);

/** State-changing methods: every regulation requires auditing them. */
export const MUTATING_METHODS: readonly HttpMethod[] = Object.freeze(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Human names of the categories, for report messages ("logs card data unmasked"). */
export const CATEGORY_TITLES: Readonly<Record<SensitiveCategory, string>> = Object.freeze({
  credentials: 'credentials',
  cardData: 'card data',
  governmentIds: 'government ID',
  contactData: 'contact data',
  onlineIdentifiers: 'online identifier',
  personalDates: 'personal date',
  healthData: 'health data',
  specialCategories: 'special-category data',
  financialAccounts: 'financial account data',
});

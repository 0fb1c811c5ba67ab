/** Words of identifiers: how names are read (`sendAuditLog` → send, audit, log). */

/** `APIKey` → API, Key; `userIDs` → user, IDs; `userID2` → user, ID, 2; other letters (CJK…) form their own words. */
const WORD = /\p{Lu}{2,}s(?![\p{Ll}\p{M}])|\p{Lu}?[\p{Ll}\p{M}]+|\p{Lu}+[\p{M}]*(?![\p{Ll}])|[\p{Lt}\p{Lo}\p{Lm}][\p{M}]*(?:[\p{Lo}\p{Lm}][\p{M}]*)*|\p{N}+/gu;

/**
 * Splits an identifier (or any text) into lower-case words: camelCase, PascalCase, snake_case, kebab-case, SCREAMING_CASE,
 * acronyms and digit runs. `userPasswordHash` → user, password, hash; `DB_PASSWORD` → db, password; `APIKey` → api, key;
 * `x-api-key` → x, api, key; `cardNumber2` → card, number, 2; `$__proto__` → proto.
 */
export function splitWords(name: string): string[] {
  return Array.from(name.matchAll(WORD), (match) => match[0].toLowerCase());
}

/** Whether `word` (lower case) is one of the words of `name` (`hasWord('sendAudit', 'audit')`, not `'auditorium'`). */
export function hasWord(name: string, word: string): boolean {
  return splitWords(name).includes(word);
}

/**
 * Masks a value for logs: keeps the e-mail domain, or the last four characters of anything else.
 */
export function mask(value: string | null | undefined): string {
  if (!value) return '';
  const at = value.indexOf('@');
  if (at > 0) return `***${value.slice(at)}`;
  return value.length <= 4 ? '****' : `****${value.slice(-4)}`;
}

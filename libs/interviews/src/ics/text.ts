/** RFC 5545 content-line rules (section 3.1 and 3.3.11). */

export const CRLF = '\r\n';

// TEXT values may not contain control characters other than HTAB (RFC 5545 3.3.11).
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/g;

export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(CONTROL, '');
}

/**
 * A parameter value (e.g. CN). A DQUOTE cannot be escaped in a parameter (RFC 6868 aside, which
 * few clients implement), so it is dropped; values with `:;,` must be quoted to stay one value.
 */
export function paramValue(value: string): string {
  const clean = value.replace(/"/g, '').replace(CONTROL, '');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

/** Folds at 75 octets, counting UTF-8 bytes, and only between code points. */
export function fold(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Length(char.codePointAt(0)!);
    if (octets + size > 75) {
      parts.push(current);
      current = ' '; // the continuation marker counts towards the next line's 75 octets
      octets = 1;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(CRLF);
}

function utf8Length(codePoint: number): number {
  // a lone surrogate is encoded as U+FFFD, 3 bytes
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
}

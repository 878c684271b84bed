import { stripTrailing } from '../text/lines';

/*
 * The bits of Markdown syntax shared by the exporter and the Markdown reader, kept together so the
 * two cannot drift apart.
 */

/** First line of an exported guide; a guide carrying it is read literally (see parse-markdown.ts). */
export const EXPORT_MARKER =
  '<!-- Exported from Scorecards (scorecards.question-set v1). Edit it freely and import it again. -->';
// Was /^<!--.*\bscorecards\.question-set\b.*-->$/: the two `.*` around a word that repeats made
// it quadratic on a long comment line (seconds per megabyte, blocking the event loop). The ends
// are checked as strings and the word is searched once, unanchored, which is linear.
const MARKER_WORD = /\bscorecards\.question-set\b/;

export function isExportMarker(line: string): boolean {
  const text = line.trim();
  return text.length >= 7 && text.startsWith('<!--') && text.endsWith('-->') && MARKER_WORD.test(text.slice(4, -3));
}

// Prose lines that would read as structure get a backslash, as Markdown itself does ("\# not a heading").
const PROSE_NEEDS_ESCAPE = /^\s*(?:#|\*\*|\\|<!--)/;
// The set description is read outside any block, where list items ("- Level: …"), rules and
// emphasis lines mean something too.
const DESCRIPTION_NEEDS_ESCAPE = /^\s*[-*+•_#\\<]/;

export function escapeProse(text: string, kind: 'prose' | 'description' = 'prose'): string {
  const pattern = kind === 'description' ? DESCRIPTION_NEEDS_ESCAPE : PROSE_NEEDS_ESCAPE;
  return text
    .split('\n')
    .map((line) => (pattern.test(line) ? line.replace(/^(\s*)/, '$1\\') : line))
    .join('\n');
}

export function unescapeProse(line: string): string {
  return line.replace(/^(\s*)\\(?=[#*\\<\-+•_])/, '$1');
}

export interface Heading {
  level: number;
  text: string;
}

export function heading(line: string): Heading | undefined {
  const match = /^(#{1,6})\s+/.exec(line.trim());
  if (!match) return undefined;
  let text = line.trim().slice(match[0].length);
  // "## Title ##": closing hashes after a space are decoration; "C#" is not.
  const unclosed = stripTrailing(text, '#');
  if (unclosed.length < text.length && (unclosed === '' || unclosed.endsWith(' '))) text = unclosed;
  text = text.replace(/\s+/g, ' ').trim();
  return text ? { level: match[1].length, text } : undefined;
}

/** "**Follow-up questions**", "**What to look for:**", "__Why we ask__:", "**Sample answer:** text". */
export function boldLabel(line: string): { label: string; rest: string } | undefined {
  const match = /^(\*\*|__)(.+?)\1\s*:?\s*(.*)$/.exec(line.trim());
  return match ? { label: match[2].replace(/\s*:$/, '').trim(), rest: match[3].trim() } : undefined;
}

export function isRule(line: string): boolean {
  return /^\s*(?:[-*_]\s*){3,}$/.test(line);
}

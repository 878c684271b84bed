import type { Criterion, FollowUp } from '../guide.types';
import { stripTrailing } from './lines';

/**
 * Splits a "what to look for" paragraph into criteria at its top-level list separators:
 * "Understanding of X, Y algorithms, and trade-offs between A and B." ->
 * ["Understanding of X", "Y algorithms", "Trade-offs between A and B"].
 * Semicolons, when present, are the separators and commas stay inside items; otherwise commas are,
 * and the final "and" joins the last two items only when there is no Oxford comma.
 */
export function splitCriteria(paragraph: string): string[] {
  const text = stripTrailing(paragraph.trim(), '.;,');
  const bySemicolon = splitTopLevel(text, ';');
  const parts = bySemicolon.length > 1 ? bySemicolon : splitCommaList(text);
  return parts.map(cleanLabel).filter((label) => label.length > 0 && !/^etc\.?$/i.test(label));
}

function splitCommaList(text: string): string[] {
  const parts = splitTopLevel(text, ',');
  if (parts.length < 2) return parts;
  const last = parts[parts.length - 1];
  if (/^\s*(?:and|or|as well as)\s/i.test(last)) return parts;
  // "A, B and C": only the first top-level "and" of the final item separates; later ones belong to it.
  const join = firstTopLevelJoin(last);
  if (join === undefined) return parts;
  return [...parts.slice(0, -1), last.slice(0, join.index), last.slice(join.index + join.length)];
}

/** Splits at `separator` outside brackets. */
export function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(' || ch === '[' || ch === '{') depth++;
    else if ((ch === ')' || ch === ']' || ch === '}') && depth > 0) depth--;
    else if (ch === separator && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/** The first " and " / " or " outside brackets, scanning once so long input stays linear. */
function firstTopLevelJoin(text: string): { index: number; length: number } | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if ('([{'.includes(ch)) depth++;
    else if (')]}'.includes(ch) && depth > 0) depth--;
    else if (depth === 0 && /\s/.test(ch)) {
      const join = /^\s(?:and|or)\s/i.exec(text.slice(i, i + 5));
      if (join) return { index: i, length: join[0].length };
    }
  }
  return undefined;
}

function cleanLabel(part: string): string {
  const label = stripTrailing(part.trim().replace(/^(?:and|or|as well as)\s+/i, ''), '.;,: ');
  return label.charAt(0).toUpperCase() + label.slice(1);
}

// A bold label lets a label contain ": " and still round-trip through Markdown; a leading backslash
// escapes a label that itself starts with "*".
const BOLD_ITEM = /^\*\*(.+?)\*\*\s*:?\s*(.*)$/;
const ITEM_SEPARATOR = /:\s+|\s+[—–]\s+/;

/** "- Ownership: takes responsibility for the outcome" -> { label, description }. */
export function parseCriterionItem(item: string): Criterion {
  const escaped = /^\\[*\\]/.test(item);
  const text = escaped ? item.slice(1) : item;
  const bold = escaped ? null : BOLD_ITEM.exec(text);
  if (bold) return withDescription(bold[1], bold[2]);
  const sep = ITEM_SEPARATOR.exec(text);
  if (!sep || sep.index === 0) return { label: text };
  return withDescription(text.slice(0, sep.index), text.slice(sep.index + sep[0].length));
}

function withDescription(label: string, description: string): Criterion {
  return description.trim() ? { label: label.trim(), description: description.trim() } : { label: label.trim() };
}

const CHECKS_SUFFIX = /\s+[—–-]\s+checks:\s+/i;

/** "How do you handle bursts? — checks: capacity planning" -> { prompt, checks }. */
export function parseFollowUpItem(text: string): FollowUp {
  const sep = CHECKS_SUFFIX.exec(text);
  const checks = sep ? text.slice(sep.index + sep[0].length).trim() : '';
  return sep && checks ? { prompt: text.slice(0, sep.index).trim(), checks } : { prompt: text };
}

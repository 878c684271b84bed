import type { QuestionType } from '../guide.types';
import { typeFromWord } from './headings';

export interface GuideTitle {
  name: string;
  positionFamily?: string;
  level?: string;
  /** "Product Designer Behavioral Interview Questions" states the type of every question. */
  type?: QuestionType;
}

const MAX_TITLE = 150;
const TYPE_WORD = String.raw`(?:(technical|behaviou?ral|situational)\s+)?`;
const ROLE_PATTERNS: RegExp[] = [
  new RegExp(
    String.raw`^(.+?)\s+${TYPE_WORD}interview\s+(?:questions?|guide|question guide|kit)(?:\s+(?:and|&)\s+answers)?$`,
    'i',
  ),
  new RegExp(String.raw`^${TYPE_WORD}interview\s+questions?\s+for\s+(?:an?\s+|the\s+)?(.+)$`, 'i'),
  new RegExp(String.raw`^(.+?)\s+${TYPE_WORD}questions(?:\s+(?:and|&)\s+answers)?$`, 'i'),
];
const LEVEL = /^(junior|jr\.?|mid[- ]level|mid|senior|sr\.?|staff|principal|entry[- ]level|graduate|intern)\s+(.+)$/i;

/**
 * Reads the first line of a guide as its title when it looks like one (short, no sentence
 * punctuation) and pulls the role out of "<Role> interview questions" style titles.
 */
export function parseTitle(text: string): GuideTitle | undefined {
  if (text.length > MAX_TITLE || /[.?!,;]$/.test(text)) return undefined;
  const core = text
    .replace(/^(?:the\s+)?(?:top\s+|best\s+)?\d{1,3}\s+(?:best\s+|common\s+|essential\s+)?/i, '')
    .replace(/\s*\([^()]*\)$/, '')
    .replace(/\s*(?::|\s[–—-])\s.*$/, '')
    .trim();
  for (const pattern of ROLE_PATTERNS) {
    const match = pattern.exec(core);
    if (!match) continue;
    const [role, typeWord] = pattern === ROLE_PATTERNS[1] ? [match[2], match[1]] : [match[1], match[2]];
    return { name: text, ...splitLevel(role.trim()), ...(typeWord ? { type: typeFromWord(typeWord) } : {}) };
  }
  return { name: text };
}

function splitLevel(role: string): { positionFamily?: string; level?: string } {
  const match = LEVEL.exec(role);
  if (!match) return { positionFamily: role };
  const level = match[1].replace(/^sr\.?$/i, 'Senior').replace(/^jr\.?$/i, 'Junior');
  return { positionFamily: match[2], level };
}

/** A line of input with its list marker (if any) split off; the unit every parser works on. */
export interface Line {
  /** 1-based line number in the input. */
  no: number;
  /** The line as typed, without its line ending. */
  raw: string;
  /** Leading whitespace width, a tab counting as four columns. */
  indent: number;
  marker?: 'bullet' | 'number';
  number?: number;
  /** Content without the list marker, trimmed, whitespace runs collapsed (so patterns never backtrack over them). */
  text: string;
  blank: boolean;
}

const BULLET = /^(?:[-*+–—]\s+|[•◦▪‣·●]\s*)(.*)$/;
// "1. ", "2) ", "(3) ", "Q4: ", "Question 5. ": numbering styles seen in pasted guides.
const NUMBERED = /^(?:\((\d{1,3})\)|(?:q(?:uestion)?\s*)?(\d{1,3})\s*[.):])\s+(.*)$/i;

export function toLines(input: string): Line[] {
  return input.split(/\r\n|\r|\n/).map((raw, i) => toLine(raw, i + 1));
}

export function toLine(raw: string, no: number): Line {
  const trimmed = raw.replace(/\s+/g, ' ').trim();
  const indent = leadingWidth(raw);
  if (!trimmed) return { no, raw, indent, text: '', blank: true };
  const numbered = NUMBERED.exec(trimmed);
  if (numbered) {
    return {
      no,
      raw,
      indent,
      marker: 'number',
      number: Number(numbered[1] ?? numbered[2]),
      text: numbered[3].trim(),
      blank: false,
    };
  }
  const bullet = BULLET.exec(trimmed);
  if (bullet && bullet[1].trim()) return { no, raw, indent, marker: 'bullet', text: bullet[1].trim(), blank: false };
  return { no, raw, indent, text: trimmed, blank: false };
}

function leadingWidth(raw: string): number {
  let width = 0;
  for (const ch of raw) {
    if (ch === ' ') width += 1;
    else if (ch === '\t') width += 4;
    else break;
  }
  return width;
}

/** Removes trailing characters from `chars` without a regex, which would be quadratic on long runs. */
export function stripTrailing(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1])) end--;
  return text.slice(0, end);
}

import MarkdownIt from 'markdown-it';
import { toLine, type Line } from '../text/lines';
import type { Heading } from './syntax';

/** A line of a Markdown guide with what markdown-it says it is; `text` has its inline markup rendered to plain text. */
export interface MarkdownLine extends Line {
  /** Set on the first line of an ATX or setext heading. */
  heading?: Heading;
  /** Inside a fenced or indented code block (fence lines included): kept verbatim, never structure. */
  code?: boolean;
  /** A setext underline: decoration of the heading above it. */
  underline?: boolean;
  /** Set on the first line of a table: its last line (tables are reported, not imported). */
  tableEnd?: number;
  /** A line of a table after its first. */
  inTable?: boolean;
}

// Tables on (GFM), raw HTML off: pasted HTML stays text and is never interpreted.
const MAX_SETEXT_TITLE = 200;

const md = new MarkdownIt('default', { html: false, linkify: false, typographer: false });
// Blocks only: inline markup is rendered per line below, where it is needed.
const blocks = new MarkdownIt('default', { html: false, linkify: false, typographer: false }).disable([
  'inline',
  'text_join',
]);
// Longer than any prompt or label may be. markdown-it's emphasis pass on a megabyte of unmatched
// delimiters takes seconds, so such a line is kept as typed.
const MAX_INLINE = 5000;

/**
 * Reads the guide with markdown-it once and annotates each input line: headings (ATX and setext)
 * with their text rendered plain, code block lines, tables. The line-based guide parser then
 * applies its heuristics to these lines, so a `#` inside a fenced code block is never a heading.
 */
export function annotateMarkdown(lines: Line[]): MarkdownLine[] {
  const out: MarkdownLine[] = lines.map((line) =>
    line.blank ? { ...line } : { ...line, text: plainInline(line.text) },
  );
  const tokens = blocks.parse(lines.map((l) => shallow(l.raw)).join('\n'), {});
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const map = token.map;
    if (!map) continue;
    if (token.type === 'heading_open') {
      const text = plainInline(tokens[i + 1]?.content ?? '');
      const at = out[map[0]];
      const setext = token.markup === '=' || token.markup === '-';
      // A pasted paragraph with a "---" separator right under it is a setext heading to CommonMark;
      // only a short single line reads as a heading to a person.
      if (setext && !isSetextTitle(map, text)) continue;
      if (at && text) at.heading = { level: Number(token.tag.slice(1)), text };
      if (setext && out[map[1] - 1]) out[map[1] - 1].underline = true;
    } else if (token.type === 'fence' || token.type === 'code_block') {
      for (let n = map[0]; n < map[1] && n < out.length; n++) out[n].code = true;
    } else if (token.type === 'table_open') {
      const first = out[map[0]];
      if (first) first.tableEnd = map[1];
      for (let n = map[0] + 1; n < map[1] && n < out.length; n++) out[n].inTable = true;
    }
  }
  return out;
}

// markdown-it stops parsing at its nesting limit (100) and the innermost container swallows the rest
// of the document, so a deeply nested paste would hide every heading after it. Lines are made
// shallower before parsing: leading indentation and container markers are capped, which keeps
// real guides (a few levels deep) exactly as they are.
const MAX_INDENT = 30;
const MAX_MARKERS = 12;

export function shallow(raw: string): string {
  let i = 0;
  let markers = 0;
  let cutAt = -1;
  while (i < raw.length) {
    const ch = raw[i];
    if (ch === ' ' || ch === '\t') {
      i++;
      continue;
    }
    const marker = containerMarker(raw, i);
    if (marker === 0) break;
    if (++markers === MAX_MARKERS) cutAt = i;
    i += marker;
  }
  let line = raw;
  if (cutAt >= 0) line = raw.slice(0, cutAt) + raw.slice(i);
  const indent = line.length - line.trimStart().length;
  return indent > MAX_INDENT ? ' '.repeat(MAX_INDENT) + line.slice(indent) : line;
}

/** Length of a blockquote or list marker at `i` ("> ", "- ", "12. "), 0 if none. */
function containerMarker(raw: string, i: number): number {
  const ch = raw[i];
  if (ch === '>') return 1;
  const space = (at: number) => at >= raw.length || raw[at] === ' ' || raw[at] === '\t';
  if ((ch === '-' || ch === '*' || ch === '+') && space(i + 1)) return 1;
  let j = i;
  while (j < raw.length && j - i < 9 && raw[j] >= '0' && raw[j] <= '9') j++;
  return j > i && (raw[j] === '.' || raw[j] === ')') && space(j + 1) ? j + 1 - i : 0;
}

function isSetextTitle(map: [number, number], text: string): boolean {
  return map[1] - map[0] === 2 && text.length <= MAX_SETEXT_TITLE && !/[.,;:]$/.test(text);
}

/** "[Why](#why) *this* `job`?" -> "Why this job?": links, emphasis and code spans as the reader sees them. */
export function plainInline(text: string): string {
  if (text.length > MAX_INLINE || !/[*_`[\]\\<&!]/.test(text)) return text;
  const tokens = md.parseInline(text, {})[0]?.children ?? [];
  return renderPlain(tokens).replace(/\s+/g, ' ').trim();
}

type Token = MarkdownIt.Token;

function renderPlain(tokens: Token[]): string {
  let out = '';
  for (const t of tokens) {
    if (t.type === 'text' || t.type === 'code_inline' || t.type === 'html_inline') out += t.content;
    else if (t.type === 'image') out += t.children ? renderPlain(t.children) : t.content;
    else if (t.type === 'softbreak' || t.type === 'hardbreak') out += ' ';
  }
  return out;
}

/** A Markdown line as the text reader sees it once the Markdown is taken away. */
export function plainLine(line: MarkdownLine): Line {
  if (line.heading) return toLine(line.heading.text, line.no);
  if (line.underline || line.inTable || line.tableEnd !== undefined) return toLine('', line.no);
  return line;
}

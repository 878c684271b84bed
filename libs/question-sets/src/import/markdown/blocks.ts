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
const blocks = new MarkdownIt('default', { html: false, linkify: false, typographer: false }).disable(['inline', 'text_join']);
// Longer than any prompt or label may be. markdown-it's emphasis pass on a megabyte of unmatched
// delimiters takes seconds, so such a line is kept as typed.
const MAX_INLINE = 5000;

/**
 * Reads the guide with markdown-it once and annotates each input line: headings (ATX and setext)
 * with their text rendered plain, code block lines, tables. The line-based guide parser then
 * applies its heuristics to these lines, so a `#` inside a fenced code block is never a heading.
 */
export function annotateMarkdown(lines: Line[]): MarkdownLine[] {
  const out: MarkdownLine[] = lines.map((line) => (line.blank ? { ...line } : { ...line, text: plainInline(line.text) }));
  const tokens = blocks.parse(lines.map((l) => l.raw).join('\n'), {});
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

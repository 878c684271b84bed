import { GuideFormatError } from './guide-error';
import type { ImportFormat, ParseResult, ParsedQuestion, SetDraft } from './guide.types';
import { readJsonGuide } from './json/parse-json';
import { checkLimits, fitLimits, fitQuestionCount, MAX_INPUT } from './limits';
import { parseMarkdownLines } from './markdown/parse-markdown';
import { annotateMarkdown, type MarkdownLine } from './markdown/blocks';
import { boldLabel, isExportMarker } from './markdown/syntax';
import { normaliseSet } from './normalize';
import { finishQuestions, type GuideParse } from './questions';
import { ReportBuilder } from './report';
import { blockHeading } from './text/headings';
import { toLines, type Line } from './text/lines';
import { parseTextLines } from './text/parse-text';

export const DEFAULT_SET_NAME = 'Imported question set';

// Above this share of undecodable or control characters the input is not text someone typed.
const MAX_JUNK_RATIO = 0.05;
const JUNK = /[\u0001-\u0008\u000E-\u001F\u007F\uFFFD]/g;

/**
 * Turns a pasted interview guide into a draft question set and a report of what was recognised,
 * inferred and skipped. `format` 'auto' picks JSON for our JSON export, Markdown for text with
 * Markdown headings or bold block labels, plain text otherwise. `defaults.name` names the set when
 * the guide has no title. Throws GuideFormatError when nothing can be imported.
 */
export function parseGuide(
  input: string,
  format: 'auto' | ImportFormat = 'auto',
  defaults?: { name?: string },
): ParseResult {
  const text = sanitise(input);
  const report = new ReportBuilder();
  const json =
    format === 'json' || (format === 'auto' && text.trimStart().startsWith('{'))
      ? tryJson(text, format === 'json')
      : undefined;
  if (json?.ok) {
    const { set, questions } = readJsonGuide(json.value, text, report);
    checkLimits(set, questions, (i) => ({ name: `questions[${i}]` }));
    return { set, questions, report: report.build('json', questions) };
  }
  const lines = toLines(text);
  warnUndecodable(lines, report);
  const exported = format !== 'text' && lines.some((line) => isExportMarker(line.raw));
  const annotated = format === 'text' || exported ? undefined : annotateMarkdown(lines);
  const detected: ImportFormat =
    format === 'auto' ? (exported || looksLikeMarkdown(annotated ?? []) ? 'markdown' : 'text') : format;
  const parse = detected === 'markdown' ? parseMarkdownLines(lines, report, annotated) : parseTextLines(lines, report);
  if (parse.questions.length === 0) {
    const hint = json && !json.ok ? ` The input starts with "{" but is not valid JSON: ${json.error}` : '';
    throw new GuideFormatError(`No interview questions found in the guide.${hint}`, undefined, {
      skipped: report.skippedLines,
    });
  }
  const questions = finishQuestions(fitQuestionCount(parse.questions, report), report);
  const set = toSet(parse, defaults?.name);
  fitLimits(set, questions, (i) => locate(questions[i], i), report);
  return { set, questions, report: report.build(detected, questions) };
}

function sanitise(input: unknown): string {
  if (typeof input !== 'string') throw new GuideFormatError('The guide must be text');
  if (input.length > MAX_INPUT) {
    throw new GuideFormatError(`The guide is ${input.length} characters; at most ${MAX_INPUT} are allowed`, undefined, {
      limit: 'MAX_INPUT',
      max: MAX_INPUT,
      actual: input.length,
    });
  }
  const nul = input.indexOf('\u0000');
  if (nul >= 0)
    throw new GuideFormatError(
      'The guide contains NUL bytes; it looks like a binary file, not text',
      lineAt(input, nul),
    );
  // a lone surrogate (from a JSON "\ud800" escape) cannot be stored as UTF-8 text
  if (!(input as string & { isWellFormed(): boolean }).isWellFormed()) {
    const at = input.search(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    throw new GuideFormatError(
      'The guide contains invalid Unicode (a lone surrogate); save it as UTF-8 text',
      at >= 0 ? lineAt(input, at) : undefined,
    );
  }
  const text = input
    .replace(/^\uFEFF/, '')
    .replace(/[\u00A0\u2007\u202F]/g, ' ')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '');
  if (!text.trim()) throw new GuideFormatError('The guide is empty');
  const junk = text.match(JUNK)?.length ?? 0;
  const visible = text.replace(/\s+/g, '').length;
  if (junk > 0 && junk / visible > MAX_JUNK_RATIO) {
    throw new GuideFormatError(
      `The guide looks like binary data or was not saved as UTF-8 (${junk} of ${visible} characters cannot be read)`,
      lineAt(text, text.search(JUNK)),
      { junk, visible },
    );
  }
  return text;
}

function tryJson(text: string, explicit: boolean): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (!explicit) return { ok: false, error: message };
    const position = /position (\d+)/.exec(message);
    throw new GuideFormatError(
      `The guide is not valid JSON: ${message}`,
      position ? lineAt(text, Number(position[1])) : undefined,
    );
  }
}

/** Markdown headings (ATX or setext, as markdown-it reads them) or bold block labels ("**What to look for**"). */
function looksLikeMarkdown(lines: MarkdownLine[]): boolean {
  return lines.some((line) => {
    if (line.blank || line.code) return false;
    if (line.heading) return true;
    const bold = boldLabel(line.raw);
    return bold !== undefined && blockHeading(bold.label) !== undefined;
  });
}

function warnUndecodable(lines: Line[], report: ReportBuilder): void {
  for (const line of lines) {
    if (line.raw.includes('\uFFFD'))
      report.warn(line.no, `Line ${line.no} has characters that could not be decoded (shown as �); check the text`);
  }
}

function toSet(parse: GuideParse, defaultName: string | undefined): SetDraft {
  return normaliseSet({
    name: parse.name ?? defaultName ?? DEFAULT_SET_NAME,
    description: parse.description,
    positionFamily: parse.positionFamily,
    level: parse.level,
    tags: parse.tags,
  });
}

function locate(q: ParsedQuestion, index: number): { name: string; line: number } {
  return { name: `Question ${index + 1} (line ${q.line})`, line: q.line };
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

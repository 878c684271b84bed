import type { QuestionType } from '../guide.types';
import { appendAll, newQuestion, Prose, type GuideParse, type QuestionBuilder } from '../questions';
import { excerpt, type ReportBuilder } from '../report';
import { parseCriterionItem, parseFollowUpItem, splitCriteria } from '../text/criteria';
import {
  blockHeading,
  blockMessage,
  checksSentence,
  criteriaSentence,
  isMarketing,
  isShortName,
  isUnrelatedSection,
  looksLikeQuestion,
  metaLine,
  sectionHeading,
  splitWords,
  type BlockHeading,
} from '../text/headings';
import { toLine, type Line } from '../text/lines';
import { parseTextLines } from '../text/parse-text';
import { parseTitle } from '../text/title';
import { questionKey } from '../questions';
import { annotateMarkdown, plainInline, plainLine, type MarkdownLine } from './blocks';
import { boldLabel, heading, isExportMarker, isRule, unescapeProse, type Heading } from './syntax';

type ProseField = 'why' | 'frameworkDescription' | 'example';

type State =
  | { kind: 'preamble' } // before the title
  | { kind: 'description' } // after the title: description paragraphs, then the metadata list
  | { kind: 'section' } // after a section heading, before its first question
  | { kind: 'question' } // after a question heading, before its first block
  | { kind: 'list'; list: 'followUps' | 'criteria'; itemIndent: number }
  | { kind: 'prose'; field: ProseField }
  | { kind: 'frameworkName' }
  // job-hunting advice, skipped whole up to the next heading of its level
  | { kind: 'unrelated'; level: number; line: number; title: string; last: number };

const METADATA = /^(position family|position|role|level|seniority|tags?|version)\s*:\s*(.*)$/i;

/**
 * Reads Markdown guides: our own export, hand-written variants of it (questions as `###`
 * headings) and interview-prep articles from the web (an intro, a numbered list of the questions,
 * each question again as a heading with why it is asked and a sample answer, then job-hunting
 * sections that are skipped). markdown-it reads the Markdown (see blocks.ts); the heuristics here
 * decide what its headings, lists and paragraphs mean. Markdown without question headings is
 * list-shaped like a text guide, so it is stripped of its markup and read by the text parser.
 *
 * A guide carrying the export marker is read literally: prose blocks run to the next block label
 * whatever they contain, and nothing is guessed (no title-derived role, no marketing filter), so an
 * export always parses back to exactly what was exported.
 */
export function parseMarkdownLines(input: Line[], report: ReportBuilder, annotated?: MarkdownLine[]): GuideParse {
  const strict = input.some((line) => isExportMarker(line.raw));
  const lines = strict ? input.map(literal) : withBoldQuestions(annotated ?? annotateMarkdown(input));
  if (!strict && !lines.some(isQuestionHeading)) return parseTextLines(lines.map(demarkdown), report);
  const parser = new MarkdownGuideParser(report, strict, headingKeys(lines));
  for (const line of lines) parser.accept(line);
  return parser.finish();
}

/** An export is read with the exporter's own heading syntax, nothing else. */
function literal(line: Line): MarkdownLine {
  const h = heading(line.raw);
  return h ? { ...line, heading: h } : line;
}

function isQuestionHeading(line: MarkdownLine): boolean {
  const h = line.heading;
  return (
    h !== undefined &&
    h.level > 1 &&
    !isUnrelatedSection(h.text) &&
    !sectionHeading(h.text) &&
    !blockHeading(h.text) &&
    questionHeading(h) !== undefined
  );
}

/** The prompt of a question heading ("### 3. Prompt"), if the heading is one. */
function questionHeading(h: Heading): string | undefined {
  const numbered = toLine(h.text, 0);
  if (numbered.marker === 'number') return numbered.text;
  return h.level >= 3 || h.text.endsWith('?') ? h.text : undefined;
}

const BOLD_LINE = /^(\*\*|__)([^*_].*?)\1$/;

/**
 * Articles that mark their questions as bold lines ("**1. Why do you want this job?**") instead of
 * headings: when no heading is a question, such lines count as `###` headings.
 */
function withBoldQuestions(lines: MarkdownLine[]): MarkdownLine[] {
  if (lines.some(isQuestionHeading)) return lines;
  return lines.map((line) => {
    if (line.code || line.heading || line.marker) return line;
    const bold = BOLD_LINE.exec(line.raw.trim());
    if (!bold) return line;
    const text = plainInline(bold[2]).replace(/:$/, '').trim();
    const h = { level: 3, text };
    const numbered = toLine(text, 0).marker === 'number';
    return (numbered || text.endsWith('?')) && isQuestionHeading({ ...line, heading: h })
      ? { ...line, heading: h }
      : line;
  });
}

/** The questions the guide details under headings, so that its list of them is not read twice. */
function headingKeys(lines: MarkdownLine[]): Set<string> {
  const keys = new Set<string>();
  for (const line of lines) {
    const prompt = line.heading && isQuestionHeading(line) ? questionHeading(line.heading) : undefined;
    if (prompt !== undefined) keys.add(questionKey(prompt));
  }
  return keys;
}

function demarkdown(marked: MarkdownLine): Line {
  const line = plainLine(marked);
  if (line !== marked) return line;
  if (isRule(line.raw) || line.raw.trim().startsWith('<!--')) return toLine('', line.no);
  const bold = boldLabel(line.raw);
  if (bold && blockHeading(bold.label)) return toLine(bold.rest ? `${bold.label}: ${bold.rest}` : bold.label, line.no);
  return line;
}

class MarkdownGuideParser {
  private state: State = { kind: 'preamble' };
  private readonly result: GuideParse = { tags: [], questions: [] };
  private readonly description = new Prose();
  private titleType?: QuestionType;
  private sectionType?: QuestionType;
  private metadataSeen = false;
  /** The question blocks attach to: the last one started, or the listed one a heading details. */
  private current?: QuestionBuilder;
  /** 1-based number of `current`, for the report. */
  private n = 0;
  private readonly byKey = new Map<
    string,
    { question: QuestionBuilder; n: number; listedAt?: number; detailed: boolean }
  >();
  private headingSeen = false;

  constructor(
    private readonly report: ReportBuilder,
    private readonly strict: boolean,
    private readonly detailedKeys: Set<string>,
  ) {}

  accept(line: MarkdownLine): void {
    if (line.blank) return this.blank();
    if (line.underline || line.inTable) return;
    if (line.tableEnd !== undefined) return this.table(line, line.tableEnd);
    if (line.heading) return this.heading(line, line.heading);
    if (this.state.kind === 'unrelated') {
      this.state.last = line.no;
      return;
    }
    if (line.code) return this.codeLine(line);
    if (isExportMarker(line.raw)) return this.report.recognise(line.no, 'Scorecards export: read as written');
    const label = this.blockLabel(line);
    if (label && this.current) return this.openBlock(line, label.block, label.message, this.current);
    if (this.state.kind === 'prose') return this.proseLine(line, this.state.field);
    if (isRule(line.raw)) return;
    if (line.raw.trim().startsWith('<!--') || (!this.strict && isMarketing(line.text)))
      return this.report.skip(line.no, line.text);
    if (this.listedQuestion(line)) return;
    this.byState(line);
  }

  finish(): GuideParse {
    this.closeUnrelated();
    return { ...this.result, description: this.description.text };
  }

  private blank(): void {
    const s = this.state;
    if (s.kind === 'prose') this.current?.[s.field].gap();
    else if (s.kind === 'description') this.description.gap();
  }

  /** Tables have no place in a question set; one report line says where the table was. */
  private table(line: Line, end: number): void {
    if (this.state.kind === 'unrelated') {
      this.state.last = end;
      return;
    }
    const lines = end > line.no ? `lines ${line.no}–${end}` : `line ${line.no}`;
    this.report.skipMessage(line.no, `Skipped: table (${lines}); tables are not imported, write its content as text`);
  }

  /** Fenced or indented code: part of the prose it sits in (a sample answer, usually), never structure. */
  private codeLine(line: Line): void {
    const s = this.state;
    if (s.kind === 'prose' && this.current) return this.current[s.field].add(line.raw.trimEnd());
    if (s.kind === 'question' && this.current) {
      this.state = { kind: 'prose', field: 'why' };
      return this.current.why.add(line.raw.trimEnd());
    }
    this.report.skip(line.no, line.text);
  }

  /**
   * An article's list of its questions before it details them: each listed question is imported
   * once, and the heading that details it later adds to the same question.
   */
  private listedQuestion(line: Line): boolean {
    const s = this.state.kind;
    if (this.strict || !line.marker || (s !== 'preamble' && s !== 'description' && s !== 'section')) return false;
    const key = questionKey(line.text);
    const listed =
      this.detailedKeys.has(key) || (line.marker === 'number' && !this.headingSeen && looksLikeQuestion(line.text));
    if (!listed) return false;
    const known = this.byKey.get(key);
    if (known) {
      this.report.recognise(
        line.no,
        `Question ${known.n} listed again (first at line ${known.listedAt ?? known.question.line})`,
      );
      return true;
    }
    const q = newQuestion(line.no, line.text, { statedType: this.sectionType ?? this.titleType });
    this.result.questions.push(q);
    this.current = q;
    this.n = this.result.questions.length;
    this.byKey.set(key, { question: q, n: this.n, listedAt: line.no, detailed: false });
    this.report.recognise(line.no, `Question ${this.n} (listed)`);
    return true;
  }

  /** "**What to look for**"; hand-written guides may also use a plain "What to look for:" line. */
  private blockLabel(line: Line): { block: BlockHeading; message: string } | undefined {
    const n = this.n;
    const bold = boldLabel(line.raw);
    if (bold) {
      const block = blockHeading(bold.label);
      if (!block) return undefined;
      return {
        block: { kind: block.kind, inline: block.inline ?? (bold.rest || undefined) },
        message: blockMessage(bold.label, block, n),
      };
    }
    const block = this.strict || line.marker ? undefined : blockHeading(line.text);
    if (!block) return undefined;
    // "*Sample answer:* I would…": the label is matched on the plain text, the answer keeps its markup.
    const inline = block.inline && !this.strict ? afterLabel(line.raw, block.inline) : block.inline;
    return { block: { kind: block.kind, inline }, message: blockMessage(line.text, block, n) };
  }

  private heading(line: Line, h: Heading): void {
    if (this.state.kind === 'unrelated') {
      if (h.level > this.state.level) {
        this.state.last = line.no;
        return;
      }
      this.closeUnrelated();
    }
    if (h.level === 1 && this.state.kind === 'preamble') return this.title(line, h.text);
    this.headingSeen = true;
    // In an export every level-3 heading is a question, whatever its prompt says.
    if (this.strict && h.level >= 3) return this.startQuestion(line, questionHeading(h) ?? h.text);
    if (!this.strict && isUnrelatedSection(h.text)) {
      this.state = { kind: 'unrelated', level: h.level, line: line.no, title: h.text, last: line.no };
      return;
    }
    const section = sectionHeading(h.text);
    if (section) return this.startSection(line, h.text, section.type);
    const block = blockHeading(h.text);
    if (block && this.current) return this.openBlock(line, block, blockMessage(h.text, block, this.n), this.current);
    const prompt = questionHeading(h);
    if (prompt === undefined) return this.startSection(line, h.text, undefined);
    this.startQuestion(line, prompt);
  }

  private closeUnrelated(): void {
    const s = this.state;
    if (s.kind !== 'unrelated') return;
    const lines = s.last > s.line ? `lines ${s.line}–${s.last}` : `line ${s.line}`;
    this.report.skipMessage(
      s.line,
      `Skipped section "${excerpt(s.title)}" (${lines}): not about the interview questions`,
    );
    this.state = { kind: 'section' };
    this.sectionType = undefined;
  }

  private startQuestion(line: Line, prompt: string): void {
    const statedType = this.sectionType ?? this.titleType;
    const key = this.strict ? undefined : questionKey(prompt);
    const known = key === undefined ? undefined : this.byKey.get(key);
    if (known) {
      // The heading that details a listed question (or repeats one): the question is imported once.
      const first = known.listedAt ?? known.question.line;
      if (!known.detailed) known.question.line = line.no;
      if (statedType) known.question.statedType = statedType;
      known.detailed = true;
      this.current = known.question;
      this.n = known.n;
      this.report.recognise(
        line.no,
        `Question ${known.n}: details of the question ${known.listedAt ? 'listed' : 'first asked'} at line ${first}`,
      );
    } else {
      const q = newQuestion(line.no, prompt, { statedType });
      this.result.questions.push(q);
      this.current = q;
      this.n = this.result.questions.length;
      if (key !== undefined) this.byKey.set(key, { question: q, n: this.n, detailed: true });
    }
    this.state = { kind: 'question' };
  }

  private title(line: Line, text: string): void {
    this.result.name = text;
    this.state = { kind: 'description' };
    this.report.recognise(line.no, `Title "${text}"`);
    if (this.strict) return;
    const title = parseTitle(text);
    this.result.positionFamily = title?.positionFamily;
    this.result.level = title?.level;
    this.titleType = title?.type;
  }

  private startSection(line: Line, text: string, type: QuestionType | undefined): void {
    this.sectionType = type;
    this.state = { kind: 'section' };
    this.report.recognise(line.no, `Section "${text}": ${type ? `type ${type}` : 'no type stated'}`);
  }

  private openBlock(line: Line, block: BlockHeading, message: string, q: QuestionBuilder): void {
    this.report.recognise(line.no, message);
    const inline = block.inline;
    switch (block.kind) {
      case 'followUps':
      case 'criteria':
        this.state = { kind: 'list', list: block.kind, itemIndent: line.indent };
        if (inline) this.listLine(toLine(inline, line.no), this.state);
        return;
      case 'framework':
        if (inline) q.framework = inline;
        this.state =
          inline || this.strict ? { kind: 'prose', field: 'frameworkDescription' } : { kind: 'frameworkName' };
        return;
      case 'why':
      case 'example': {
        const field = block.kind === 'why' ? 'why' : 'example';
        if (inline) q[field].add(inline);
        this.state = { kind: 'prose', field };
        return;
      }
    }
  }

  private byState(line: Line): void {
    const s = this.state;
    const q = this.current;
    switch (s.kind) {
      case 'description':
        return this.descriptionLine(line);
      case 'question': {
        const meta = line.marker ? undefined : metaLine(line.text);
        if (meta && q) return this.applyMeta(line, meta, q);
        this.report.recognise(line.no, `Question ${this.n}: commentary kept as "why it is asked"`);
        this.state = { kind: 'prose', field: 'why' };
        return this.proseLine(line, 'why');
      }
      case 'list':
        return this.listLine(line, s);
      case 'frameworkName':
        this.state = { kind: 'prose', field: 'frameworkDescription' };
        if (line.marker || !isShortName(line.text) || !q) return this.proseLine(line, 'frameworkDescription');
        q.framework = line.text;
        return this.report.recognise(line.no, `Framework "${line.text}" for question ${this.n}`);
      default:
        return this.report.skip(line.no, line.text);
    }
  }

  private descriptionLine(line: Line): void {
    const bold = boldLabel(line.raw);
    const item = line.marker === 'bullet' ? line.text : bold ? `${bold.label}: ${bold.rest}` : undefined;
    const metadata = item === undefined ? undefined : METADATA.exec(item);
    if (metadata) return this.applyMetadata(line, metadata[1].toLowerCase(), metadata[2].trim());
    if (item !== undefined || this.metadataSeen) return this.report.skip(line.no, line.text);
    this.description.add(unescapeProse(line.raw.trimEnd()));
    this.report.recognise(line.no, 'Set description');
  }

  private applyMetadata(line: Line, key: string, value: string): void {
    this.metadataSeen = true;
    if (key.startsWith('tag')) {
      appendAll(this.result.tags, splitWords(value));
      return this.report.recognise(line.no, `Tags: ${value}`);
    }
    if (key === 'version') return this.report.recognise(line.no, `Version ${value} (informational, not imported)`);
    const field = key === 'level' || key === 'seniority' ? 'level' : 'positionFamily';
    this.result[field] = value || undefined;
    this.report.recognise(line.no, `${field === 'level' ? 'Level' : 'Position family'} "${value}"`);
  }

  private applyMeta(line: Line, meta: NonNullable<ReturnType<typeof metaLine>>, q: QuestionBuilder): void {
    if (meta.timeboxMinutes !== undefined) q.timeboxMinutes = meta.timeboxMinutes;
    if (meta.competencies) appendAll(q.competencies, meta.competencies);
    if (meta.type) q.statedType = meta.type;
    this.report.recognise(line.no, `Question ${this.n}: ${line.text.replace(/[_*]/g, '')}`);
  }

  private listLine(line: Line, s: Extract<State, { kind: 'list' }>): void {
    const q = this.current as QuestionBuilder;
    if (s.list === 'followUps') return this.followUpLine(line, s, q);
    const last = q.criteria[q.criteria.length - 1];
    if (line.marker) {
      s.itemIndent = line.indent;
      q.criteria.push(parseCriterionItem(line.text));
    } else if (last && line.indent > s.itemIndent) {
      if (last.description) last.description = `${last.description} ${line.text}`;
      else last.label = `${last.label} ${line.text}`;
    } else {
      const labels = splitCriteria(criteriaSentence(line.text) ?? line.text);
      appendAll(
        q.criteria,
        labels.map((label) => ({ label })),
      );
      this.report.recognise(
        line.no,
        `Question ${this.n}: ${labels.length} ${labels.length === 1 ? 'criterion' : 'criteria'}`,
      );
    }
  }

  private followUpLine(line: Line, s: Extract<State, { kind: 'list' }>, q: QuestionBuilder): void {
    const last = q.followUps[q.followUps.length - 1];
    const checks = line.marker ? undefined : checksSentence(line.text);
    if (checks !== undefined && last) {
      last.checks = last.checks ? `${last.checks}. ${checks}` : checks;
    } else if (line.marker || line.text.endsWith('?')) {
      s.itemIndent = line.indent;
      q.followUps.push(parseFollowUpItem(line.text));
    } else if (last && line.indent > s.itemIndent) {
      last.prompt = `${last.prompt} ${line.text}`;
    } else {
      this.report.skip(line.no, line.text);
    }
  }

  private proseLine(line: Line, field: ProseField): void {
    const q = this.current as QuestionBuilder;
    if (!this.strict && (isRule(line.raw) || isMarketing(line.text))) {
      if (!isRule(line.raw)) this.report.skip(line.no, line.text);
      return;
    }
    q[field].add(unescapeProse(line.raw.trimEnd()));
  }
}

/** The text after an inline label in the raw line ("*Sample answer:* I **would**…" -> "I **would**…"). */
function afterLabel(raw: string, plainRest: string): string {
  const colon = raw.indexOf(':');
  const rest =
    colon >= 0
      ? raw
          .slice(colon + 1)
          .replace(/^[\s*_]+/, '')
          .trim()
      : '';
  // Only when the raw text says the same as the plain text; otherwise the plain text is safer.
  return rest && plainInline(rest) === plainRest ? rest : plainRest;
}

import type { QuestionType } from '../guide.types';
import { appendAll, newQuestion, Prose, type GuideParse, type QuestionBuilder } from '../questions';
import type { ReportBuilder } from '../report';
import { parseCriterionItem, parseFollowUpItem, splitCriteria } from '../text/criteria';
import {
  blockHeading,
  blockMessage,
  checksSentence,
  criteriaSentence,
  isMarketing,
  isShortName,
  metaLine,
  sectionHeading,
  splitWords,
  type BlockHeading,
} from '../text/headings';
import { toLine, type Line } from '../text/lines';
import { parseTextLines } from '../text/parse-text';
import { parseTitle } from '../text/title';
import { boldLabel, heading, isExportMarker, isRule, unescapeProse, type Heading } from './syntax';

type ProseField = 'why' | 'frameworkDescription' | 'example';

type State =
  | { kind: 'preamble' } // before the title
  | { kind: 'description' } // after the title: description paragraphs, then the metadata list
  | { kind: 'section' } // after a section heading, before its first question
  | { kind: 'question' } // after a question heading, before its first block
  | { kind: 'list'; list: 'followUps' | 'criteria'; itemIndent: number }
  | { kind: 'prose'; field: ProseField }
  | { kind: 'frameworkName' };

const METADATA = /^(position family|position|role|level|seniority|tags?|version)\s*:\s*(.*)$/i;

/**
 * Reads Markdown guides: our own export and hand-written variants of it (questions as `###`
 * headings). Markdown without question headings is list-shaped like a text guide, so it is
 * stripped of its markup and read by the text parser.
 *
 * A guide carrying the export marker is read literally: prose blocks run to the next block label
 * whatever they contain, and nothing is guessed (no title-derived role, no marketing filter), so an
 * export always parses back to exactly what was exported.
 */
export function parseMarkdownLines(lines: Line[], report: ReportBuilder): GuideParse {
  const strict = lines.some((line) => isExportMarker(line.raw));
  if (!strict && !lines.some(isQuestionHeading)) return parseTextLines(lines.map(demarkdown), report);
  const parser = new MarkdownGuideParser(report, strict);
  for (const line of lines) parser.accept(line);
  return parser.finish();
}

function isQuestionHeading(line: Line): boolean {
  const h = heading(line.raw);
  return h !== undefined && h.level > 1 && !sectionHeading(h.text) && !blockHeading(h.text) && questionHeading(h) !== undefined;
}

/** The prompt of a question heading ("### 3. Prompt"), if the heading is one. */
function questionHeading(h: Heading): string | undefined {
  const numbered = toLine(h.text, 0);
  if (numbered.marker === 'number') return numbered.text;
  return h.level >= 3 || h.text.endsWith('?') ? h.text : undefined;
}

function demarkdown(line: Line): Line {
  if (isRule(line.raw) || line.raw.trim().startsWith('<!--')) return toLine('', line.no);
  const h = heading(line.raw);
  if (h) return toLine(h.text, line.no);
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

  constructor(
    private readonly report: ReportBuilder,
    private readonly strict: boolean,
  ) {}

  accept(line: Line): void {
    if (line.blank) return this.blank();
    if (isExportMarker(line.raw)) return this.report.recognise(line.no, 'Scorecards export: read as written');
    const h = heading(line.raw);
    if (h) return this.heading(line, h);
    const label = this.blockLabel(line);
    if (label && this.current) return this.openBlock(line, label.block, label.message, this.current);
    if (this.state.kind === 'prose') return this.proseLine(line, this.state.field);
    if (isRule(line.raw)) return;
    if (line.raw.trim().startsWith('<!--') || (!this.strict && isMarketing(line.text))) return this.report.skip(line.no, line.text);
    this.byState(line);
  }

  finish(): GuideParse {
    return { ...this.result, description: this.description.text };
  }

  private get current(): QuestionBuilder | undefined {
    return this.result.questions[this.result.questions.length - 1];
  }

  private blank(): void {
    const s = this.state;
    if (s.kind === 'prose') this.current?.[s.field].gap();
    else if (s.kind === 'description') this.description.gap();
  }

  /** "**What to look for**"; hand-written guides may also use a plain "What to look for:" line. */
  private blockLabel(line: Line): { block: BlockHeading; message: string } | undefined {
    const n = this.result.questions.length;
    const bold = boldLabel(line.raw);
    if (bold) {
      const block = blockHeading(bold.label);
      if (!block) return undefined;
      return { block: { kind: block.kind, inline: block.inline ?? (bold.rest || undefined) }, message: blockMessage(bold.label, block, n) };
    }
    const block = this.strict || line.marker ? undefined : blockHeading(line.text);
    return block && { block, message: blockMessage(line.text, block, n) };
  }

  private heading(line: Line, h: Heading): void {
    if (h.level === 1 && this.state.kind === 'preamble') return this.title(line, h.text);
    // In an export every level-3 heading is a question, whatever its prompt says.
    if (this.strict && h.level >= 3) return this.startQuestion(line, questionHeading(h) ?? h.text);
    const section = sectionHeading(h.text);
    if (section) return this.startSection(line, h.text, section.type);
    const block = blockHeading(h.text);
    if (block && this.current) return this.openBlock(line, block, blockMessage(h.text, block, this.result.questions.length), this.current);
    const prompt = questionHeading(h);
    if (prompt === undefined) return this.startSection(line, h.text, undefined);
    this.startQuestion(line, prompt);
  }

  private startQuestion(line: Line, prompt: string): void {
    this.result.questions.push(newQuestion(line.no, prompt, { statedType: this.sectionType ?? this.titleType }));
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
        this.state = inline || this.strict ? { kind: 'prose', field: 'frameworkDescription' } : { kind: 'frameworkName' };
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
        this.report.recognise(line.no, `Question ${this.result.questions.length}: commentary kept as "why it is asked"`);
        this.state = { kind: 'prose', field: 'why' };
        return this.proseLine(line, 'why');
      }
      case 'list':
        return this.listLine(line, s);
      case 'frameworkName':
        this.state = { kind: 'prose', field: 'frameworkDescription' };
        if (line.marker || !isShortName(line.text) || !q) return this.proseLine(line, 'frameworkDescription');
        q.framework = line.text;
        return this.report.recognise(line.no, `Framework "${line.text}" for question ${this.result.questions.length}`);
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
    this.report.recognise(line.no, `Question ${this.result.questions.length}: ${line.text.replace(/[_*]/g, '')}`);
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
      appendAll(q.criteria, labels.map((label) => ({ label })));
      this.report.recognise(line.no, `Question ${this.result.questions.length}: ${labels.length} ${labels.length === 1 ? 'criterion' : 'criteria'}`);
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

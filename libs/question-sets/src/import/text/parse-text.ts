import type { QuestionType } from '../guide.types';
import { appendAll, newQuestion, Prose, questionKey, type GuideParse, type QuestionBuilder } from '../questions';
import { excerpt, type ReportBuilder } from '../report';
import { parseCriterionItem, parseFollowUpItem, splitCriteria } from './criteria';
import {
  blockHeading,
  checksSentence,
  criteriaSentence,
  isMarketing,
  isShortName,
  isUnrelatedSection,
  looksLikeQuestion,
  metaLine,
  sectionHeading,
  blockMessage,
  type BlockHeading,
} from './headings';
import type { Line } from './lines';
import { parseTitle, type GuideTitle } from './title';

type ProseField = 'why' | 'frameworkDescription' | 'example';

interface ListState {
  kind: 'list';
  list: 'followUps' | 'criteria';
  style?: 'marked' | 'plain';
  items: number;
  itemIndent: number;
  /** A blank line followed the list's content: plain prose after it no longer belongs to the list. */
  gap: boolean;
}

type State =
  | { kind: 'intro' } // before the first question: title and description
  | { kind: 'top' } // after a section heading or a finished block: expecting a question
  | { kind: 'question' } // right after a question line
  | ListState
  | { kind: 'prose'; field: ProseField }
  | { kind: 'frameworkName' } // after "How to structure your answer": a short line names the framework
  // "How to get an interview": skipped to the next section
  | { kind: 'unrelated'; line: number; title: string; last: number };

/** Reads a plain-text guide (any of the shapes in README.md) line by line. */
export function parseTextLines(lines: Line[], report: ReportBuilder): GuideParse {
  const parser = new TextGuideParser(report);
  for (const line of lines) parser.accept(line);
  return parser.finish();
}

class TextGuideParser {
  private state: State = { kind: 'intro' };
  private title?: GuideTitle;
  private readonly description = new Prose();
  private readonly questions: QuestionBuilder[] = [];
  /** The question blocks attach to: the last one started, or a listed one that the guide now details. */
  private cur?: QuestionBuilder;
  private curNumber = 0;
  private readonly byKey = new Map<string, { question: QuestionBuilder; n: number; detailed: boolean }>();
  private sectionType?: QuestionType;
  /** Set when the first question is numbered: then only numbered lines start questions. */
  private numbered = false;
  private seenContent = false;
  private pendingCriteria?: { question: QuestionBuilder; line: number; text: string };

  constructor(private readonly report: ReportBuilder) {}

  accept(line: Line): void {
    if (line.blank) return this.blank();
    if (this.state.kind === 'unrelated' && !this.leavesUnrelated(line)) {
      this.state.last = line.no;
      return;
    }
    if (this.current && !line.marker && isHeadingLike(line.text) && isUnrelatedSection(line.text))
      return this.startUnrelated(line);
    if (isMarketing(line.text)) return this.report.skip(line.no, line.text);
    const first = !this.seenContent;
    this.seenContent = true;
    if (this.detailsListedQuestion(line)) return;
    if (!this.structural(line, first)) this.byState(line);
  }

  finish(): GuideParse {
    this.closeUnrelated();
    this.flushCriteria();
    const { name, positionFamily, level } = this.title ?? {};
    return { name, description: this.description.text, positionFamily, level, tags: [], questions: this.questions };
  }

  private get current(): QuestionBuilder | undefined {
    return this.cur;
  }

  /** Job-hunting advice after the questions ("How to get an interview", "Resume tips"): skipped whole. */
  private startUnrelated(line: Line): void {
    this.flushCriteria();
    this.state = { kind: 'unrelated', line: line.no, title: line.text, last: line.no };
  }

  /**
   * Plain text has no heading levels: an unrelated section ("Tips for interviewers" between two
   * sections, say) runs to the next unrelated heading, a typed section heading, a question the guide
   * listed, or the next number of a numbered guide. Not to an untyped "… Interview Questions" line:
   * related-article lists are full of them.
   */
  private leavesUnrelated(line: Line): boolean {
    const heading = !line.marker && isHeadingLike(line.text);
    const leaves =
      (heading && (isUnrelatedSection(line.text) || sectionHeading(line.text)?.type !== undefined)) ||
      this.byKey.has(questionKey(line.text)) ||
      (this.numbered && line.marker === 'number' && line.number === this.questions.length + 1);
    if (leaves) this.closeUnrelated();
    return leaves;
  }

  private closeUnrelated(): void {
    const s = this.state;
    if (s.kind !== 'unrelated') return;
    const lines = s.last > s.line ? `lines ${s.line}–${s.last}` : `line ${s.line}`;
    this.report.skipMessage(
      s.line,
      `Skipped section "${excerpt(s.title)}" (${lines}): not about the interview questions`,
    );
    this.state = { kind: 'top' };
  }

  /**
   * A web article lists its questions, then repeats each one with its explanation and sample
   * answer: the repeat details the listed question instead of adding it a second time.
   */
  private detailsListedQuestion(line: Line): boolean {
    if (line.marker === 'bullet') return false;
    const known = this.byKey.get(questionKey(line.text));
    if (!known || known.question === this.cur || known.detailed) return false;
    this.flushCriteria();
    const listedAt = known.question.line;
    known.question.line = line.no;
    known.detailed = true;
    this.cur = known.question;
    this.curNumber = known.n;
    this.state = { kind: 'question' };
    this.report.recognise(line.no, `Question ${known.n}: details of the question listed at line ${listedAt}`);
    return true;
  }

  private blank(): void {
    const s = this.state;
    if (s.kind === 'prose') this.current?.[s.field].gap();
    else if (s.kind === 'list' && s.items > 0) s.gap = true;
    else if (s.kind === 'intro') this.description.gap();
  }

  /** Block headings, section headings, the title and meta lines mean the same in every state. */
  private structural(line: Line, first: boolean): boolean {
    if (this.state.kind === 'list' && line.marker === 'bullet') return false;
    const heading = line.marker ? undefined : blockHeading(line.text);
    if (heading) {
      if (this.current) this.openBlock(line, heading, this.current);
      else this.report.skip(line.no, line.text);
      return true;
    }
    const section = line.marker === 'bullet' ? undefined : sectionHeading(line.text);
    // "Data Engineer Interview Questions" on the first line is a title, not an untyped section.
    if (first && !line.marker && !section?.type && !looksLikeQuestion(line.text) && this.readTitle(line)) return true;
    if (section) {
      this.startSection(line, section.type);
      return true;
    }
    // A sample answer may well contain "Skills: …"; it is the candidate talking, not guide metadata.
    const inAnswer = this.state.kind === 'prose' && this.state.field === 'example';
    if (line.marker || inAnswer) return false;
    const meta = this.current ? metaLine(line.text) : undefined;
    if (!meta || !this.current) return false;
    const q = this.current;
    if (meta.timeboxMinutes !== undefined) q.timeboxMinutes = meta.timeboxMinutes;
    if (meta.competencies) appendAll(q.competencies, meta.competencies);
    if (meta.type) q.statedType = meta.type;
    this.report.recognise(line.no, `Question ${this.curNumber}: ${line.text}`);
    return true;
  }

  private readTitle(line: Line): boolean {
    const title = parseTitle(line.text);
    if (!title) return false;
    this.title = title;
    this.report.recognise(line.no, `Title "${title.name}"`);
    if (title.positionFamily)
      this.report.recognise(line.no, `Position family "${title.positionFamily}" (from the title)`);
    if (title.level) this.report.recognise(line.no, `Level "${title.level}" (from the title)`);
    if (title.type) this.report.recognise(line.no, `Type ${title.type} for every question (from the title)`);
    return true;
  }

  private startSection(line: Line, type: QuestionType | undefined): void {
    this.flushCriteria();
    this.sectionType = type;
    this.state = { kind: 'top' };
    this.report.recognise(line.no, `Section "${line.text}": ${type ? `type ${type}` : 'no type stated'}`);
  }

  private openBlock(line: Line, heading: BlockHeading, q: QuestionBuilder): void {
    this.flushCriteria();
    this.report.recognise(line.no, blockMessage(line.text, heading, this.curNumber));
    const inline = heading.inline;
    switch (heading.kind) {
      case 'followUps':
        this.state = { kind: 'list', list: 'followUps', items: 0, itemIndent: 0, gap: false };
        if (inline) this.addFollowUp(line, inline);
        return;
      case 'criteria':
        this.state = { kind: 'list', list: 'criteria', items: 0, itemIndent: 0, gap: false };
        if (inline) this.addCriteriaText(line, inline);
        return;
      case 'framework':
        if (inline) q.framework = inline;
        this.state = inline ? { kind: 'prose', field: 'frameworkDescription' } : { kind: 'frameworkName' };
        return;
      case 'why':
      case 'example': {
        const field = heading.kind === 'why' ? 'why' : 'example';
        if (inline) q[field].add(inline);
        this.state = { kind: 'prose', field };
        return;
      }
    }
  }

  private byState(line: Line): void {
    const s = this.state;
    switch (s.kind) {
      case 'intro':
        return this.introLine(line);
      case 'top':
        if (line.marker === 'number' || (!this.numbered && looksLikeQuestion(line.text, true)))
          return this.startQuestion(line);
        return this.report.skip(line.no, line.text);
      case 'question':
        return this.afterQuestion(line, this.current as QuestionBuilder);
      case 'list':
        return s.list === 'followUps' ? this.followUpLine(line, s) : this.criteriaLine(line, s);
      case 'prose':
        return this.proseLine(line, s.field, this.current as QuestionBuilder);
      case 'frameworkName':
        this.state = { kind: 'prose', field: 'frameworkDescription' };
        if (line.marker || !isShortName(line.text)) return this.byState(line);
        (this.current as QuestionBuilder).framework = line.text;
        return this.report.recognise(line.no, `Framework "${line.text}" for question ${this.curNumber}`);
    }
  }

  private introLine(line: Line): void {
    if (line.marker === 'number' || looksLikeQuestion(line.text)) return this.startQuestion(line);
    this.description.add(line.text);
    this.report.recognise(line.no, 'Set description');
  }

  private startQuestion(line: Line): void {
    this.flushCriteria();
    if (this.questions.length === 0 && line.marker === 'number') this.numbered = true;
    const statedType = this.sectionType ?? this.title?.type;
    const q = newQuestion(line.no, line.text, { indent: line.indent, number: line.number, statedType });
    // The question a line starts has had nothing said about it yet.
    const previous = this.cur;
    if (previous) {
      const entry = this.byKey.get(questionKey(previous.prompt));
      if (entry?.question === previous && hasContent(previous)) entry.detailed = true;
    }
    this.questions.push(q);
    this.cur = q;
    this.curNumber = this.questions.length;
    const key = questionKey(line.text);
    if (!this.byKey.has(key)) this.byKey.set(key, { question: q, n: this.curNumber, detailed: false });
    this.state = { kind: 'question' };
  }

  /** The next number in a numbered guide, at the questions' indentation, starts the next question. */
  private isNextQuestionNumber(line: Line): boolean {
    const q = this.current;
    return (
      line.marker === 'number' && q?.number !== undefined && line.number === q.number + 1 && line.indent <= q.indent + 1
    );
  }

  private afterQuestion(line: Line, q: QuestionBuilder): void {
    const criteria = criteriaSentence(line.text);
    if (criteria !== undefined) {
      this.state = { kind: 'list', list: 'criteria', items: 0, itemIndent: line.indent, gap: false, style: 'plain' };
      return this.addCriteriaText(line, criteria);
    }
    if (line.marker === 'number' && (this.isNextQuestionNumber(line) || !this.numbered))
      return this.startQuestion(line);
    if (!line.marker && continuesSentence(q.prompt, line.text)) {
      q.prompt = `${q.prompt} ${line.text}`;
      return;
    }
    if (this.numbered && line.marker === 'bullet' && line.text.endsWith('?')) {
      q.followUps.push(parseFollowUpItem(line.text));
      return this.report.recognise(line.no, `Question ${this.curNumber}: follow-up listed under it`);
    }
    if (!this.numbered && looksLikeQuestion(line.text)) return this.startQuestion(line);
    this.report.recognise(line.no, `Question ${this.curNumber}: commentary kept as "why it is asked"`);
    this.state = { kind: 'prose', field: 'why' };
    q.why.add(line.raw.trim());
  }

  private proseLine(line: Line, field: ProseField, q: QuestionBuilder): void {
    const criteria = field === 'why' ? criteriaSentence(line.text) : undefined;
    if (criteria !== undefined) {
      this.state = { kind: 'list', list: 'criteria', items: 0, itemIndent: line.indent, gap: false, style: 'plain' };
      return this.addCriteriaText(line, criteria);
    }
    if (this.isNextQuestionNumber(line) && looksLikeQuestion(line.text, true)) return this.startQuestion(line);
    if (!this.numbered && line.marker !== 'number' && /\?["'”’)]?$/.test(line.text)) return this.startQuestion(line);
    q[field].add(line.raw.trim());
  }

  private followUpLine(line: Line, s: ListState): void {
    const q = this.current as QuestionBuilder;
    if (this.isNextQuestionNumber(line)) return this.startQuestion(line);
    const last = q.followUps[q.followUps.length - 1];
    const checks = checksSentence(line.text);
    if (checks !== undefined && last && (!line.marker || line.indent > s.itemIndent)) {
      last.checks = last.checks ? `${last.checks}. ${checks}` : checks;
      return;
    }
    if (line.marker && s.style === 'plain' && s.gap) return this.leaveList(line);
    if (line.marker) return this.addFollowUp(line, line.text);
    if (s.style === 'marked') {
      if (last && line.indent > s.itemIndent) last.prompt = `${last.prompt} ${line.text}`;
      else this.leaveList(line);
      return;
    }
    if (s.gap && !line.text.endsWith('?')) return this.leaveList(line);
    this.addFollowUp(line, line.text);
  }

  private criteriaLine(line: Line, s: ListState): void {
    const q = this.current as QuestionBuilder;
    if (this.isNextQuestionNumber(line)) return this.startQuestion(line);
    // After a criteria sentence, the next bulleted question starts the next question.
    if (line.marker && s.style === 'plain' && (s.gap || looksLikeQuestion(line.text))) return this.leaveList(line);
    if (line.marker) {
      s.style ??= 'marked';
      s.items++;
      s.itemIndent = line.indent;
      q.criteria.push(parseCriterionItem(line.text));
      return;
    }
    const last = q.criteria[q.criteria.length - 1];
    if (s.style === 'marked') {
      if (last && line.indent > s.itemIndent) appendToCriterion(last, line.text);
      else this.leaveList(line);
      return;
    }
    if (s.gap || (!this.numbered && looksLikeQuestion(line.text))) return this.leaveList(line);
    this.addCriteriaText(line, criteriaSentence(line.text) ?? line.text);
  }

  private addFollowUp(line: Line, text: string): void {
    const s = this.state as ListState;
    s.style ??= line.marker ? 'marked' : 'plain';
    s.items++;
    s.itemIndent = line.indent;
    (this.current as QuestionBuilder).followUps.push(parseFollowUpItem(text));
  }

  /** Criteria paragraphs are split once complete, so a paragraph wrapped over lines splits as one. */
  private addCriteriaText(line: Line, text: string): void {
    const s = this.state as ListState;
    s.style ??= 'plain';
    s.items++;
    const pending = this.pendingCriteria;
    if (pending && pending.question === this.current && continuesSentence(pending.text, text)) {
      pending.text = `${pending.text} ${text}`;
      return;
    }
    this.flushCriteria();
    this.pendingCriteria = { question: this.current as QuestionBuilder, line: line.no, text };
  }

  private flushCriteria(): void {
    const pending = this.pendingCriteria;
    if (!pending) return;
    this.pendingCriteria = undefined;
    const labels = splitCriteria(pending.text);
    appendAll(
      pending.question.criteria,
      labels.map((label) => ({ label })),
    );
    const n = this.questions.indexOf(pending.question) + 1;
    this.report.recognise(
      pending.line,
      `Question ${n}: ${labels.length} ${labels.length === 1 ? 'criterion' : 'criteria'}`,
    );
  }

  private leaveList(line: Line): void {
    this.flushCriteria();
    this.state = { kind: 'top' };
    this.byState(line);
  }
}

/** A line that carries on a sentence wrapped by the editor it was pasted from. */
function continuesSentence(previous: string, next: string): boolean {
  return !/[.?!:;"”)]$/.test(previous) && /^[a-z(]/.test(next);
}

function appendToCriterion(criterion: { label: string; description?: string }, text: string): void {
  if (criterion.description) criterion.description = `${criterion.description} ${text}`;
  else criterion.label = `${criterion.label} ${text}`;
}

/** Short, unpunctuated: a line a web page showed as a heading. */
function isHeadingLike(text: string): boolean {
  return text.length <= 100 && !/[.,;:!]$/.test(text);
}

function hasContent(q: QuestionBuilder): boolean {
  return (
    q.followUps.length > 0 ||
    q.criteria.length > 0 ||
    q.why.text !== undefined ||
    q.example.text !== undefined ||
    q.framework !== undefined
  );
}

import type { Criterion, FollowUp, GuideJson, QuestionDraft, QuestionType, SetDraft } from './guide.types';
import { JSON_FORMAT } from './json/parse-json';
import { EXPORT_MARKER, escapeProse } from './markdown/syntax';
import { normaliseQuestion, normaliseSet } from './normalize';

export type { GuideJson } from './guide.types';

const SECTION_TITLES: Record<QuestionType, string> = {
  technical: 'Technical questions',
  behavioral: 'Behavioral questions',
  situational: 'Situational questions',
};

/**
 * Renders a question set as Markdown a person can read and edit, and that `parseGuide` reads back
 * to the same set and questions. Questions keep their order: a new type section starts whenever
 * the type changes, so a set that interleaves types gets repeated section headings.
 */
export function renderMarkdown(set: SetDraft & { version?: number }, questions: QuestionDraft[]): string {
  const s = normaliseSet(set);
  const out: string[] = [EXPORT_MARKER, `# ${headingText(s.name)}`, ''];
  if (s.description) out.push(escapeProse(s.description, 'description'), '');
  const metadata = [
    s.positionFamily && `- Position family: ${s.positionFamily}`,
    s.level && `- Level: ${s.level}`,
    s.tags.length > 0 && `- Tags: ${s.tags.join(', ')}`,
    set.version !== undefined && `- Version: ${set.version}`,
  ].filter((line): line is string => typeof line === 'string');
  if (metadata.length > 0) out.push(...metadata, '');
  let sectionType: QuestionType | undefined;
  questions.map(normaliseQuestion).forEach((q, i) => {
    if (q.type !== sectionType) out.push(`## ${SECTION_TITLES[q.type]}`, '');
    sectionType = q.type;
    for (const line of renderQuestion(q, i + 1)) out.push(line);
  });
  return `${out.join('\n').trimEnd()}\n`;
}

function renderQuestion(q: QuestionDraft, n: number): string[] {
  const out = [`### ${n}. ${headingText(q.prompt)}`];
  const meta = [
    q.timeboxMinutes !== undefined && `_Timebox: ${q.timeboxMinutes} min_`,
    q.competencies.length > 0 && `_Competencies: ${q.competencies.join(', ')}_`,
  ].filter((part): part is string => typeof part === 'string');
  if (meta.length > 0) out.push(meta.join(' · '));
  out.push('');
  const block = (label: string, body: string[]) => {
    out.push(`**${label}**`);
    for (const line of body) out.push(line);
    out.push('');
  };
  if (q.followUps.length > 0) block('Follow-up questions', q.followUps.map(followUpItem));
  if (q.criteria.length > 0) block('What to look for', q.criteria.map(criterionItem));
  const g = q.guidance;
  if (g.whyAsked) block('Why we ask', [escapeProse(g.whyAsked)]);
  if (g.framework || g.frameworkDescription) {
    block(
      g.framework ? `Answer framework: ${g.framework}` : 'Answer framework',
      g.frameworkDescription ? [escapeProse(g.frameworkDescription)] : [],
    );
  }
  if (g.exampleAnswer) block('Example of a strong answer', [escapeProse(g.exampleAnswer)]);
  return out;
}

function followUpItem(f: FollowUp): string {
  return f.checks ? `- ${f.prompt} — checks: ${f.checks}` : `- ${f.prompt}`;
}

function criterionItem(c: Criterion): string {
  // A label containing a separator is set in bold so the reader knows where it ends.
  let label = c.label;
  if (/:\s|\s[—–]\s/.test(label) && !label.includes('**')) label = `**${label}**`;
  else if (/^[*\\]/.test(label)) label = `\\${label}`;
  return c.description ? `- ${label}: ${c.description}` : `- ${label}`;
}

/** Markdown drops closing hashes from a heading; a closing "#" keeps a prompt's own trailing hashes. */
function headingText(text: string): string {
  return text.endsWith('#') ? `${text} #` : text;
}

/** The JSON export; `parseGuide(JSON.stringify(toJsonExport(set, questions)))` gives them back. */
export function toJsonExport(set: SetDraft, questions: QuestionDraft[]): GuideJson {
  return { format: JSON_FORMAT, version: 1, set: normaliseSet(set), questions: questions.map(normaliseQuestion) };
}

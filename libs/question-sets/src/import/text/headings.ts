import type { QuestionType } from '../guide.types';

/*
 * Recognisers for the lines that give a guide its structure. Guides are pasted from web pages and
 * documents, so each accepts the wordings seen in the wild; all are anchored at the start of the
 * line and bounded, so a pathological line costs linear time.
 */

export type BlockKind = 'followUps' | 'criteria' | 'why' | 'framework' | 'example';

export interface BlockHeading {
  kind: BlockKind;
  /** Text after "Heading:" on the same line, if any. */
  inline?: string;
}

const COLON_TAIL = String.raw`\s*(?:[:\-–—]\s*(.*))?$`;

const BLOCK_HEADINGS: [BlockKind, RegExp][] = [
  [
    'followUps',
    new RegExp(
      String.raw`^(?:possible |suggested |likely |probing )?(?:follow[\s-]?ups?|probes|probing questions)(?:\s+questions?)?` +
        String.raw`(?:\s+(?:to\s+(?:prepare\s+for|ask|expect|consider)|you\s+(?:can|could|might)\s+ask))?` +
        COLON_TAIL,
      'i',
    ),
  ],
  [
    'criteria',
    new RegExp(
      String.raw`^(?:what to (?:look|listen) for|(?:look|listen) for|what (?:good|great) looks like|what an? (?:good|strong|great) answer looks like|` +
        String.raw`signals(?: to (?:look|listen) for)?|(?:green|positive) (?:flags|signals)|(?:evaluation|scoring) criteria|criteria|` +
        String.raw`what we(?:['’]re| are) looking for)\s*(?::\s*(.*))?$`,
      'i',
    ),
  ],
  [
    'why',
    new RegExp(
      String.raw`^(?:why (?:(?:recruiters|interviewers|hiring managers|employers|companies|we|they|you|teams) ask(?: (?:this|it))?(?: question)?|` +
        String.raw`(?:it|this)(?:['’]s| is) asked|this question(?: is| gets)? asked|ask this(?: question)?|this question(?: matters)?|it matters)|` +
        String.raw`purpose(?: of (?:this|the) question)?|what (?:this|the) question (?:assesses|tests|reveals|measures)|rationale)\s*(?::\s*(.*))?$`,
      'i',
    ),
  ],
  [
    'framework',
    new RegExp(
      String.raw`^(?:how to (?:structure|answer|approach|frame)(?: (?:your|the|this|an?))?(?: (?:answer|question|response))?|` +
        String.raw`(?:answer|response) (?:framework|structure)|structure (?:your|the|an?) (?:answer|response)|` +
        String.raw`(?:suggested|recommended) (?:framework|structure)|framework)\s*(?::\s*(.*))?$`,
      'i',
    ),
  ],
  [
    'example',
    new RegExp(
      String.raw`^(?:(?:an? )?(?:example|sample|model) (?:answer|response)s?|example of an? (?:strong|good|great) (?:answer|response)|` +
        String.raw`(?:answer|response) example|what an? (?:strong|good|great) answer sounds like|how (?:a strong candidate|you) might answer|` +
        // A bare "Example:" is how web articles label their sample answers.
        String.raw`example)` +
        String.raw`\s*(?::\s*(.*))?$`,
      'i',
    ),
  ],
];

const BLOCK_NAMES: Record<BlockKind, string> = {
  followUps: 'follow-ups',
  criteria: 'criteria',
  why: 'why asked',
  framework: 'answer framework',
  example: 'example answer',
};

/** Report line for a block heading: '"What to look for" (criteria) for question 2'. */
export function blockMessage(text: string, heading: BlockHeading, question: number): string {
  const label = heading.inline ? text.slice(0, text.length - heading.inline.length) : text;
  return `"${label.replace(/[\s:\-–—]+$/, '')}" (${BLOCK_NAMES[heading.kind]}) for question ${question}`;
}

export function blockHeading(text: string): BlockHeading | undefined {
  for (const [kind, pattern] of BLOCK_HEADINGS) {
    const match = pattern.exec(text);
    if (match) return { kind, inline: match[1]?.trim() || undefined };
  }
  return undefined;
}

const TYPED_SECTION = new RegExp(
  String.raw`^(?:part\s+\w+\s*[:.\-–—]\s*|\d{1,2}[.)]\s*)?(technical|behaviou?ral|situational|scenario|situation)(?:[\s-]based)?` +
    String.raw`(?:\s+(?:interview|screening))?(?:\s+questions?)?(?:\s+(?:for|to ask)\b[^?]*|\s*\([^)]*\))?\s*:?$`,
  'i',
);
const UNTYPED_SECTION = /^(?:[a-z][\w'’&/ -]{0,40}\s)?(?:interview\s+)?questions(?:\s+to ask)?\s*:?$/i;

/** "Technical Questions", "Behavioural interview questions", "Warm-up questions" (no type). */
export function sectionHeading(text: string): { type?: QuestionType } | undefined {
  const typed = TYPED_SECTION.exec(text);
  if (typed) return { type: typeFromWord(typed[1]) };
  return UNTYPED_SECTION.test(text) ? {} : undefined;
}

export function typeFromWord(word: string): QuestionType {
  const w = word.toLowerCase();
  if (w.startsWith('behavio')) return 'behavioral';
  if (w.startsWith('situation') || w.startsWith('scenario')) return 'situational';
  return 'technical';
}

const STATED_TYPE = /\b(technical|behaviou?ral|situational)(?:\s+interview)?\s+question\b/i;

/** "Panels use this behavioral question to…": the guide names the type itself. */
export function statedType(text: string): { type: QuestionType; cue: string } | undefined {
  const match = STATED_TYPE.exec(text);
  return match ? { type: typeFromWord(match[1]), cue: match[0] } : undefined;
}

// Sections of interview-prep articles that are about job hunting, not about the interview questions.
const UNRELATED_SECTION = new RegExp(
  String.raw`^(?:\d{1,2}[.)]\s*)?(?:how to (?:get|land|prepare|ace|answer|write|find|stand out|succeed|follow up|negotiate|dress|apply)\b|` +
    String.raw`(?:resume|cv|cover letter|interview|job search|application)(?: writing)? (?:tips|advice|checklist|templates?)\b|` +
    String.raw`tips (?:for|to|on)\b|(?:related|similar|recommended|popular|more) (?:articles|posts|reading|resources|jobs|guides|careers|content)\b|` +
    String.raw`further reading|frequently asked questions|faqs?\b|conclusion|final thoughts|key takeaways|in summary|summary$|` +
    String.raw`about the author|next steps|what to wear|(?:explore|browse|find|search) (?:jobs|careers|roles)\b|you might also like|` +
    String.raw`(?:salary|pay) (?:guide|expectations|ranges?)\b|share this\b|before the interview|after the interview)`,
  'i',
);

/** "How to get an interview", "Resume tips", "Related articles": not part of the interview, skipped whole. */
export function isUnrelatedSection(text: string): boolean {
  // "How to prepare a budget forecast?" is a question, whatever its first words.
  return !text.endsWith('?') && UNRELATED_SECTION.test(text);
}

const MARKETING: RegExp[] = [
  /^(?:use|add|import|save|copy) (?:these|this|our|the|all) (?:questions?|guides?|templates?|kits?|scorecards?|question sets?)\b/i,
  /^schedule (?:interviews?|a (?:demo|call)|your)\b/i,
  /^sign (?:up|in)\b/i,
  /^try\b.{0,80}\bfree\b/i,
  /^(?:start|begin) (?:a |your )?(?:free )?trial\b/i,
  /^(?:get started|book a demo|request a demo|learn more|read more|see (?:also|more)|share (?:this|on)|follow us|subscribe|back to|table of contents)\b/i,
  /^(?:related|more) (?:interview )?(?:questions|guides|articles|resources)\b/i,
  /^download (?:the|our|this|a|free)\b/i,
  /^(?:create|build) (?:a |your )?(?:free )?(?:account|scorecard|interview kit)\b/i,
  /^(?:click|tap) here\b/i,
  /^(?:hiring|looking to hire|need to hire|recruiting)\b[^.]{0,120}\?$/i,
  /©|\bcopyright\b|\ball rights reserved\b/i,
  /^powered by\b/i,
  /^join (?:\d|thousands|hundreds|over|more than)\b/i,
];

/** Calls to action and boilerplate around the questions, never imported. */
export function isMarketing(text: string): boolean {
  return MARKETING.some((pattern) => pattern.test(text));
}

const CRITERIA_SENTENCE = new RegExp(
  String.raw`^(?:(?:look|listen) for|(?:an? |the )?(?:strong|good|great|excellent|ideal|solid|best) (?:answers?|candidates?|responses?) ` +
    String.raw`(?:will |should |would |usually |often )?(?:covers?|mentions?|includes?|shows?|demonstrates?|explains?|describes?|names?|gives?|` +
    String.raw`talks? about|address(?:es)?|highlights?|touch(?:es)? on|walks? through|focus(?:es)? on|considers?|discuss(?:es)?|references?|` +
    String.raw`acknowledges?|lists?|has|have))\s+(.+)$`,
  'i',
);

/** "A strong answer covers X, Y, and Z." -> "X, Y, and Z." */
export function criteriaSentence(text: string): string | undefined {
  return CRITERIA_SENTENCE.exec(text)?.[1];
}

const CHECKS_SENTENCE = new RegExp(
  String.raw`^(?:(?:this|it)(?: question| follow-up)? )?(?:checks|tests|reveals|shows|assesses|probes|gauges|evaluates|measures|confirms|` +
    String.raw`explores|surfaces|uncovers|verifies|examines|helps (?:you )?(?:see|assess|understand|gauge|judge))\s*:?\s+(.+)$`,
  'i',
);

/** "This tests how they weigh…" under a follow-up -> "how they weigh…". */
export function checksSentence(text: string): string | undefined {
  const rest = CHECKS_SENTENCE.exec(text)?.[1];
  return rest?.replace(/\.$/, '');
}

export interface MetaLine {
  timeboxMinutes?: number;
  competencies?: string[];
  type?: QuestionType;
}

const TIMEBOX = /^(?:time ?box|time|duration|time limit)\s*:\s*(\d{1,4})\s*(?:m|mins?|minutes?)?\.?$/i;
const COMPETENCIES = /^(?:competenc(?:y|ies)|skills?(?: assessed)?|assesses)\s*:\s*(.+)$/i;
const META_TYPE = /^type\s*:\s*(technical|behaviou?ral|situational)\.?$/i;

/** "Timebox: 10 min · Competencies: A, B" (emphasis markers allowed around each part). */
export function metaLine(text: string): MetaLine | undefined {
  const meta: MetaLine = {};
  for (const part of text.split(/\s+[·|]\s+/)) {
    const item = part
      .trim()
      .replace(/^[_*]+|[_*]+$/g, '')
      .trim();
    const timebox = TIMEBOX.exec(item);
    const competencies = COMPETENCIES.exec(item);
    const type = META_TYPE.exec(item);
    if (timebox) meta.timeboxMinutes = Number(timebox[1]);
    else if (competencies) meta.competencies = splitWords(competencies[1]);
    else if (type) meta.type = typeFromWord(type[1]);
    else return undefined;
  }
  return meta;
}

export function splitWords(list: string): string[] {
  return list
    .split(',')
    .map((w) => w.trim())
    .filter((w) => w.length > 0);
}

// Imperative openings that make a line a question even without a question mark.
const IMPERATIVE_QUESTION =
  /^(?:tell|describe|walk (?:me|us) through|explain|give (?:me|us)|share|talk (?:me|us) through|compare|design|outline|discuss|sketch|imagine|suppose|how would|what would|can you|could you|would you|have you|do you|did you)\b/i;
const INTERROGATIVE =
  /^(?:how|what|why|when|where|which|who|whom|whose|is|are|do|does|did|can|could|would|should|will|have|has)\b/i;

/**
 * Whether a line reads as an interview question. `loose` also accepts interrogative openings without
 * a question mark; only safe where a question is expected (right after a section heading).
 */
export function looksLikeQuestion(text: string, loose = false): boolean {
  return /\?["'”’)]?$/.test(text) || IMPERATIVE_QUESTION.test(text) || (loose && INTERROGATIVE.test(text));
}

/** "STAR", "Present-Past-Future", "Metrics Framework": a framework name on its own line. */
export function isShortName(text: string): boolean {
  return text.length <= 60 && text.split(/\s+/).length <= 6 && !/[.?!:;,]$/.test(text);
}

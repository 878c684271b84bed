import type { QuestionType } from './guide.types';

/** `reason` completes the sentence "type X inferred from …". */
export interface TypeInference {
  type: QuestionType;
  reason: string;
}

// Cues sit at the start of a prompt; looking further only costs time on pathological input.
const SCAN_CHARS = 600;

const BEHAVIORAL_CUES: RegExp[] = [
  /\btell (?:me|us) about (?:a|an|one|the) (?:time|situation|occasion|moment|instance)\b(?: (?:when|where))?/i,
  /\bdescribe (?:a|an|one|the) (?:time|situation|occasion|moment|instance)\b(?: (?:when|where|in which))?/i,
  /\bgive (?:me|us) (?:an? )?examples? (?:of|where|when)\b/i,
  /\bhave you ever\b/i,
  /\b(?:share|recall|think of|walk (?:me|us) through) (?:a|an|one) (?:time|situation|occasion|moment|example)\b/i,
  /\ba time (?:when |where )?you\b/i,
  // Past experience without the word "time": "Tell me about an outage you led the response to".
  /\btell (?:me|us) about\b/i,
  /\bdescribe (?:a|an|the) [\w' /-]{1,80}? you (?:made|had|led|faced|handled|took|owned|shipped|built|ran|managed|resolved|gave|received|worked)\b/i,
];

const SITUATIONAL_CUES: RegExp[] = [
  /\bwhat would you do\b(?: (?:if|when|about))?/i,
  /\bhow would you (?:handle|respond|react|deal with|navigate)\b/i,
  /^(?:imagine|suppose|pretend|picture this)\b/i,
  /^let['’]?s say\b/i,
];
// "If a client asks for X, what do you say?": a condition, then the question.
const CONDITION_THEN_QUESTION =
  /^(if|when) (?:you|a|an|the|your|one|two|three)\b[^?,]{0,200},\s*(what|how|who|which|where)\b/i;

// A leading imperative is a request, not a scenario ("Describe X. What would you change?").
const IMPERATIVE_START =
  /^(?:tell|describe|explain|walk|give|share|talk|name|list|compare|design|outline|discuss|define|write|sketch|show)\b/i;
const QUESTION_OPENER =
  /^(?:how|what|which|who|where|when|why|would|should|do|does|can|could|will)\b(?:\s+(?:do|would|should|will|can|could|is|are|might)\b)?(?:\s+you\b)?/i;

/** Guesses a question's type from its wording; anything without a behavioral or situational cue is technical. */
export function inferType(prompt: string): TypeInference {
  const text = prompt.slice(0, SCAN_CHARS).trim();
  const behavioral = firstCue(text, BEHAVIORAL_CUES);
  if (behavioral) return { type: 'behavioral', reason: quote(behavioral) };
  const situational = firstCue(text, SITUATIONAL_CUES);
  if (situational) return { type: 'situational', reason: quote(situational) };
  const condition = CONDITION_THEN_QUESTION.exec(text);
  if (condition) return { type: 'situational', reason: quote(`${condition[1]} …, ${condition[2]}`) };
  const opener = scenarioQuestion(text);
  if (opener) return { type: 'situational', reason: `a scenario followed by ${quote(opener)}` };
  return { type: 'technical', reason: 'the absence of behavioral or situational wording' };
}

function firstCue(text: string, cues: RegExp[]): string | undefined {
  for (const cue of cues) {
    const match = cue.exec(text);
    if (match) return match[0];
  }
  return undefined;
}

/** "A critical endpoint is failing. How do you investigate?" -> "How do you". */
function scenarioQuestion(text: string): string | undefined {
  if (!text.endsWith('?') || IMPERATIVE_START.test(text)) return undefined;
  let lastBreak: RegExpExecArray | undefined;
  for (const match of text.matchAll(/[.!]\s+(?=\S)/g)) lastBreak = match;
  if (!lastBreak || lastBreak.index < 8) return undefined;
  const question = text.slice(lastBreak.index + lastBreak[0].length);
  return QUESTION_OPENER.exec(question)?.[0];
}

function quote(cue: string): string {
  return `"${cue.charAt(0).toUpperCase()}${cue.slice(1)}"`;
}

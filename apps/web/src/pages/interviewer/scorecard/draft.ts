import type { Recommendation, SaveScorecardInput, Scorecard, ScorecardQuestion } from '../../../api/types';

/** What the form shows; the server's scorecard with the local, unsent changes applied. */
export interface Form {
  recommendation: Recommendation | null;
  summary: string;
  /** By `${questionId}/${criterionId}`. */
  ratings: Record<string, RatingValue>;
  /** By question id. */
  questions: Record<string, QuestionValue>;
}
export interface RatingValue {
  rating: number | null;
  notAssessed: boolean;
}
export interface QuestionValue {
  notes: string;
  followUpsAsked: string[];
}

/**
 * A field of the form, as a key of the local draft: `recommendation`, `summary`,
 * `r:<questionId>/<criterionId>` (a rating) or `q:<questionId>` (notes and follow-ups).
 */
export type FieldKey = string;
type FieldValue = Recommendation | null | string | RatingValue | QuestionValue;

/** What localStorage keeps until the server has acknowledged it. */
export interface StoredDraft {
  v: 1;
  /** The server version these changes were made on. */
  baseVersion: number;
  /** When the last local change was made (ms). */
  editedAt: number;
  values: Record<FieldKey, FieldValue>;
}

export const ratingKey = (questionId: string, criterionId: string) => `${questionId}/${criterionId}`;

export function fromServer(card: Scorecard): Form {
  const ratings: Form['ratings'] = {};
  const questions: Form['questions'] = {};
  for (const q of card.questions) {
    for (const c of q.criteria)
      ratings[ratingKey(q.questionId, c.criterionId)] = { rating: c.rating ?? null, notAssessed: c.notAssessed };
    questions[q.questionId] = {
      notes: q.notes ?? '',
      followUpsAsked: q.followUps.filter((f) => f.asked).map((f) => f.id),
    };
  }
  return { recommendation: card.overallRecommendation ?? null, summary: card.summary ?? '', ratings, questions };
}

export function valueOf(form: Form, key: FieldKey): FieldValue {
  if (key === 'recommendation') return form.recommendation;
  if (key === 'summary') return form.summary;
  if (key.startsWith('r:')) return form.ratings[key.slice(2)] ?? { rating: null, notAssessed: false };
  return form.questions[key.slice(2)] ?? { notes: '', followUpsAsked: [] };
}

/** The form with stored local values laid over it (keys the scorecard no longer has are dropped). */
export function applyValues(form: Form, values: Record<FieldKey, FieldValue>): { form: Form; applied: FieldKey[] } {
  const next: Form = { ...form, ratings: { ...form.ratings }, questions: { ...form.questions } };
  const applied: FieldKey[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (key === 'recommendation') next.recommendation = value as Recommendation | null;
    else if (key === 'summary') next.summary = String(value ?? '');
    else if (key.startsWith('r:') && key.slice(2) in next.ratings) next.ratings[key.slice(2)] = value as RatingValue;
    else if (key.startsWith('q:') && key.slice(2) in next.questions)
      next.questions[key.slice(2)] = value as QuestionValue;
    else continue;
    applied.push(key);
  }
  return { form: next, applied };
}

/** A partial save of only the given fields (the API changes only what is sent). */
export function saveBody(form: Form, keys: FieldKey[], version: number): SaveScorecardInput {
  const body: SaveScorecardInput = { version };
  for (const key of keys) {
    if (key === 'recommendation') body.overallRecommendation = form.recommendation;
    else if (key === 'summary') body.summary = form.summary;
    else if (key.startsWith('r:')) {
      const [questionId, criterionId] = key.slice(2).split('/');
      const r = form.ratings[key.slice(2)];
      (body.ratings ??= []).push(
        r?.notAssessed
          ? { questionId, criterionId, notAssessed: true }
          : { questionId, criterionId, rating: r?.rating ?? null },
      );
    } else {
      const q = form.questions[key.slice(2)];
      (body.questions ??= []).push({
        questionId: key.slice(2),
        notes: q?.notes ?? '',
        followUpsAsked: q?.followUpsAsked ?? [],
      });
    }
  }
  return body;
}

export interface Missing {
  /** `recommendation` or the rating key. */
  key: string;
  label: string;
}

/** What submit would refuse for, computed from the form as it is now (the server checks again). */
export function missingFrom(form: Form, questions: ScorecardQuestion[]): Missing[] {
  const missing: Missing[] = [];
  for (const q of questions) {
    if (!q.assignedToMe) continue;
    for (const c of q.criteria) {
      const r = form.ratings[ratingKey(q.questionId, c.criterionId)];
      if (!r || (r.rating == null && !r.notAssessed))
        missing.push({ key: ratingKey(q.questionId, c.criterionId), label: `Question ${q.position + 1}: ${c.label}` });
    }
  }
  if (!form.recommendation) missing.push({ key: 'recommendation', label: 'Overall recommendation' });
  return missing;
}

const DRAFT_PREFIX = 'scorecards.draft.';

export const storageKey = (interviewId: string, userId: string) => `${DRAFT_PREFIX}${interviewId}.${userId}`;

/**
 * Removes every scorecard draft this browser keeps, of any user: on sign-out, so that notes about
 * candidates do not stay behind on a shared computer.
 */
export function clearAllDrafts(): void {
  try {
    const keys = Array.from({ length: localStorage.length }, (_, i) => localStorage.key(i)).filter(
      (k): k is string => !!k?.startsWith(DRAFT_PREFIX),
    );
    for (const k of keys) localStorage.removeItem(k);
  } catch {
    /* storage disabled: nothing was kept */
  }
}

export function readStored(key: string): StoredDraft | null {
  try {
    const raw = localStorage.getItem(key);
    if (!raw) return null;
    const d = JSON.parse(raw) as StoredDraft;
    return d && d.v === 1 && d.values && typeof d.values === 'object' ? d : null;
  } catch {
    return null;
  }
}

export function writeStored(key: string, draft: StoredDraft | null): void {
  try {
    if (draft && Object.keys(draft.values).length) localStorage.setItem(key, JSON.stringify(draft));
    else localStorage.removeItem(key);
  } catch {
    /* storage full or disabled: the in-memory draft still retries */
  }
}

import { api, call } from '../../../api/client';
import type { PlanTemplate, QuestionSet, QuestionSetSummary } from '../../../api/types';
import type { Stage } from '../types';
import type { PickedQuestion } from './QuestionPicker';

/** The interview's stage kind (the API's fixed list) that a plan stage's name reads as. */
export function stageKindOf(name: string): Stage {
  const n = name.toLowerCase();
  if (/screen|phone|intro/.test(n)) return 'screening';
  if (/on-?site|loop|panel day/.test(n)) return 'onsite';
  if (/final|offer|executive|leadership|founder/.test(n)) return 'final';
  if (/behavio|culture|values|team fit/.test(n)) return 'behavioral';
  if (/tech|cod|system|design|engineer|architecture|take-?home/.test(n)) return 'technical';
  return 'other';
}

const picks = (set: QuestionSet, only?: Set<string>): PickedQuestion[] =>
  set.questions
    .filter((q) => !only || only.has(q.id))
    .map((q) => ({ question: q, setId: set.id, setName: set.name, askedBy: '' }));

/**
 * The questions a template brings: every question of its sets, then its single questions, found in
 * the published sets (there is no endpoint for one question). Sets that cannot be read are skipped;
 * the person scheduling sees what was picked and can change it.
 */
export async function templateQuestions(
  template: Pick<PlanTemplate, 'questionSetIds' | 'questionIds'>,
  published: QuestionSetSummary[],
): Promise<PickedQuestion[]> {
  const load = (id: string) =>
    call(api.GET('/api/v1/question-sets/{id}', { params: { path: { id } } })).catch(() => null);
  const sets = (await Promise.all(template.questionSetIds.map(load))).filter((s): s is QuestionSet => !!s);
  const picked = sets.flatMap((s) => picks(s));
  const wanted = new Set(template.questionIds.filter((id) => !picked.some((p) => p.question.id === id)));
  if (wanted.size) {
    for (const s of sets) picked.push(...picks(s, wanted).filter((p) => wanted.delete(p.question.id)));
    const others = published.filter((s) => !template.questionSetIds.includes(s.id));
    for (let i = 0; wanted.size && i < others.length; i += 5) {
      const batch = (await Promise.all(others.slice(i, i + 5).map((s) => load(s.id)))).filter(
        (s): s is QuestionSet => !!s,
      );
      for (const s of batch) picked.push(...picks(s, wanted).filter((p) => wanted.delete(p.question.id)));
    }
  }
  return picked;
}

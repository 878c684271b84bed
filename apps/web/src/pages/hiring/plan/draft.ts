import type { PlanWarning, PositionPlan, SavePlanInput } from '../../../api/types';

/**
 * The plan as the editor holds it. Every item has a `key` that stays put while it is edited
 * (saved items: their id; new ones: a local key), so React keeps focus on the right input while
 * stages move, and templates can name new competencies before those have ids.
 */
export interface DraftCompetency {
  key: string;
  id?: string;
  name: string;
  description: string;
}
export interface DraftTemplate {
  key: string;
  id?: string;
  title: string;
  durationMinutes: number;
  panelSize: number;
  questionSetIds: string[];
  /** Single questions the API may hold; the editor keeps them as they are. */
  questionIds: string[];
  competencyKeys: string[];
}
export interface DraftStage {
  key: string;
  id?: string;
  name: string;
  templates: DraftTemplate[];
}
export interface PlanDraft {
  competencies: DraftCompetency[];
  stages: DraftStage[];
}

let counter = 0;
export const newKey = (kind: string) => `new-${kind}-${++counter}`;

export function draftOf(plan: PositionPlan): PlanDraft {
  return {
    competencies: plan.competencies.map((c) => ({
      key: c.id,
      id: c.id,
      name: c.name,
      description: c.description ?? '',
    })),
    stages: [...plan.stages]
      .sort((a, b) => a.order - b.order)
      .map((s) => ({
        key: s.id,
        id: s.id,
        name: s.name,
        templates: s.templates.map((t) => ({
          key: t.id,
          id: t.id,
          title: t.title,
          durationMinutes: t.durationMinutes,
          panelSize: t.panelSize,
          questionSetIds: [...t.questionSetIds],
          questionIds: [...t.questionIds],
          competencyKeys: [...t.competencyIds],
        })),
      })),
  };
}

export function newTemplate(stageName: string): DraftTemplate {
  return {
    key: newKey('template'),
    title: stageName.trim() ? `${stageName.trim()} interview` : '',
    durationMinutes: 60,
    panelSize: 2,
    questionSetIds: [],
    questionIds: [],
    competencyKeys: [],
  };
}

export function newStage(): DraftStage {
  return { key: newKey('stage'), name: '', templates: [] };
}

/** The whole plan as PUT takes it: ids kept (interviews point at stages), new competencies by name. */
export function requestOf(draft: PlanDraft, revision: number): SavePlanInput {
  const byKey = new Map(draft.competencies.map((c) => [c.key, c]));
  return {
    revision,
    competencies: draft.competencies.map((c) => ({
      id: c.id,
      name: c.name.trim(),
      description: c.description.trim() || undefined,
    })),
    stages: draft.stages.map((s) => ({
      id: s.id,
      name: s.name.trim(),
      templates: s.templates.map((t) => {
        const chosen = t.competencyKeys.map((k) => byKey.get(k)).filter((c): c is DraftCompetency => !!c);
        const fresh = chosen.filter((c) => !c.id).map((c) => c.name.trim());
        return {
          id: t.id,
          title: t.title.trim(),
          durationMinutes: t.durationMinutes,
          panelSize: t.panelSize,
          questionSetIds: t.questionSetIds,
          questionIds: t.questionIds,
          competencyIds: chosen.filter((c) => c.id).map((c) => c.id!),
          ...(fresh.length ? { competencyNames: fresh } : {}),
        };
      }),
    })),
  } as SavePlanInput;
}

/** Whether the draft differs from what is saved (compared as the request both would send). */
export function isDirty(draft: PlanDraft, saved: PlanDraft): boolean {
  return JSON.stringify(requestOf(draft, 0)) !== JSON.stringify(requestOf(saved, 0));
}

export interface CoverageCell {
  stageKey: string;
  interviews: number;
  interviewers: number;
}
export interface CoverageRow {
  competencyKey: string;
  name: string;
  cells: CoverageCell[];
  totalInterviews: number;
  totalInterviewers: number;
}
export interface Coverage {
  rows: CoverageRow[];
  warnings: Array<Pick<PlanWarning, 'code' | 'message'> & { competencyKey?: string; stageKey?: string }>;
}

// the API's words, so that saving does not reword a warning
const quoted = (name: string, fallback: string) => `"${name.trim() || fallback}"`;

/**
 * The coverage matrix of a draft, with the same rules as the API (a competency nobody assesses, or
 * that only one interviewer rates in the whole loop; a stage without interviews), so the editor can
 * show the effect of a change before it is saved.
 */
export function coverageOf(draft: PlanDraft): Coverage {
  const rows = draft.competencies.map((c) => {
    const cells = draft.stages.map((s) => {
      const assessing = s.templates.filter((t) => t.competencyKeys.includes(c.key));
      return {
        stageKey: s.key,
        interviews: assessing.length,
        interviewers: assessing.reduce((n, t) => n + (Number(t.panelSize) || 0), 0),
      };
    });
    return {
      competencyKey: c.key,
      name: c.name,
      cells,
      totalInterviews: cells.reduce((n, x) => n + x.interviews, 0),
      totalInterviewers: cells.reduce((n, x) => n + x.interviewers, 0),
    };
  });
  const warnings: Coverage['warnings'] = [];
  for (const r of rows) {
    if (r.totalInterviews === 0)
      warnings.push({
        code: 'competency_not_assessed',
        message: `No interview in the plan assesses ${quoted(r.name, 'a new competency')}`,
        competencyKey: r.competencyKey,
      });
    else if (r.totalInterviewers === 1)
      warnings.push({
        code: 'competency_single_rater',
        message: `Only one interviewer rates ${quoted(r.name, 'a new competency')} in the whole loop`,
        competencyKey: r.competencyKey,
      });
  }
  draft.stages.forEach((s, i) => {
    if (!s.templates.length)
      warnings.push({
        code: 'stage_without_interviews',
        message: `Stage ${quoted(s.name, `${i + 1}`)} has no interviews`,
        stageKey: s.key,
      });
  });
  return { rows, warnings };
}

/** The API's coverage and warnings for the saved plan, in the editor's shape (keys = ids). */
export function savedCoverage(plan: PositionPlan): Coverage {
  const stages = [...plan.stages].sort((a, b) => a.order - b.order);
  return {
    rows: plan.coverage.map((r) => {
      const byStage = new Map(r.stages.map((x) => [x.stageId, x]));
      const cells = stages.map((s) => ({
        stageKey: s.id,
        interviews: byStage.get(s.id)?.interviews ?? 0,
        interviewers: byStage.get(s.id)?.interviewers ?? 0,
      }));
      return {
        competencyKey: r.competencyId,
        name: r.competencyName,
        cells,
        totalInterviews: cells.reduce((n, x) => n + x.interviews, 0),
        totalInterviewers: r.totalInterviewers,
      };
    }),
    warnings: plan.warnings.map((w) => ({
      code: w.code,
      message: w.message,
      competencyKey: w.competencyId ?? undefined,
      stageKey: w.stageId ?? undefined,
    })),
  };
}

/** Moves item `from` to `to` (both in range), returning a new array. */
export function moved<T>(items: T[], from: number, to: number): T[] {
  const next = [...items];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item);
  return next;
}

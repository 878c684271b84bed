/** Who assesses what across a position's interview loop, and what the plan leaves uncovered. */

export interface CoverageInput {
  competencies: Array<{ id: string; name: string }>;
  stages: Array<{ id: string; name: string; templates: Array<{ panelSize: number; competencyIds: string[] }> }>;
}

export interface CoverageCell {
  stageId: string;
  /** Templates of the stage that assess the competency. */
  interviews: number;
  /** The sum of those templates' panel sizes. */
  interviewers: number;
}

export interface CoverageRow {
  competencyId: string;
  competencyName: string;
  stages: CoverageCell[];
  totalInterviewers: number;
}

export type PlanWarningCode = 'competency_not_assessed' | 'competency_single_rater' | 'stage_without_interviews';

export interface PlanWarning {
  code: PlanWarningCode;
  message: string;
  competencyId?: string;
  stageId?: string;
}

export function planCoverage(plan: CoverageInput): { coverage: CoverageRow[]; warnings: PlanWarning[] } {
  const coverage = plan.competencies.map((c) => {
    const stages = plan.stages.map((s) => {
      const assessing = s.templates.filter((t) => t.competencyIds.includes(c.id));
      return {
        stageId: s.id,
        interviews: assessing.length,
        interviewers: assessing.reduce((n, t) => n + t.panelSize, 0),
      };
    });
    return {
      competencyId: c.id,
      competencyName: c.name,
      stages,
      totalInterviewers: stages.reduce((n, s) => n + s.interviewers, 0),
    };
  });
  const warnings: PlanWarning[] = [];
  for (const row of coverage) {
    if (row.totalInterviewers === 0) {
      warnings.push({
        code: 'competency_not_assessed',
        competencyId: row.competencyId,
        message: `No interview in the plan assesses "${row.competencyName}"`,
      });
    } else if (row.totalInterviewers === 1) {
      // one rating cannot be checked against another: a single rater's bias decides alone
      const message = `Only one interviewer rates "${row.competencyName}" in the whole loop`;
      warnings.push({ code: 'competency_single_rater', competencyId: row.competencyId, message });
    }
  }
  for (const s of plan.stages) {
    if (!s.templates.length)
      warnings.push({
        code: 'stage_without_interviews',
        stageId: s.id,
        message: `Stage "${s.name}" has no interviews`,
      });
  }
  return { coverage, warnings };
}

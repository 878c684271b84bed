import type { Recommendation } from '../entities/scorecard.entity';
import { RECOMMENDATION_VALUES } from '../scale';
import { agreementFigure, figureFromUnits, unitsBy, type AgreementSet, type Coincidences } from '../stats';

export interface RecommendationVote {
  interviewId: string;
  panelistId: string;
  recommendation: string | null;
}

export interface CompetencyMean {
  interviewId: string;
  panelistId: string;
  competency: string;
  mean: number | null;
}

/**
 * The three agreement figures of a set of submitted scorecards. Criteria: units are criteria of
 * interview questions (the existing figure). Recommendations: units are interviews, each panelist
 * a coder. Competencies: units are (interview, competency), each panelist's mean over that
 * competency's criteria a value. The latter two have data when questions are split between panelists.
 */
export function panelAgreement(
  criteria: (Coincidences & { units?: number }) | undefined,
  recs: RecommendationVote[],
  means: CompetencyMean[],
): AgreementSet {
  return {
    criteria: agreementFigure('criteria', criteria, criteria?.units ?? 0),
    recommendations: figureFromUnits(
      'recommendations',
      unitsBy(
        recs,
        (r) => r.interviewId,
        (r) => RECOMMENDATION_VALUES[r.recommendation as Recommendation] ?? null,
      ),
    ),
    competencies: figureFromUnits(
      'competencies',
      unitsBy(
        means,
        (m) => `${m.interviewId}\u0000${m.competency}`,
        (m) => m.mean,
      ),
    ),
  };
}

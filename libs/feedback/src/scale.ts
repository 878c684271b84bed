import { RECOMMENDATIONS, type Recommendation } from './entities/scorecard.entity';

/**
 * One name per point of the 4-point scale, for recommendations and criterion ratings alike: the
 * API's enum descriptions, CSV exports and emails all read these (the web page mirrors them).
 */
export const RECOMMENDATION_LABELS: Readonly<Record<Recommendation, string>> = {
  strong_no: 'Strong no',
  no: 'No',
  yes: 'Yes',
  strong_yes: 'Strong yes',
};

/** Rating 1-4 takes the same words as the recommendation at the same point. */
export const RATING_LABELS: Readonly<Record<1 | 2 | 3 | 4, string>> = {
  1: 'Strong no',
  2: 'No',
  3: 'Yes',
  4: 'Strong yes',
};

/** strong_no = 1 ... strong_yes = 4: the ordinal value a recommendation has in agreement figures. */
export const RECOMMENDATION_VALUES: Readonly<Record<Recommendation, number>> = {
  strong_no: 1,
  no: 2,
  yes: 3,
  strong_yes: 4,
};

export function recommendationLabel(r: string | null): string | null {
  return r === null ? null : (RECOMMENDATION_LABELS[r as Recommendation] ?? r);
}

/** For Swagger descriptions: "strong_no = Strong no, no = No, …". */
export const RECOMMENDATION_SCALE_TEXT = RECOMMENDATIONS.map((r) => `${r} = ${RECOMMENDATION_LABELS[r]}`).join(', ');
export const RATING_SCALE_TEXT = ([1, 2, 3, 4] as const).map((v) => `${v} = ${RATING_LABELS[v]}`).join(', ');

import type { ReactNode } from 'react';
import type { DebriefScorecard, Scorecard } from '../../../api/types';
import { TypeChip } from '../../../components/Chips';
import { useTimeFormat } from '../../../lib/time';
import { Avatar, RECOMMENDATION_LABEL, SCALE_LABEL, type Recommendation } from '../shared';
import '../../../styles/debrief.css';

/** One submitted scorecard as the hiring team reads it, whichever endpoint it came from. */
export interface CardView {
  id: string;
  authorName: string;
  interviewTitle?: string;
  submittedAt: string | null;
  /** null when the due time is not known. */
  onTime: boolean | null;
  recommendation: Recommendation | null;
  summary: string | null;
  questions: Array<{
    questionId: string;
    prompt: string;
    type: string;
    competencies: string[];
    notes: string | null;
    followUpsAsked: string[];
    ratings: Array<{
      criterionId: string;
      label: string;
      rating: number | null;
      notAssessed: boolean;
      note: string | null;
    }>;
  }>;
}

const SCORE_CLASS: Record<number, string> = { 1: 'strong-no', 2: 'no', 3: 'yes', 4: 'strong-yes' };
const REC_SCORE: Record<Recommendation, number> = { strong_no: 1, no: 2, yes: 3, strong_yes: 4 };

export function fromDebrief(sc: DebriefScorecard): CardView {
  return {
    id: sc.id,
    authorName: sc.author.name,
    interviewTitle: sc.interviewTitle,
    submittedAt: sc.submittedAt,
    onTime: sc.onTime,
    recommendation: (sc.recommendation ?? null) as Recommendation | null,
    summary: sc.summary ?? null,
    questions: sc.questions.map((q) => ({
      questionId: q.questionId,
      prompt: q.prompt,
      type: q.type,
      competencies: q.competencies ?? [],
      notes: q.notes ?? null,
      followUpsAsked: q.followUpsAsked.map((f) => f.prompt),
      ratings: q.ratings.map((r) => ({
        criterionId: r.criterionId,
        label: r.label,
        rating: r.rating ?? null,
        notAssessed: r.notAssessed,
        note: r.note ?? null,
      })),
    })),
  };
}

/** A scorecard from `GET /interviews/{id}/scorecards`; on time means submitted by the interview's feedback due time. */
export function fromScorecard(sc: Scorecard, feedbackDueAt: string | null): CardView {
  return {
    id: sc.id,
    authorName: sc.panelist.name,
    submittedAt: sc.submittedAt,
    onTime:
      sc.submittedAt && feedbackDueAt ? new Date(sc.submittedAt).getTime() <= new Date(feedbackDueAt).getTime() : null,
    recommendation: sc.overallRecommendation,
    summary: sc.summary,
    questions: [...sc.questions]
      .sort((a, b) => a.position - b.position)
      .map((q) => ({
        questionId: q.questionId,
        prompt: q.prompt,
        type: q.type,
        competencies: [],
        notes: q.notes,
        followUpsAsked: q.followUps.filter((f) => f.asked).map((f) => f.prompt),
        ratings: q.criteria.map((c) => ({
          criterionId: c.criterionId,
          label: c.label,
          rating: c.rating,
          notAssessed: c.notAssessed,
          note: c.note,
        })),
      })),
  };
}

export function RatingBadge({ rating }: { rating: number | null | undefined }) {
  if (rating == null)
    return (
      <span className="db-rating db-rating--none">
        —<span className="visually-hidden"> not rated</span>
      </span>
    );
  return (
    <span className={`db-rating hm-score--${SCORE_CLASS[rating] ?? 'none'}`}>
      {rating} · {SCALE_LABEL[rating] ?? rating}
    </span>
  );
}

export function RecommendationBadge({ value }: { value: Recommendation | null | undefined }) {
  if (!value) return <span className="db-rating db-rating--none">No recommendation</span>;
  return (
    <span className={`db-rating db-rec hm-score--${SCORE_CLASS[REC_SCORE[value]]}`}>{RECOMMENDATION_LABEL[value]}</span>
  );
}

export function TimelinessBadge({ onTime }: { onTime: boolean | null }) {
  if (onTime === null) return null;
  return onTime ? (
    <span className="hm-pill db-pill--ok">On time</span>
  ) : (
    <span className="hm-pill hm-pill--danger">Late</span>
  );
}

/** A submitted scorecard in full: every rated criterion, the notes, the follow-ups asked, the summary and the recommendation. */
export function ScorecardCard({
  card,
  headingLevel = 3,
  actions,
}: {
  card: CardView;
  headingLevel?: 2 | 3;
  actions?: ReactNode;
}) {
  const time = useTimeFormat();
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const Q = headingLevel === 2 ? 'h3' : 'h4';
  // questions others asked and this panelist left untouched say nothing: leave them out
  const answered = card.questions.filter(
    (q) => q.ratings.some((r) => r.rating != null || r.notAssessed) || q.notes || q.followUpsAsked.length,
  );
  return (
    <article className="card db-card" aria-label={`${card.authorName}’s scorecard`}>
      <header className="db-card__head">
        <Avatar name={card.authorName} />
        <div className="db-card__who">
          <H className="db-card__name">{card.authorName}</H>
          <span className="muted small">
            {card.interviewTitle ? `${card.interviewTitle} · ` : ''}
            {card.submittedAt ? `Submitted ${time.dateTime(card.submittedAt)}` : 'Not submitted'}
          </span>
        </div>
        <span className="db-card__badges">
          <TimelinessBadge onTime={card.onTime} />
          <span className="muted small">Recommends</span>
          <RecommendationBadge value={card.recommendation} />
        </span>
      </header>
      <div className="db-card__summary">
        <span className="db-label">Summary</span>
        <p>{card.summary || <span className="muted">No summary written.</span>}</p>
      </div>
      {actions ? <div className="db-card__actions">{actions}</div> : null}
      {answered.length === 0 ? (
        <p className="muted small">No question rated.</p>
      ) : (
        answered.map((q) => (
          <div key={q.questionId} className="db-q">
            <Q className="db-q__prompt">
              <TypeChip type={q.type as 'technical'} /> <span>{q.prompt}</span>
            </Q>
            {q.competencies.length > 0 && (
              <p className="small muted">
                Competencies:{' '}
                {q.competencies.map((c) => (
                  <span key={c} className="tag">
                    {c}
                  </span>
                ))}
              </p>
            )}
            <ul className="db-q__ratings">
              {q.ratings.map((r) => (
                <li key={r.criterionId}>
                  <span className="db-q__criterion">
                    {r.label}
                    {r.note && <span className="db-q__note small">{r.note}</span>}
                  </span>
                  {r.notAssessed ? (
                    <span className="db-rating db-rating--none">Not assessed</span>
                  ) : (
                    <RatingBadge rating={r.rating} />
                  )}
                </li>
              ))}
            </ul>
            {q.followUpsAsked.length > 0 && (
              <div className="small">
                <span className="db-label">Follow-ups asked</span>
                <ul className="db-q__followups">
                  {q.followUpsAsked.map((f) => (
                    <li key={f}>{f}</li>
                  ))}
                </ul>
              </div>
            )}
            {q.notes ? (
              <div>
                <span className="db-label">Notes</span>
                <p className="db-q__notes">{q.notes}</p>
              </div>
            ) : null}
          </div>
        ))
      )}
    </article>
  );
}

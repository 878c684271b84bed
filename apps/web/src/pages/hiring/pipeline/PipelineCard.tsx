import { Link } from 'react-router-dom';
import type { PipelineCard as Card } from '../../../api/types';
import { Avatar } from '../shared';
import { CANDIDATE_STATUS_LABEL } from './labels';

/** Where "Schedule" on a card leads: the schedule page, filled from the stage's interview template. */
export interface ScheduleTarget {
  planStageId?: string;
  templateId?: string;
}

export function scheduleHref(candidateId: string, target: ScheduleTarget): string {
  const q = new URLSearchParams({ candidateId });
  if (target.planStageId) q.set('planStageId', target.planStageId);
  if (target.templateId) q.set('templateId', target.templateId);
  return `/hiring/interviews/new?${q}`;
}

/**
 * A candidate on the board: who, their status, where their interviews and scorecards stand, and
 * the next step. The name is the card's first stop for the keyboard (arrow keys move between names).
 */
export function PipelineCard({ card, schedule }: { card: Card; schedule: ScheduleTarget }) {
  const nameId = `card-${card.id}-name`;
  const { submitted, expected } = card.scorecards;
  const showDebrief =
    submitted > 0 || card.state === 'awaiting_feedback' || card.state === 'ready_to_decide' || card.state === 'decided';
  return (
    <article className={`pb-card pb-card--${card.state}`} aria-labelledby={nameId} data-testid="pipeline-card">
      <div className="pb-card__top">
        <Avatar name={card.name} size="sm" />
        <div className="pb-card__who">
          <Link id={nameId} className="pb-card__name" to={`/candidates/${card.id}`} data-card-link="">
            {card.name}
          </Link>
          <span className="pb-card__meta">
            <span className={`pb-status pb-status--${card.status}`}>
              {CANDIDATE_STATUS_LABEL[card.status] ?? card.status}
            </span>
            <span className="pb-card__email">{card.email}</span>
          </span>
        </div>
      </div>
      {card.nextInterview ? (
        <Link
          className={`pb-state pb-state--${card.state}`}
          to={`/hiring/interviews/${card.nextInterview.id}`}
          title={card.nextInterview.title}
        >
          {card.label}
        </Link>
      ) : (
        <p className={`pb-state pb-state--${card.state}`}>{card.label}</p>
      )}
      {expected > 0 && (
        <p className="pb-scorecards">
          <span>
            Scorecards {submitted}/{expected}
          </span>
          <span className="pb-scorecards__bar" aria-hidden="true">
            <span style={{ width: `${Math.round((100 * Math.min(submitted, expected)) / expected)}%` }} />
          </span>
        </p>
      )}
      <div className="pb-card__actions">
        <Link
          className={`btn btn--small${card.state === 'not_scheduled' ? ' btn--primary' : ''}`}
          to={scheduleHref(card.id, schedule)}
        >
          Schedule<span className="visually-hidden"> {card.name}</span>
        </Link>
        {showDebrief && (
          <Link className="btn btn--small btn--ghost" to={`/candidates/${card.id}/debrief`}>
            Open debrief<span className="visually-hidden"> of {card.name}</span>
          </Link>
        )}
      </div>
    </article>
  );
}

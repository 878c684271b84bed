import { api, call } from '../../../api/client';
import type { InterviewKit, Scorecard } from '../../../api/types';
import { TypeChip } from '../../../components/Chips';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { ReopenScorecardButton } from '../../../components/ReopenScorecardButton';
import { Icon } from '../../../components/Icon';
import { SkeletonRows } from '../../../components/Loading';
import { useResource } from '../../../lib/use-resource';
import { Avatar, RECOMMENDATIONS, recommendationLabel, scaleLabel, useWhen } from '../shared';
import { ScorecardHeader } from './ScorecardHeader';

/**
 * After submitting: my scorecard, read-only, and the panel's other submitted scorecards (the API
 * applies the blind rule: it reveals them only once mine is submitted, and never a draft).
 */
export function SubmittedView({
  kit,
  mine,
  onReopened,
}: {
  kit: InterviewKit;
  mine: Scorecard;
  justSubmitted?: boolean;
  onReopened?(card: Scorecard): void;
}) {
  const w = useWhen();
  const board = useResource(
    () => call(api.GET('/api/v1/interviews/{id}/scorecards', { params: { path: { id: kit.id } } })),
    [kit.id, mine.version],
  );
  const others = (board.data?.items ?? []).filter(
    (c) => c.panelist.id !== mine.panelist.id && c.status === 'submitted',
  );
  const pending = (board.data?.pending ?? []).filter((p) => p.id !== mine.panelist.id);

  return (
    <div className="iv-page iv-sc iv-done">
      <ScorecardHeader kit={kit} />
      <div className="iv-done__banner" role="status">
        <span className="iv-done__tick" aria-hidden="true">
          <Icon name="check" size={22} />
        </span>
        <div>
          <strong>Submitted {mine.submittedAt ? w.dateTime(mine.submittedAt) : ''}</strong>
          <p>Your scorecard is locked. Thank you: the hiring team can now read it.</p>
        </div>
        {onReopened && (
          <ReopenScorecardButton interviewId={kit.id} scorecardId={mine.id} whose="your" onReopened={onReopened} />
        )}
      </div>

      <section className="iv-section" aria-labelledby="panel-title">
        <h2 id="panel-title">The panel</h2>
        <ul className="iv-glance">
          <li>
            <Glance card={mine} you />
          </li>
          {others.map((c) => (
            <li key={c.id}>
              <Glance card={c} />
            </li>
          ))}
          {pending.map((p) => (
            <li key={p.id}>
              <div className="iv-glance__card iv-glance__card--pending">
                <Avatar name={p.name} />
                <span>
                  <strong>{p.name}</strong>
                  <span className="muted small">Not submitted yet · hidden until they do</span>
                </span>
              </div>
            </li>
          ))}
        </ul>
        {board.error ? (
          <ErrorNotice error={board.error} onRetry={board.reload} title="The panel’s scorecards could not be loaded" />
        ) : null}
        {board.loading && !board.data && <SkeletonRows rows={1} label="Loading the panel’s scorecards…" />}
      </section>

      <div className="iv-cards">
        <ReadOnlyScorecard card={mine} title="Your scorecard" />
        {others.map((c) => (
          <ReadOnlyScorecard key={c.id} card={c} title={`${c.panelist.name}’s scorecard`} />
        ))}
      </div>
    </div>
  );
}

function RecPill({ value }: { value: Scorecard['overallRecommendation'] }) {
  const score = RECOMMENDATIONS.find((r) => r.value === value)?.score ?? 0;
  return <span className={`iv-rec iv-rec--${score}`}>{recommendationLabel(value)}</span>;
}

function Glance({ card, you }: { card: Scorecard; you?: boolean }) {
  return (
    <div className="iv-glance__card">
      <Avatar name={card.panelist.name} />
      <span>
        <strong>
          {card.panelist.name}
          {you ? <span className="muted"> (you)</span> : null}
        </strong>
        <RecPill value={card.overallRecommendation} />
      </span>
    </div>
  );
}

function ReadOnlyScorecard({ card, title }: { card: Scorecard; title: string }) {
  const w = useWhen();
  const rated = card.questions.filter(
    (q) => q.criteria.some((c) => c.rating != null || c.notAssessed) || q.notes || q.followUps.some((f) => f.asked),
  );
  return (
    <article className="card iv-ro" aria-label={title}>
      <header className="iv-ro__head">
        <Avatar name={card.panelist.name} size={36} />
        <div>
          <h2>{title}</h2>
          <p className="muted small">{card.submittedAt ? `Submitted ${w.dateTime(card.submittedAt)}` : 'Draft'}</p>
        </div>
        <RecPill value={card.overallRecommendation} />
      </header>
      {card.summary && <p className="iv-ro__summary">{card.summary}</p>}
      {rated.map((q) => (
        <section key={q.questionId} className="iv-ro__q" aria-label={`Question ${q.position + 1}`}>
          <h3>
            <span className="iv-q__n iv-q__n--small">{q.position + 1}</span>
            <TypeChip type={q.type as 'technical'} />
            <span className="iv-ro__prompt">{q.prompt}</span>
          </h3>
          <ul className="iv-ro__crits">
            {q.criteria.map((c) => (
              <li key={c.criterionId}>
                <span>{c.label}</span>
                {c.notAssessed ? (
                  <span className="iv-pillrate iv-pillrate--na">Not assessed</span>
                ) : c.rating ? (
                  <span className={`iv-pillrate iv-dot--${c.rating}`}>
                    {c.rating} · {scaleLabel(c.rating)}
                  </span>
                ) : (
                  <span className="iv-pillrate iv-pillrate--na">—</span>
                )}
              </li>
            ))}
          </ul>
          {q.followUps.some((f) => f.asked) && (
            <p className="small muted">
              Asked:{' '}
              {q.followUps
                .filter((f) => f.asked)
                .map((f) => f.prompt)
                .join(' · ')}
            </p>
          )}
          {q.notes && <p className="iv-ro__notes">{q.notes}</p>}
        </section>
      ))}
    </article>
  );
}

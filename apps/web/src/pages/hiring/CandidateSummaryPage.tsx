import { Link, useParams } from 'react-router-dom';
import { api, call } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { interviewStatusLabel } from '../../components/InterviewStatus';
import { Icon } from '../../components/Icon';
import { Loading } from '../../components/Loading';
import { Card, EmptyState, PageHeader } from '../../components/Page';
import { useTimeFormat } from '../../lib/time';
import { useResource } from '../../lib/use-resource';
import { Avatar, InterviewStatusBadge, RECOMMENDATIONS, STAGE_LABEL } from './shared';
import { AgreementGauge, RatingBars, RecommendationBar, interpretAlpha } from './summary/Charts';
import type { CandidateSummary } from './types';
import { plural } from '../../lib/plural';

/** Everything the panels said about a candidate, as charts a hiring manager can decide from. */
export default function CandidateSummaryPage() {
  const { id = '' } = useParams();
  const summary = useResource(
    () => call(api.GET('/api/v1/candidates/{id}/feedback-summary', { params: { path: { id } } })),
    [id],
  );
  if (summary.error && !summary.data)
    return (
      <ErrorNotice error={summary.error} onRetry={summary.reload} title="The feedback summary could not be loaded" />
    );
  if (!summary.data) return <Loading label="Loading feedback summary…" />;
  return <SummaryView s={summary.data} />;
}

function SummaryView({ s }: { s: CandidateSummary }) {
  const time = useTimeFormat();
  const total = RECOMMENDATIONS.reduce((n, k) => n + s.recommendations[k], 0);
  const hire = s.recommendations.yes + s.recommendations.strong_yes;
  const expected = s.timeline.reduce((n, t) => n + t.expected, 0);
  const submitted = s.timeline.reduce((n, t) => n + t.submitted, 0);
  const overdue = s.missing.filter((m) => m.overdue).length;
  const titleOf = new Map(s.timeline.map((t) => [t.interviewId, t]));
  const words = interpretAlpha(s.agreement);

  return (
    <>
      <PageHeader
        eyebrow={<Link to={`/positions/${s.position.id}`}>{s.position.name}</Link>}
        title={`${s.candidate.name}: feedback`}
        subtitle="Scorecards from every interview, side by side. Drafts are never counted; only submitted scorecards are."
        actions={
          <>
            <Link className="btn" to={`/candidates/${s.candidate.id}`}>
              Candidate
            </Link>
            <Link className="btn" to={`/positions/${s.position.id}/compare`}>
              Compare with others
            </Link>
          </>
        }
      />
      <dl className="hm-kpis" aria-label="At a glance">
        <div className="hm-kpi">
          <dt>Interviews</dt>
          <dd>{s.timeline.length}</dd>
          <dd className="hm-kpi__note muted small">{interviewCounts(s.timeline)}</dd>
        </div>
        <div className="hm-kpi">
          <dt>Scorecards in</dt>
          <dd>
            {submitted}
            <small>/{expected}</small>
          </dd>
          <dd className={`hm-kpi__note small ${overdue ? 'hm-text-danger' : 'muted'}`}>
            {overdue ? `${overdue} overdue` : s.missing.length ? `${s.missing.length} still to come` : 'All in'}
          </dd>
        </div>
        <div className="hm-kpi">
          <dt>Would hire</dt>
          <dd>
            {hire}
            <small>/{total}</small>
          </dd>
          <dd className="hm-kpi__note muted small">
            {total ? `${Math.round((hire / total) * 100)}% yes or strong yes` : 'No recommendations yet'}
          </dd>
        </div>
        <div className={`hm-kpi hm-kpi--${words.tone}`}>
          <dt>Agreement</dt>
          <dd>{s.agreement.enoughData && s.agreement.alpha !== null ? s.agreement.alpha.toFixed(2) : 'n/a'}</dd>
          <dd className="hm-kpi__note small">{words.headline}</dd>
        </div>
      </dl>

      <div className="hm-summary-grid">
        <Card title="Ratings by question type" className="hm-card-chart">
          <RatingBars id="chart-by-type" title="Ratings by question type" groups={s.byQuestionType} />
        </Card>
        <Card title="Recommendations" className="hm-card-chart">
          <RecommendationBar id="chart-recommendations" counts={s.recommendations} caption="Overall recommendations" />
          <p className="muted small hm-chart-note">
            {total
              ? `${total} submitted ${total === 1 ? 'scorecard' : 'scorecards'}: ${hire} for hiring, ${total - hire} against.`
              : 'Recommendations appear as scorecards are submitted.'}
          </p>
        </Card>
        <Card title="Ratings by competency" className="hm-card-chart hm-span-2">
          <RatingBars id="chart-by-competency" title="Ratings by competency" groups={s.byCompetency} />
        </Card>
        <Card title="Agreement" className="hm-card-chart">
          <AgreementGauge id="chart-agreement" agreement={s.agreement} />
        </Card>
        <Card
          title={
            <>
              Missing scorecards <span className="count">{s.missing.length}</span>
            </>
          }
          className="hm-card-chart"
        >
          {s.missing.length === 0 ? (
            <p className="hm-all-in">
              <Icon name="check" /> Every panelist has submitted.
            </p>
          ) : (
            <ul className="plain-list hm-missing" aria-label="Missing scorecards">
              {s.missing.map((m) => (
                <li key={`${m.interviewId}-${m.userId}`}>
                  <Avatar name={m.name} size="sm" />
                  <span className="hm-missing__who">
                    <strong>{m.name}</strong>
                    <span className="muted small">
                      {m.role} · {titleOf.get(m.interviewId)?.title ?? 'Interview'} · due{' '}
                      {time.dateTime(m.feedbackDueAt)}
                    </span>
                  </span>
                  {m.overdue ? (
                    <span className="hm-pill hm-pill--danger">Overdue</span>
                  ) : (
                    <span className="hm-pill">Due {time.relative(m.feedbackDueAt)}</span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Timeline" className="hm-span-2">
          {s.timeline.length === 0 ? (
            <EmptyState
              title="No interviews yet"
              action={
                <Link className="btn btn--primary" to={`/hiring/interviews/new?candidateId=${s.candidate.id}`}>
                  Schedule one
                </Link>
              }
            />
          ) : (
            <ol className="hm-timeline" aria-label="Interviews in order">
              {s.timeline.map((t) => (
                <li key={t.interviewId} className={`hm-timeline__item hm-timeline__item--${t.status}`}>
                  <span className="hm-timeline__dot" aria-hidden="true" />
                  <div className="hm-timeline__when">
                    <strong>{time.date(t.start)}</strong>
                    <span className="muted small">{time.time(t.start)}</span>
                  </div>
                  <div className="hm-timeline__what">
                    <Link to={`/hiring/interviews/${t.interviewId}`}>{t.title}</Link>
                    <span className="muted small">
                      {STAGE_LABEL[t.stage] ?? t.stage} · {t.submitted} of {plural(t.expected, 'scorecard')}
                    </span>
                  </div>
                  <div className="hm-timeline__recs">
                    <RecommendationBar compact counts={t.recommendations} caption={`Recommendations for ${t.title}`} />
                  </div>
                  <InterviewStatusBadge status={t.status} />
                </li>
              ))}
            </ol>
          )}
        </Card>
      </div>
    </>
  );
}

/** "2 completed · 1 awaiting feedback": the statuses that say where the evidence stands. */
function interviewCounts(timeline: { status: string }[]): string {
  const count = (status: string) => timeline.filter((t) => t.status === status).length;
  const parts = [`${count('completed')} completed`];
  for (const status of ['awaiting_feedback', 'no_show', 'cancelled'])
    if (count(status)) parts.push(`${count(status)} ${interviewStatusLabel(status).toLowerCase()}`);
  return parts.join(' · ');
}

import { Link } from 'react-router-dom';
import { api, call } from '../../api/client';
import { useUser } from '../../auth/session';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Loading } from '../../components/Loading';
import { Card, EmptyState, PageHeader } from '../../components/Page';
import { useTimeFormat } from '../../lib/time';
import { useResource } from '../../lib/use-resource';
import '../../styles/debrief.css';
import '../../styles/hiring.css';
import { plural } from '../../lib/plural';

/** The hiring manager's home: candidates ready for a decision, scorecards overdue on their positions, the interviews coming up. */
export default function HiringHomePage() {
  const me = useUser();
  const time = useTimeFormat();
  const home = useResource(() => call(api.GET('/api/v1/me/hiring-home')), []);
  if (home.error && !home.data)
    return <ErrorNotice error={home.error} onRetry={home.reload} title="Your home page could not be loaded" />;
  if (!home.data) return <Loading label="Loading your home page…" />;
  const { decisionsWaiting, overdueScorecards, upcomingInterviews } = home.data;

  return (
    <>
      <PageHeader
        title="Home"
        subtitle={`Good to see you, ${me.name.split(/\s+/)[0]}. What needs you on your positions.`}
      />
      <div className="db-home">
        <Card
          title={
            <>
              Decisions waiting <span className="count">{decisionsWaiting.length}</span>
            </>
          }
          className="db-home__wide"
        >
          {decisionsWaiting.length === 0 ? (
            <EmptyState title="Nothing to decide">
              Candidates appear here once every scorecard of their stage is in.
            </EmptyState>
          ) : (
            <ul className="plain-list" aria-label="Decisions waiting">
              {decisionsWaiting.map((d) => (
                <li key={`${d.candidateId}`}>
                  <Link className="db-home-row" to={`/candidates/${d.candidateId}/debrief`}>
                    <span className="db-home-row__main">
                      <span className="db-home-row__title">{d.candidateName}</span>
                      <span className="muted small">
                        {d.positionTitle}
                        {d.stageName ? ` · ${d.stageName}` : ''}
                      </span>
                    </span>
                    <span className="hm-pill db-pill--ok">
                      {d.submitted} of {plural(d.expected, 'scorecard')} · open debrief
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card
          title={
            <>
              Overdue scorecards <span className="count">{overdueScorecards.length}</span>
            </>
          }
        >
          {overdueScorecards.length === 0 ? (
            <p className="hm-all-in">Nothing overdue.</p>
          ) : (
            <ul className="plain-list hm-interviews" aria-label="Overdue scorecards">
              {overdueScorecards.map((o) => (
                <li key={`${o.interviewId}-${o.userId}`}>
                  <Link className="db-home-row" to={`/hiring/interviews/${o.interviewId}`}>
                    <span className="db-home-row__main">
                      <span className="db-home-row__title">{o.name}</span>
                      <span className="muted small">
                        {o.candidateName} · {o.interviewTitle}
                      </span>
                    </span>
                    <span className="hm-pill hm-pill--danger" title={time.dateTime(o.feedbackDueAt)}>
                      Due {time.relative(o.feedbackDueAt)}
                    </span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card
          title={
            <>
              Upcoming interviews <span className="count">{upcomingInterviews.length}</span>
            </>
          }
        >
          {upcomingInterviews.length === 0 ? (
            <p className="muted">No interview coming up.</p>
          ) : (
            <ul className="plain-list hm-interviews" aria-label="Upcoming interviews">
              {upcomingInterviews.map((i) => (
                <li key={i.id}>
                  <Link className="db-home-row" to={`/hiring/interviews/${i.id}`}>
                    <span className="db-home-row__main">
                      <span className="db-home-row__title">
                        {i.candidateName} · {i.title}
                      </span>
                      <span className="muted small">{i.positionTitle}</span>
                    </span>
                    <span className="small">{time.dateTime(i.startsAt)}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}

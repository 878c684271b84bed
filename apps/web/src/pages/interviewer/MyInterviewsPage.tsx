import { Link } from 'react-router-dom';
import { api, call } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { InterviewSummary } from '../../api/types';
import { useUser } from '../../auth/session';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { SkeletonRows } from '../../components/Loading';
import { EmptyState, PageHeader } from '../../components/Page';
import { PagedList, usePaged } from '../../components/PagedList';
import { useResource } from '../../lib/use-resource';
import { panelRoleLabel, useWhen } from './shared';

const PAGE_SIZE = 10;
/** How far back "scorecards to write" looks; older unsent ones still count in the overdue total. */
const LOOKBACK_DAYS = 60;

interface OwedScorecard {
  interview: InterviewSummary;
  overdue: boolean;
  started: boolean;
}

/** Past interviews of mine whose scorecard I have not submitted, most urgent first. */
async function loadOwed(userId: string): Promise<{ owed: OwedScorecard[]; overdueTotal: number }> {
  const now = new Date();
  const from = new Date(now.getTime() - LOOKBACK_DAYS * 86_400_000).toISOString();
  const [profile, past] = await Promise.all([
    call(api.GET('/api/v1/interviewers/{id}', { params: { path: { id: userId } } })).catch((e) => {
      if (e instanceof ApiError && e.status === 404) return null; // no interviewer profile: nothing owed
      throw e;
    }),
    call(api.GET('/api/v1/interviews', { params: { query: { interviewerId: userId, from, to: now.toISOString(), limit: 50 } } })),
  ]);
  const ended = past.items.filter((i) => i.status !== 'cancelled' && new Date(i.end) <= now);
  // the scorecard list says who has not submitted yet (the blind rule hides the rest, not this)
  const boards = await Promise.all(ended.map((i) => call(api.GET('/api/v1/interviews/{id}/scorecards', { params: { path: { id: i.id } } })).catch(() => null)));
  const owed = ended
    .filter((_, n) => boards[n]?.pending.some((p) => p.id === userId))
    .map((interview) => ({ interview, overdue: new Date(interview.feedbackDueAt) < now, started: true }))
    .sort((a, b) => new Date(a.interview.feedbackDueAt).getTime() - new Date(b.interview.feedbackDueAt).getTime());
  return { owed, overdueTotal: Math.max(profile?.overdueScorecards ?? 0, owed.filter((o) => o.overdue).length) };
}

export default function MyInterviewsPage() {
  const user = useUser();
  const upcoming = usePaged((cursor) => call(api.GET('/api/v1/interviews/upcoming', { params: { query: { cursor, limit: PAGE_SIZE } } })), []);
  const owed = useResource(() => loadOwed(user.id), [user.id]);
  const next = upcoming.items[0];
  const first = upcoming.loading && upcoming.items.length === 0;

  return (
    <div className="iv-page">
      <PageHeader title="My interviews" subtitle={`Your interviews and the scorecards you owe. Times are in your timezone, ${user.timezone.replace(/_/g, ' ')}.`} />

      <section aria-labelledby="owed-title" className="iv-section">
        <div className="section-head">
          <h2 id="owed-title">
            Scorecards to write {owed.data && owed.data.owed.length > 0 && <span className="count">{owed.data.owed.length}</span>}
          </h2>
          {owed.data && owed.data.overdueTotal > 0 && (
            <span className="iv-pill iv-pill--danger">
              <Icon name="alert" size={14} /> {owed.data.overdueTotal} overdue
            </span>
          )}
        </div>
        {owed.error ? <ErrorNotice error={owed.error} onRetry={owed.reload} /> : null}
        {!owed.data && !owed.error && <SkeletonRows rows={1} label="Loading your scorecards…" />}
        {owed.data &&
          (owed.data.owed.length === 0 ? (
            <p className="iv-caught-up">
              <Icon name="check" /> You are all caught up: no scorecard is waiting for you.
            </p>
          ) : (
            <ul className="iv-list" aria-label="Scorecards to write">
              {owed.data.owed.map((o) => (
                <li key={o.interview.id}>
                  <OwedRow item={o} userId={user.id} />
                </li>
              ))}
            </ul>
          ))}
        {owed.data && owed.data.overdueTotal > owed.data.owed.filter((o) => o.overdue).length && (
          <p className="muted small">Some overdue scorecards are for interviews more than {LOOKBACK_DAYS} days old; ask your hiring manager which.</p>
        )}
      </section>

      <section aria-labelledby="upcoming-title" className="iv-section">
        <h2 id="upcoming-title">Upcoming</h2>
        {first ? (
          <SkeletonRows rows={3} label="Loading your interviews…" />
        ) : (
          <>
            {next && <NextUp interview={next} userId={user.id} />}
            <PagedList
              paged={{ ...upcoming, items: upcoming.items.slice(1), error: upcoming.error }}
              label="Later interviews"
              className="iv-list"
              keyOf={(i) => i.id}
              render={(i) => <InterviewRow interview={i} userId={user.id} />}
              empty={
                next ? (
                  <p className="muted small iv-after-next">Nothing else scheduled after that.</p>
                ) : (
                  <EmptyState title="No interviews scheduled">When a hiring manager puts you on a panel, the interview shows here with its kit.</EmptyState>
                )
              }
            />
          </>
        )}
      </section>
    </div>
  );
}

function myRole(i: InterviewSummary, userId: string) {
  return i.panel.find((p) => p.userId === userId)?.role;
}

function DateBlock({ when }: { when: string | Date }) {
  const w = useWhen();
  return (
    <span className="iv-date" aria-hidden="true">
      <span className="iv-date__month">{w.month(when)}</span>
      <span className="iv-date__day">{w.day(when)}</span>
      <span className="iv-date__weekday">{w.weekday(when)}</span>
    </span>
  );
}

function Where({ interview }: { interview: Pick<InterviewSummary, 'meetingUrl' | 'location'> }) {
  if (interview.meetingUrl)
    return (
      <a className="iv-where" href={interview.meetingUrl} target="_blank" rel="noreferrer">
        <Icon name="external" size={15} /> Join video call
      </a>
    );
  if (interview.location) return <span className="iv-where">{interview.location}</span>;
  return null;
}

function NextUp({ interview: i, userId }: { interview: InterviewSummary; userId: string }) {
  const w = useWhen();
  const role = myRole(i, userId);
  return (
    <article className="iv-next" aria-label={`Next: ${i.title} with ${i.candidate.name}`}>
      <div className="iv-next__when">
        <span className="iv-next__label">Next up · {w.relative(i.start)}</span>
        <span className="iv-next__time">{w.range(i.start, i.end)}</span>
        <span className="iv-next__date">
          {w.longDate(i.start)} · {w.zoneName(i.start)}
        </span>
      </div>
      <div className="iv-next__what">
        <h3>{i.candidate.name}</h3>
        <p>
          {i.title} · {i.position.title}
        </p>
        <p className="iv-meta">
          {role && <span className={`iv-role iv-role--${role}`}>{panelRoleLabel(role)}</span>}
          <span>{i.questionCount === 1 ? '1 question' : `${i.questionCount} questions`}</span>
          <span>{i.panel.length === 1 ? 'Just you' : `Panel of ${i.panel.length}`}</span>
        </p>
      </div>
      <div className="iv-next__actions">
        <Link className="btn btn--primary" to={`/interviews/${i.id}`}>
          Open interview kit
        </Link>
        <Link className="btn iv-btn-on-dark" to={`/interviews/${i.id}/scorecard`}>
          Scorecard
        </Link>
        <Where interview={i} />
      </div>
    </article>
  );
}

function InterviewRow({ interview: i, userId }: { interview: InterviewSummary; userId: string }) {
  const w = useWhen();
  const role = myRole(i, userId);
  return (
    <div className="iv-row">
      <DateBlock when={i.start} />
      <div className="iv-row__main">
        <Link to={`/interviews/${i.id}`} className="iv-row__title">
          {i.candidate.name} <span className="muted">· {i.title}</span>
        </Link>
        <p className="iv-meta">
          <span>
            <Icon name="clock" size={14} /> {w.range(i.start, i.end)} {w.zoneName(i.start)}
          </span>
          <span>{i.position.title}</span>
          {role && <span className={`iv-role iv-role--${role}`}>{panelRoleLabel(role)}</span>}
        </p>
      </div>
      <div className="iv-row__actions">
        <Link className="btn btn--small" to={`/interviews/${i.id}`} aria-label={`Kit for ${i.candidate.name}, ${w.dateTime(i.start)}`}>
          Kit
        </Link>
        <Link className="btn btn--small" to={`/interviews/${i.id}/scorecard`} aria-label={`Scorecard for ${i.candidate.name}, ${w.dateTime(i.start)}`}>
          Scorecard
        </Link>
      </div>
    </div>
  );
}

function OwedRow({ item, userId }: { item: OwedScorecard; userId: string }) {
  const w = useWhen();
  const i = item.interview;
  const role = myRole(i, userId);
  return (
    <div className={`iv-row${item.overdue ? ' iv-row--overdue' : ''}`}>
      <DateBlock when={i.start} />
      <div className="iv-row__main">
        <Link to={`/interviews/${i.id}/scorecard`} className="iv-row__title">
          {i.candidate.name} <span className="muted">· {i.title}</span>
        </Link>
        <p className="iv-meta">
          {item.overdue ? (
            <span className="iv-pill iv-pill--danger">Overdue · was due {w.relative(i.feedbackDueAt)}</span>
          ) : (
            <span className="iv-pill iv-pill--warn">Due {w.relative(i.feedbackDueAt)}</span>
          )}
          <span>Interviewed {w.dateTime(i.start)}</span>
          {role && <span className={`iv-role iv-role--${role}`}>{panelRoleLabel(role)}</span>}
        </p>
      </div>
      <div className="iv-row__actions">
        <Link className="btn btn--small" to={`/interviews/${i.id}`} aria-label={`Kit for ${i.candidate.name}`}>
          Kit
        </Link>
        <Link className="btn btn--small btn--primary" to={`/interviews/${i.id}/scorecard`} aria-label={`Write scorecard for ${i.candidate.name}`}>
          Write scorecard
        </Link>
      </div>
    </div>
  );
}

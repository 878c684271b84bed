import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, call } from '../../api/client';
import type { InterviewSummary, PendingScorecard, PendingScorecardTotals } from '../../api/types';
import { useUser } from '../../auth/session';
import { Icon } from '../../components/Icon';
import { SkeletonRows } from '../../components/Loading';
import { EmptyState, PageHeader } from '../../components/Page';
import { PagedList, usePaged } from '../../components/PagedList';
import { panelRoleLabel, useWhen } from './shared';
import { plural } from '../../lib/plural';

const PAGE_SIZE = 10;

export default function MyInterviewsPage() {
  const user = useUser();
  const upcoming = usePaged(
    (cursor) => call(api.GET('/api/v1/interviews/upcoming', { params: { query: { cursor, limit: PAGE_SIZE } } })),
    [],
  );
  // interviews that are over and whose scorecard I have not submitted, most urgent first, with the totals
  const [totals, setTotals] = useState<PendingScorecardTotals | null>(null);
  const owed = usePaged(
    async (cursor) => {
      const page = await call(
        api.GET('/api/v1/interviewers/{id}/pending-scorecards', {
          params: { path: { id: user.id }, query: { cursor, limit: PAGE_SIZE } },
        }),
      );
      setTotals(page.totals);
      return page;
    },
    [user.id],
  );
  const next = upcoming.items[0];
  const first = upcoming.loading && upcoming.items.length === 0;

  return (
    <div className="iv-page">
      <PageHeader
        title="My interviews"
        subtitle={`Your interviews and the scorecards you owe. Times are in your timezone, ${user.timezone.replace(/_/g, ' ')}.`}
      />

      <section aria-labelledby="owed-title" className="iv-section">
        <div className="section-head">
          <h2 id="owed-title">
            Scorecards to write {totals && totals.pending > 0 && <span className="count">{totals.pending}</span>}
          </h2>
          {totals && totals.overdue > 0 && (
            <span className="iv-pill iv-pill--danger">
              <Icon name="alert" size={14} /> {totals.overdue} overdue
            </span>
          )}
        </div>
        <PagedList
          paged={owed}
          label="Scorecards to write"
          className="iv-list"
          keyOf={(o) => o.interviewId}
          render={(o) => <OwedRow item={o} />}
          empty={
            <p className="iv-caught-up">
              <Icon name="check" /> You are all caught up: no scorecard is waiting for you.
            </p>
          }
        />
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
                  <EmptyState title="No interviews scheduled">
                    When a hiring manager puts you on a panel, the interview shows here with its kit.
                  </EmptyState>
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
          <span>{plural(i.questionCount, 'question')}</span>
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
        <Link
          className="btn btn--small"
          to={`/interviews/${i.id}`}
          aria-label={`Kit for ${i.candidate.name}, ${w.dateTime(i.start)}`}
        >
          Kit
        </Link>
        <Link
          className="btn btn--small"
          to={`/interviews/${i.id}/scorecard`}
          aria-label={`Scorecard for ${i.candidate.name}, ${w.dateTime(i.start)}`}
        >
          Scorecard
        </Link>
      </div>
    </div>
  );
}

function OwedRow({ item: o }: { item: PendingScorecard }) {
  const w = useWhen();
  const verb = o.scorecardState === 'draft' ? 'Finish' : 'Write';
  return (
    <div className={`iv-row${o.overdue ? ' iv-row--overdue' : ''}`}>
      <DateBlock when={o.start} />
      <div className="iv-row__main">
        <Link to={`/interviews/${o.interviewId}/scorecard`} className="iv-row__title">
          {o.candidate.name} <span className="muted">· {o.title}</span>
        </Link>
        <p className="iv-meta">
          {o.overdue ? (
            <span className="iv-pill iv-pill--danger">Overdue · was due {w.relative(o.feedbackDueAt)}</span>
          ) : (
            <span className="iv-pill iv-pill--warn">Due {w.relative(o.feedbackDueAt)}</span>
          )}
          <span>
            {o.scorecardState === 'draft' && o.draftUpdatedAt
              ? `Draft saved ${w.relative(o.draftUpdatedAt)}`
              : 'Not started'}
          </span>
          <span>Interviewed {w.dateTime(o.start)}</span>
          <span>{o.position.title}</span>
          <span className={`iv-role iv-role--${o.role}`}>{panelRoleLabel(o.role)}</span>
        </p>
      </div>
      <div className="iv-row__actions">
        <Link
          className="btn btn--small"
          to={`/interviews/${o.interviewId}`}
          aria-label={`Kit for ${o.candidate.name}, ${w.dateTime(o.start)}`}
        >
          Kit
        </Link>
        <Link
          className="btn btn--small btn--primary"
          to={`/interviews/${o.interviewId}/scorecard`}
          aria-label={`${verb} scorecard for ${o.candidate.name}, ${w.dateTime(o.start)}`}
        >
          {verb} scorecard
        </Link>
      </div>
    </div>
  );
}

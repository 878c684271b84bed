import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, call } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { Loading, SkeletonRows } from '../../components/Loading';
import { Card, EmptyState, PageHeader } from '../../components/Page';
import { useResource } from '../../lib/use-resource';
import { useTimeFormat } from '../../lib/time';
import { DecisionHistory, STATUS_LABEL } from './debrief/decisions';
import { CandidateForm } from './forms';
import { Avatar, InterviewRow } from './shared';

/** A candidate: who they are, their interviews, and the way to schedule the next one. */
export default function CandidatePage() {
  const { id = '' } = useParams();
  const time = useTimeFormat();
  const [editing, setEditing] = useState(false);
  const candidate = useResource(() => call(api.GET('/api/v1/candidates/{id}', { params: { path: { id } } })), [id]);
  const decisions = useResource(
    async () => (await call(api.GET('/api/v1/candidates/{id}/decisions', { params: { path: { id } } }))).items,
    [id],
  );
  const interviews = useResource(
    async () =>
      (await call(api.GET('/api/v1/interviews', { params: { query: { candidateId: id, limit: 100 } } }))).items,
    [id],
  );
  if (candidate.error && !candidate.data)
    return (
      <ErrorNotice error={candidate.error} onRetry={candidate.reload} title="This candidate could not be loaded" />
    );
  const c = candidate.data;
  if (!c) return <Loading label="Loading candidate…" />;
  const upcoming = (interviews.data ?? []).filter((i) => i.status === 'scheduled');
  const past = (interviews.data ?? []).filter((i) => i.status !== 'scheduled');

  return (
    <>
      <PageHeader
        eyebrow={<Link to={`/positions/${c.positionId}`}>{c.positionTitle}</Link>}
        title={c.name}
        subtitle={
          <span className="header-meta">
            <span>{c.email}</span>
            {c.status && <span className={`hm-pill db-status--${c.status}`}>{STATUS_LABEL[c.status] ?? c.status}</span>}
            {c.stageName && <span>Stage: {c.stageName}</span>}
            <span title={time.dateTime(c.createdAt)}>Added {time.relative(c.createdAt)}</span>
          </span>
        }
        actions={
          <>
            <button type="button" className="btn" onClick={() => setEditing(true)} aria-expanded={editing}>
              <Icon name="edit" /> Edit
            </button>
            <Link className="btn" to={`/candidates/${c.id}/debrief`}>
              Debrief
            </Link>
            <Link className="btn" to={`/candidates/${c.id}/summary`}>
              Feedback summary
            </Link>
            <Link className="btn btn--primary" to={`/hiring/interviews/new?candidateId=${c.id}`}>
              <Icon name="calendar" /> Schedule interview
            </Link>
          </>
        }
      />
      {editing && (
        <CandidateForm
          candidate={c}
          onCancel={() => setEditing(false)}
          onSaved={(next) => (candidate.setData(next), setEditing(false))}
        />
      )}
      <div className="hm-two-col">
        <div className="stack">
          {interviews.error ? <ErrorNotice error={interviews.error} onRetry={interviews.reload} /> : null}
          <Card
            title={
              <>
                Upcoming interviews <span className="count">{upcoming.length}</span>
              </>
            }
          >
            {interviews.loading && !interviews.data ? (
              <SkeletonRows rows={2} label="Loading interviews…" />
            ) : upcoming.length ? (
              <ul className="plain-list hm-interviews" aria-label="Upcoming interviews">
                {upcoming.map((i) => (
                  <li key={i.id}>
                    <InterviewRow interview={i} showCandidate={false} />
                  </li>
                ))}
              </ul>
            ) : (
              <EmptyState
                title="Nothing scheduled"
                action={
                  <Link className="btn btn--primary" to={`/hiring/interviews/new?candidateId=${c.id}`}>
                    Schedule an interview
                  </Link>
                }
              >
                Pick a time, a panel and the questions they will ask.
              </EmptyState>
            )}
          </Card>
          {past.length > 0 && (
            <Card
              title={
                <>
                  Past and cancelled <span className="count">{past.length}</span>
                </>
              }
            >
              <ul className="plain-list hm-interviews" aria-label="Past interviews">
                {past.map((i) => (
                  <li key={i.id}>
                    <InterviewRow interview={i} showCandidate={false} />
                  </li>
                ))}
              </ul>
            </Card>
          )}
        </div>
        <aside className="stack">
          <Card
            title="Decisions"
            actions={
              <Link className="small" to={`/candidates/${c.id}/debrief`}>
                Decide in the debrief
              </Link>
            }
          >
            {decisions.error ? <ErrorNotice error={decisions.error} onRetry={decisions.reload} /> : null}
            {decisions.data ? (
              <DecisionHistory items={decisions.data} />
            ) : (
              !decisions.error && <SkeletonRows rows={1} label="Loading decisions…" />
            )}
          </Card>
          <Card title="About">
            <div className="hm-person">
              <Avatar name={c.name} />
              <div>
                <strong>{c.name}</strong>
                <div className="muted small">{c.email}</div>
              </div>
            </div>
            <dl className="details hm-details">
              <dt>Position</dt>
              <dd>
                <Link to={`/positions/${c.positionId}`}>{c.positionTitle}</Link>
              </dd>
              <dt>Notes</dt>
              <dd className="hm-notes">{c.notes || <span className="muted">No notes.</span>}</dd>
            </dl>
          </Card>
        </aside>
      </div>
    </>
  );
}

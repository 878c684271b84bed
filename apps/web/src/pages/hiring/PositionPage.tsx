import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { api, call } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { Loading, SkeletonRows } from '../../components/Loading';
import { EmptyState, PageHeader } from '../../components/Page';
import { usePaged } from '../../components/PagedList';
import { useResource } from '../../lib/use-resource';
import { CandidateForm, PositionForm } from './forms';
import { Avatar, InterviewRow } from './shared';
import type { Candidate, InterviewListItem, Position } from './types';

/** A position: its details, its candidates and each one's interviews. */
export default function PositionPage() {
  const { id = '' } = useParams();
  const position = useResource(() => call(api.GET('/api/v1/positions/{id}', { params: { path: { id } } })), [id]);
  if (position.error && !position.data)
    return <ErrorNotice error={position.error} onRetry={position.reload} title="This position could not be loaded" />;
  if (!position.data) return <Loading label="Loading position…" />;
  return <PositionView position={position.data} setPosition={position.setData} />;
}

function PositionView({ position, setPosition }: { position: Position; setPosition(p: Position): void }) {
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const candidates = usePaged(
    (cursor) =>
      call(api.GET('/api/v1/candidates', { params: { query: { positionId: position.id, limit: 50, cursor } } })),
    [position.id],
  );
  const interviews = useResource(
    async () =>
      (await call(api.GET('/api/v1/interviews', { params: { query: { positionId: position.id, limit: 100 } } }))).items,
    [position.id],
  );
  const byCandidate = new Map<string, InterviewListItem[]>();
  for (const i of interviews.data ?? [])
    byCandidate.set(i.candidate.id, [...(byCandidate.get(i.candidate.id) ?? []), i]);

  return (
    <>
      <PageHeader
        eyebrow={<Link to="/positions">Positions</Link>}
        title={position.title}
        subtitle={
          <span className="header-meta">
            <span className={`badge badge--${position.status === 'open' ? 'published' : 'archived'}`}>
              {position.status}
            </span>
            <span>{position.department || 'No department'}</span>
            <span>Hiring manager: {position.hiringManager.name}</span>
          </span>
        }
        actions={
          <>
            <button type="button" className="btn" onClick={() => setEditing(true)} aria-expanded={editing}>
              <Icon name="edit" /> Edit
            </button>
            <Link className="btn" to={`/positions/${position.id}/plan`}>
              Interview plan
            </Link>
            <Link className="btn" to={`/positions/${position.id}/compare`}>
              Compare candidates
            </Link>
            <Link className="btn btn--primary" to={`/positions/${position.id}/pipeline`}>
              Pipeline board
            </Link>
          </>
        }
      />
      {editing && (
        <PositionForm
          position={position}
          onCancel={() => setEditing(false)}
          onSaved={(p) => (setPosition(p), setEditing(false))}
        />
      )}
      <div className="section-head hm-section-head">
        <h2>
          Candidates{' '}
          <span className="count">
            {candidates.items.length}
            {candidates.hasMore ? '+' : ''}
          </span>
        </h2>
        <button type="button" className="btn btn--small" onClick={() => setAdding(true)} aria-expanded={adding}>
          <Icon name="plus" /> Add candidate
        </button>
      </div>
      {adding && (
        <CandidateForm
          positionId={position.id}
          onCancel={() => setAdding(false)}
          onSaved={() => (setAdding(false), candidates.reload())}
        />
      )}
      {candidates.error ? <ErrorNotice error={candidates.error} onRetry={candidates.reload} /> : null}
      {candidates.loading && !candidates.items.length ? (
        <SkeletonRows label="Loading candidates…" />
      ) : candidates.items.length === 0 ? (
        <EmptyState
          title="No candidates yet"
          action={
            <button type="button" className="btn btn--primary" onClick={() => setAdding(true)}>
              Add the first candidate
            </button>
          }
        >
          Add the people you are interviewing for this position.
        </EmptyState>
      ) : (
        <ul className="list" aria-label="Candidates">
          {candidates.items.map((c) => (
            <li key={c.id}>
              <CandidateCard
                candidate={c}
                interviews={byCandidate.get(c.id) ?? []}
                loading={interviews.loading && !interviews.data}
              />
            </li>
          ))}
        </ul>
      )}
      {candidates.hasMore && (
        <div className="paged__more">
          <button type="button" className="btn btn--ghost" onClick={candidates.loadMore} disabled={candidates.loading}>
            {candidates.loading ? 'Loading more…' : 'Show more'}
          </button>
        </div>
      )}
    </>
  );
}

function CandidateCard({
  candidate,
  interviews,
  loading,
}: {
  candidate: Candidate;
  interviews: InterviewListItem[];
  loading: boolean;
}) {
  return (
    <section className="card hm-candidate-card" aria-label={candidate.name}>
      <div className="hm-candidate-card__head">
        <Avatar name={candidate.name} />
        <div className="hm-candidate-card__who">
          <Link to={`/candidates/${candidate.id}`} className="hm-candidate-card__name">
            {candidate.name}
          </Link>
          <span className="muted small">{candidate.email}</span>
        </div>
        <div className="hm-candidate-card__actions">
          <Link className="btn btn--small btn--ghost" to={`/candidates/${candidate.id}/summary`}>
            Feedback
          </Link>
          <Link className="btn btn--small" to={`/hiring/interviews/new?candidateId=${candidate.id}`}>
            <Icon name="calendar" /> Schedule
          </Link>
        </div>
      </div>
      {loading ? (
        <Loading inline label="Loading interviews…" />
      ) : interviews.length ? (
        <ul className="plain-list hm-interviews" aria-label={`Interviews of ${candidate.name}`}>
          {interviews.map((i) => (
            <li key={i.id}>
              <InterviewRow interview={i} showCandidate={false} />
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small hm-none">No interviews yet.</p>
      )}
    </section>
  );
}

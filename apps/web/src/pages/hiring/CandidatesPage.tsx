import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, call } from '../../api/client';
import { Icon } from '../../components/Icon';
import { SearchToolbar, ToolbarSelect, useUrlFilters } from '../../components/ListSearch';
import { EmptyState, PageHeader } from '../../components/Page';
import { PagedList, usePaged } from '../../components/PagedList';
import { useResource } from '../../lib/use-resource';
import { useTimeFormat } from '../../lib/time';
import { CandidateForm } from './forms';
import { Avatar } from './shared';
import type { Candidate } from './types';

const PAGE_SIZE = 20;

/** Every candidate of my positions: search by name or email, filter by position, add one. */
export default function CandidatesPage() {
  const navigate = useNavigate();
  const { params, q, search, setSearch, update } = useUrlFilters();
  const positionId = params.get('position') ?? '';
  const [creating, setCreating] = useState(false);
  const positions = useResource(
    async () => (await call(api.GET('/api/v1/positions', { params: { query: { limit: 100, status: 'open' } } }))).items,
    [],
  );

  const paged = usePaged(
    (cursor) =>
      call(
        api.GET('/api/v1/candidates', {
          params: { query: { limit: PAGE_SIZE, cursor, q: q || undefined, positionId: positionId || undefined } },
        }),
      ),
    [q, positionId],
  );

  return (
    <>
      <PageHeader
        title="Candidates"
        subtitle="People in your hiring pipelines. Open one to schedule interviews or read their feedback."
        actions={
          <button type="button" className="btn btn--primary" onClick={() => setCreating(true)} aria-expanded={creating}>
            <Icon name="plus" /> Add candidate
          </button>
        }
      />
      {creating && (
        <CandidateForm
          positionId={positionId || undefined}
          positions={positions.data}
          onCancel={() => setCreating(false)}
          onSaved={(c) => navigate(`/candidates/${c.id}`)}
        />
      )}
      <SearchToolbar
        id="candidate-search"
        label="Search candidates"
        placeholder="Search names and emails"
        value={search}
        onChange={setSearch}
      >
        <ToolbarSelect label="Position" value={positionId} onChange={(position) => update({ position })}>
          <option value="">All positions</option>
          {(positions.data ?? []).map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </ToolbarSelect>
      </SearchToolbar>
      <PagedList
        paged={paged}
        label="candidates"
        keyOf={(c) => c.id}
        render={(c) => <CandidateRow candidate={c} />}
        empty={
          q || positionId ? (
            <EmptyState title="No candidates match">Try other words, or show all positions.</EmptyState>
          ) : (
            <EmptyState
              title="No candidates yet"
              action={
                <button type="button" className="btn btn--primary" onClick={() => setCreating(true)}>
                  Add a candidate
                </button>
              }
            >
              Add the people you are interviewing, then schedule their interviews.
            </EmptyState>
          )
        }
      />
    </>
  );
}

export function CandidateRow({ candidate, showPosition = true }: { candidate: Candidate; showPosition?: boolean }) {
  const time = useTimeFormat();
  return (
    <Link to={`/candidates/${candidate.id}`} className="hm-row">
      <Avatar name={candidate.name} />
      <span className="hm-row__main">
        <span className="hm-row__title">{candidate.name}</span>
        <span className="hm-row__meta">
          {candidate.email}
          {showPosition && <> · {candidate.positionTitle}</>}
        </span>
      </span>
      <span className="hm-row__when hide-phone" title={time.dateTime(candidate.createdAt)}>
        Added {time.relative(candidate.createdAt)}
      </span>
    </Link>
  );
}

import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { api, call } from '../../api/client';
import { useSession } from '../../auth/session';
import { Icon } from '../../components/Icon';
import { SearchToolbar, ToolbarSelect, useUrlFilters } from '../../components/ListSearch';
import { EmptyState, PageHeader } from '../../components/Page';
import { PagedList, usePaged } from '../../components/PagedList';
import { useTimeFormat } from '../../lib/time';
import { PositionForm } from './forms';
import { Avatar } from './shared';
import type { Position } from './types';
import '../../styles/plan-board.css';

const PAGE_SIZE = 20;

/** Open (and closed) positions, searchable, with a way to open a new one. */
export default function PositionsPage() {
  const navigate = useNavigate();
  const { params, q, search, setSearch, update } = useUrlFilters();
  const status = (params.get('status') ?? 'open') as 'open' | 'closed' | 'any';
  const [creating, setCreating] = useState(false);
  // a position needs a hiring manager: admins pick one, hiring managers open their own; recruiters work on existing ones
  const canOpen = useSession().hasRole('admin', 'hiring_manager');

  const paged = usePaged(
    (cursor) =>
      call(
        api.GET('/api/v1/positions', {
          params: {
            query: { limit: PAGE_SIZE, cursor, q: q || undefined, status: status === 'any' ? undefined : status },
          },
        }),
      ),
    [q, status],
  );

  return (
    <>
      <PageHeader
        title="Positions"
        subtitle="The roles you are hiring for: their candidates, interviews and how the candidates compare."
        actions={
          <>
            <Link className="btn" to="/candidates">
              Candidates
            </Link>
            {canOpen && (
              <button
                type="button"
                className="btn btn--primary"
                onClick={() => setCreating(true)}
                aria-expanded={creating}
              >
                <Icon name="plus" /> New position
              </button>
            )}
          </>
        }
      />
      {creating && <PositionForm onCancel={() => setCreating(false)} onSaved={(p) => navigate(`/positions/${p.id}`)} />}
      <SearchToolbar
        id="position-search"
        label="Search positions"
        placeholder="Search titles and departments"
        value={search}
        onChange={setSearch}
      >
        <ToolbarSelect
          label="Status"
          value={status}
          onChange={(next) => update({ status: next === 'open' ? '' : next })}
        >
          <option value="open">Open positions</option>
          <option value="closed">Closed positions</option>
          <option value="any">All positions</option>
        </ToolbarSelect>
      </SearchToolbar>
      <PagedList
        paged={paged}
        label="positions"
        className="list"
        keyOf={(p) => p.id}
        render={(p) => (
          <div className="pb-position">
            <PositionRow position={p} />
            {/* named "Pipeline", described by the row's title: the row's own link keeps the only name with the title */}
            <Link
              className="btn btn--small pb-position__board"
              to={`/positions/${p.id}/pipeline`}
              aria-describedby={`position-${p.id}-title`}
            >
              Pipeline
            </Link>
          </div>
        )}
        empty={
          q || status !== 'open' ? (
            <EmptyState title="No positions match">Try other words, or show all positions.</EmptyState>
          ) : (
            <EmptyState
              title="No open positions"
              action={
                canOpen ? (
                  <button type="button" className="btn btn--primary" onClick={() => setCreating(true)}>
                    Open a position
                  </button>
                ) : undefined
              }
            >
              {canOpen
                ? 'Open a position to add candidates and schedule their interviews.'
                : 'An admin or a hiring manager opens positions; then you can add candidates and schedule their interviews.'}
            </EmptyState>
          )
        }
      />
    </>
  );
}

function PositionRow({ position }: { position: Position }) {
  const time = useTimeFormat();
  return (
    <Link to={`/positions/${position.id}`} className="hm-row">
      <span className="hm-row__icon" aria-hidden="true">
        <Icon name="library" />
      </span>
      <span className="hm-row__main">
        <span className="hm-row__title" id={`position-${position.id}-title`}>
          {position.title}
          <span className={`badge badge--${position.status === 'open' ? 'published' : 'archived'}`}>
            {position.status}
          </span>
        </span>
        <span className="hm-row__meta">{position.department || 'No department'}</span>
      </span>
      <span className="hm-row__side">
        <Avatar name={position.hiringManager.name} size="sm" />
        <span className="hide-phone">{position.hiringManager.name}</span>
      </span>
      <span className="hm-row__when hide-phone" title={time.dateTime(position.createdAt)}>
        Opened {time.relative(position.createdAt)}
      </span>
    </Link>
  );
}

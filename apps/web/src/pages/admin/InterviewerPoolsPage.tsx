import { useState } from 'react';
import { api, call } from '../../api/client';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { Loading } from '../../components/Loading';
import { Link } from 'react-router-dom';
import { EmptyState, PageHeader } from '../../components/Page';
import { useResource } from '../../lib/use-resource';
import { PoolCard } from './pools/PoolCard';
import { PoolForm, type Pool } from './pools/PoolForm';
import '../../styles/admin.css';
import '../../styles/pools.css';

/** Interviewer pools: who may fill a pool's seat on a panel, their limits, and how trainees qualify. */
export default function InterviewerPoolsPage() {
  const pools = useResource(async () => (await call(api.GET('/api/v1/interviewer-pools'))).items, []);
  // the interviewers one may add: an active user with the interviewer role
  const interviewers = useResource(
    async () => (await call(api.GET('/api/v1/interviewers', { params: { query: { limit: 100 } } }))).items,
    [],
  );
  const [creating, setCreating] = useState(false);
  const replace = (next: Pool) => pools.setData((pools.data ?? []).map((p) => (p.id === next.id ? next : p)));

  return (
    <>
      <PageHeader
        title="Interviewer pools"
        subtitle="Interviewers who can take a pool's seat on a panel, with the pool's limits. Trainees shadow, then reverse-shadow, then qualify as their scorecards come in."
        actions={
          <>
            <Link className="btn" to="/interviewers/calibration">
              <Icon name="users" /> Interviewer calibration
            </Link>
            {!creating && (
              <button type="button" className="btn btn--primary" onClick={() => setCreating(true)}>
                <Icon name="plus" /> New pool
              </button>
            )}
          </>
        }
      />
      {creating && (
        <PoolForm
          onCancel={() => setCreating(false)}
          onSaved={(p) => {
            setCreating(false);
            pools.setData([...(pools.data ?? []), p].sort((a, b) => a.name.localeCompare(b.name)));
          }}
        />
      )}
      {pools.error ? <ErrorNotice error={pools.error} onRetry={pools.reload} /> : null}
      {!pools.data ? (
        pools.error ? null : (
          <Loading label="Loading pools…" />
        )
      ) : pools.data.length === 0 ? (
        <EmptyState title="No pools yet">
          A pool is a group of interviewers who can fill the same seat, e.g. “System design” or “Bar raisers”. Create
          one, then add its members.
        </EmptyState>
      ) : (
        <div className="pool-list">
          {pools.data.map((p) => (
            <PoolCard
              key={p.id}
              pool={p}
              interviewers={interviewers.data ?? []}
              onChanged={replace}
              onDeleted={() => pools.setData((pools.data ?? []).filter((x) => x.id !== p.id))}
            />
          ))}
        </div>
      )}
    </>
  );
}

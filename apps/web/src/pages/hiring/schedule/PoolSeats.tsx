import { useState } from 'react';
import { Icon } from '../../../components/Icon';

/** A "one of this pool" seat on the panel: filled by the finder with the member it proposes, when a time is picked. */
export interface PoolSeat {
  poolId: string;
  userId: string | null;
}

interface Props {
  pools: Array<{ id: string; name: string; members: Array<{ stage: string }> }>;
  seats: PoolSeat[];
  nameOf(userId: string): string;
  onAdd(poolId: string): void;
  onRemove(index: number): void;
}

/** "Add one of a pool": seats the finder fills with a free, qualified, least-loaded member of the pool. */
export function PoolSeats({ pools, seats, nameOf, onAdd, onRemove }: Props) {
  const [choice, setChoice] = useState('');
  const poolName = (id: string) => pools.find((p) => p.id === id)?.name ?? 'a pool';
  if (!pools.length) return null;
  return (
    <div className="hm-pool-seats">
      {seats.length > 0 && (
        <ul className="hm-pool-seats__list" aria-label="Pool seats">
          {seats.map((s, i) => (
            <li key={`${s.poolId}-${i}`} className={s.userId ? 'is-filled' : undefined}>
              <Icon name="users" size={16} />
              <span>
                One of <strong>{poolName(s.poolId)}</strong>
                <span className="muted small">
                  {' '}
                  · {s.userId ? `${nameOf(s.userId)}, with the time picked` : 'filled when you pick a time below'}
                </span>
              </span>
              <button
                type="button"
                className="icon-btn"
                onClick={() => onRemove(i)}
                title={`Remove the ${poolName(s.poolId)} seat`}
              >
                <Icon name="close" size={16} />
                <span className="visually-hidden">Remove the {poolName(s.poolId)} seat</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="hm-pool-seats__add">
        <label htmlFor="pool-seat" className="visually-hidden">
          Pool to add a seat from
        </label>
        <select id="pool-seat" value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">Add one of a pool…</option>
          {pools.map((p) => (
            <option key={p.id} value={p.id} disabled={!p.members.some((m) => m.stage === 'qualified')}>
              {p.name} ({p.members.filter((m) => m.stage === 'qualified').length} qualified)
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn btn--small"
          disabled={!choice}
          onClick={() => (onAdd(choice), setChoice(''))}
        >
          <Icon name="plus" size={14} /> Add seat
        </button>
      </div>
    </div>
  );
}

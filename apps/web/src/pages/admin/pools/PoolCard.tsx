import { useState } from 'react';
import { api, call } from '../../../api/client';
import type { Interviewer } from '../../../api/types';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Icon } from '../../../components/Icon';
import { useToast } from '../../../components/Toast';
import { Avatar } from '../../hiring/shared';
import { PoolForm, type Pool, type PoolMember } from './PoolForm';
import { plural } from '../../../lib/plural';

const STAGE_LABEL: Record<PoolMember['stage'], string> = {
  shadow: 'Shadowing',
  reverse_shadow: 'Reverse shadowing',
  qualified: 'Qualified',
};

/** "1 of 2 shadows": where a member is in their training, in the pool's counts. */
export function progressOf(m: PoolMember, pool: Pool): { text: string; done: number; of: number } {
  if (m.stage === 'shadow')
    return {
      text: `${m.completed} of ${plural(pool.shadowsRequired, 'shadow', 'shadows')}`,
      done: m.completed,
      of: pool.shadowsRequired,
    };
  if (m.stage === 'reverse_shadow') {
    const done = m.completed - pool.shadowsRequired;
    return {
      text: `${done} of ${plural(pool.reverseShadowsRequired, 'reverse shadow', 'reverse shadows')}`,
      done,
      of: pool.reverseShadowsRequired,
    };
  }
  return { text: m.trainee ? 'Qualified by training' : 'Qualified', done: 1, of: 1 };
}

/** "At most 2 a day and 5 a week per member. Trainees qualify after 2 shadows and 1 reverse shadow." */
function limitsText(pool: Pool): string {
  const limits = [
    pool.dailyLimit === null ? '' : `${pool.dailyLimit} a day`,
    pool.weeklyLimit === null ? '' : `${pool.weeklyLimit} a week`,
  ].filter(Boolean);
  const first = limits.length ? `At most ${limits.join(' and ')} per member.` : 'No daily or weekly limit.';
  return `${first} Trainees qualify after ${plural(pool.shadowsRequired, 'shadow', 'shadows')} and ${plural(pool.reverseShadowsRequired, 'reverse shadow', 'reverse shadows')}.`;
}

/** One pool: its limits, its members with their training progress, and the controls to change them. */
export function PoolCard({
  pool,
  interviewers,
  onChanged,
  onDeleted,
}: {
  pool: Pool;
  interviewers: Interviewer[];
  onChanged(p: Pool): void;
  onDeleted(): void;
}) {
  const toast = useToast();
  const [mode, setMode] = useState<'view' | 'edit' | 'confirm-delete'>('view');
  const [adding, setAdding] = useState('');
  const [asTrainee, setAsTrainee] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>();
  const inPool = new Set(pool.members.map((m) => m.userId));
  const candidates = interviewers.filter((i) => !inPool.has(i.userId));
  const titleId = `pool-${pool.id}-title`;

  const run = async (key: string, change: () => Promise<Pool | undefined>, done: string) => {
    setBusy(key);
    setError(undefined);
    try {
      const next = await change();
      if (next) onChanged(next);
      toast(done);
      return true;
    } catch (e) {
      setError(e);
      return false;
    } finally {
      setBusy(null);
    }
  };
  const put = (userId: string, trainee: boolean) =>
    call(
      api.PUT('/api/v1/interviewer-pools/{id}/members/{userId}', {
        params: { path: { id: pool.id, userId } },
        body: { trainee },
      }),
    );
  const add = async () => {
    const who = interviewers.find((i) => i.userId === adding);
    if (!who) return;
    if (
      await run(
        'add',
        () => put(who.userId, asTrainee),
        `${who.name} joins ${pool.name}${asTrainee ? ' as a trainee' : ''}`,
      )
    )
      setAdding('');
  };
  const remove = (m: PoolMember) =>
    run(
      `remove-${m.userId}`,
      () =>
        call(
          api.DELETE('/api/v1/interviewer-pools/{id}/members/{userId}', {
            params: { path: { id: pool.id, userId: m.userId } },
          }),
        ),
      `${m.name} left ${pool.name}`,
    );
  const qualify = (m: PoolMember) =>
    run(`qualify-${m.userId}`, () => put(m.userId, false), `${m.name} is qualified in ${pool.name}`);
  const deletePool = () =>
    run(
      'delete',
      async () => {
        await call(api.DELETE('/api/v1/interviewer-pools/{id}', { params: { path: { id: pool.id } } }));
        onDeleted();
        return undefined;
      },
      `Pool “${pool.name}” deleted`,
    );

  return (
    <section className="card pool-card" aria-labelledby={titleId}>
      <div className="pool-card__head">
        <div className="pool-card__about">
          <h2 id={titleId}>
            {pool.name} <span className="count">{pool.members.length}</span>
          </h2>
          {pool.description && <p className="muted small">{pool.description}</p>}
          <p className="small pool-card__limits">{limitsText(pool)}</p>
        </div>
        {mode === 'view' && (
          <div className="pool-card__actions">
            <button
              type="button"
              className="btn btn--small"
              onClick={() => setMode('edit')}
              aria-label={`Edit ${pool.name}`}
            >
              <Icon name="edit" size={15} /> Edit
            </button>
            <button
              type="button"
              className="btn btn--small btn--ghost"
              onClick={() => setMode('confirm-delete')}
              aria-label={`Delete ${pool.name}`}
            >
              <Icon name="trash" size={15} /> Delete
            </button>
          </div>
        )}
      </div>
      {mode === 'edit' && (
        <PoolForm pool={pool} onCancel={() => setMode('view')} onSaved={(p) => (onChanged(p), setMode('view'))} />
      )}
      {mode === 'confirm-delete' && (
        <div className="user-row__panel user-row__panel--danger" role="group" aria-label={`Delete ${pool.name}`}>
          <p>
            <strong>Delete {pool.name}?</strong> Its {pool.members.length}{' '}
            {pool.members.length === 1 ? 'membership goes' : 'memberships go'}, with the trainees’ place in its
            training. Interviews already scheduled keep their panels.
          </p>
          <div className="form-actions">
            <button type="button" className="btn btn--ghost" onClick={() => setMode('view')}>
              Keep pool
            </button>
            <button type="button" className="btn btn--danger" disabled={busy !== null} onClick={deletePool}>
              {busy === 'delete' ? 'Deleting…' : 'Delete pool'}
            </button>
          </div>
        </div>
      )}
      {error ? <ErrorNotice error={error} /> : null}
      {pool.members.length === 0 ? (
        <p className="muted small pool-card__empty">
          No members yet: add the interviewers who can take this pool’s seat.
        </p>
      ) : (
        <ul className="pool-members" aria-label={`Members of ${pool.name}`}>
          {pool.members.map((m) => {
            const p = progressOf(m, pool);
            return (
              <li key={m.userId} className="pool-member" data-testid={`member-${m.userId}`}>
                <Avatar name={m.name} size="sm" />
                <span className="pool-member__who">
                  <strong>{m.name}</strong>
                  <span className="muted small">
                    {m.email} · {m.timezone.replace(/_/g, ' ')}
                  </span>
                </span>
                <span className="pool-member__stage">
                  <span className={`hm-pill pool-stage pool-stage--${m.stage}`}>{STAGE_LABEL[m.stage]}</span>
                  {m.stage !== 'qualified' && (
                    <span className="pool-progress">
                      <span className="small">{p.text}</span>
                      <span className="pool-progress__bar" aria-hidden="true">
                        <span style={{ width: `${p.of ? Math.round((100 * Math.min(p.done, p.of)) / p.of) : 100}%` }} />
                      </span>
                    </span>
                  )}
                </span>
                <span className="pool-member__actions">
                  {m.stage !== 'qualified' && (
                    <button
                      type="button"
                      className="btn btn--small"
                      disabled={busy !== null}
                      onClick={() => qualify(m)}
                      aria-label={`Qualify now: ${m.name}`}
                    >
                      {busy === `qualify-${m.userId}` ? 'Qualifying…' : 'Qualify now'}
                    </button>
                  )}
                  <button
                    type="button"
                    className="btn btn--small btn--ghost"
                    disabled={busy !== null}
                    onClick={() => remove(m)}
                    aria-label={`Remove ${m.name} from ${pool.name}`}
                  >
                    {busy === `remove-${m.userId}` ? 'Removing…' : 'Remove'}
                  </button>
                </span>
              </li>
            );
          })}
        </ul>
      )}
      <div className="pool-add" role="group" aria-label={`Add a member to ${pool.name}`}>
        <label className="visually-hidden" htmlFor={`pool-${pool.id}-add`}>
          Interviewer to add to {pool.name}
        </label>
        <select id={`pool-${pool.id}-add`} value={adding} onChange={(e) => setAdding(e.target.value)}>
          <option value="">{candidates.length ? 'Add an interviewer…' : 'Every interviewer is in this pool'}</option>
          {candidates.map((i) => (
            <option key={i.userId} value={i.userId}>
              {i.name} · {i.timezone.replace(/_/g, ' ')}
            </option>
          ))}
        </select>
        <label className="pool-add__trainee">
          <input type="checkbox" checked={asTrainee} onChange={(e) => setAsTrainee(e.target.checked)} /> As a trainee
        </label>
        <button type="button" className="btn btn--small btn--primary" disabled={!adding || busy !== null} onClick={add}>
          {busy === 'add' ? 'Adding…' : 'Add member'}
        </button>
      </div>
    </section>
  );
}

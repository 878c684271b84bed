import { useState } from 'react';
import { Icon } from '../../../components/Icon';
import { SkeletonRows } from '../../../components/Loading';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { SearchBox } from '../../../components/ListSearch';
import { Avatar } from '../shared';
import type { Interviewer, PanelRole } from '../types';
import { addSeat, removeSeat, trainingStage } from './panelRoles';

export interface PanelSeat {
  userId: string;
  name: string;
  role: PanelRole;
}

/** What is known about a panelist's diary at the chosen time. */
export interface Busy {
  userId: string;
  /** The clashing interviews, when this user may see them. */
  clashes: Array<{ id: string; title: string; candidate: string; start: string; end: string }>;
}

/** A panelist's view of the chosen slot: their local time and why it may not suit them. */
export interface SlotFit {
  /** e.g. "Tue 04:00 in New York". */
  local: string;
  /** "outside their working hours", "on a day off", "busy in their calendar". */
  warnings: string[];
}

const ROLE_LABEL: Record<PanelRole, string> = { lead: 'Lead', panelist: 'Panelist', shadow: 'Shadow' };
const STAGE_NOTE: Record<Interviewer['pools'][number]['stage'], string> = {
  shadow: 'trainee, shadowing',
  reverse_shadow: 'trainee, reverse shadowing',
  qualified: 'qualified',
};

interface Props {
  interviewers: Interviewer[] | undefined;
  /** How the load's week is named: "that week" when it is the interview's and not this one. */
  weekLabel: string;
  /** Each interviewer's local time of the slot; warnings for those on the panel. */
  fit: Map<string, SlotFit>;
  loading: boolean;
  error: unknown;
  onRetry(): void;
  panel: PanelSeat[];
  busy: Map<string, Busy>;
  describeClash(b: Busy): string;
  onChange(panel: PanelSeat[]): void;
}

/**
 * Interviewers with their load in the interview's week (against their weekly limit), their local time
 * of the slot and whether they are free then; the chosen ones become the panel. The first one ticked
 * leads, the others are full panelists, trainees still shadowing shadow (see panelRoles.ts).
 */
export function PanelPicker({
  interviewers,
  weekLabel,
  fit,
  loading,
  error,
  onRetry,
  panel,
  busy,
  describeClash,
  onChange,
}: Props) {
  const [filter, setFilter] = useState('');
  const words = filter.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const shown = (interviewers ?? []).filter((i) =>
    words.every((w) =>
      `${i.name} ${i.email} ${i.title ?? ''} ${i.department ?? ''} ${i.competencies.join(' ')}`
        .toLowerCase()
        .includes(w),
    ),
  );
  const seat = (id: string) => panel.find((p) => p.userId === id);
  const toggle = (i: Interviewer) => {
    onChange(seat(i.userId) ? removeSeat(panel, i.userId) : addSeat(panel, i, trainingStage(i)));
  };
  const setRole = (userId: string, role: PanelRole) =>
    onChange(panel.map((p) => (p.userId === userId ? { ...p, role } : p)));

  return (
    <div className="hm-panel-picker">
      <SearchBox
        id="panel-filter"
        className="hm-panel-picker__search"
        label="Find interviewers"
        placeholder="Find by name, team or competency"
        value={filter}
        onChange={setFilter}
      />
      {error ? <ErrorNotice error={error} onRetry={onRetry} /> : null}
      {loading && !interviewers ? (
        <SkeletonRows rows={3} label="Loading interviewers…" />
      ) : shown.length === 0 ? (
        <p className="muted small">No interviewer matches “{filter}”.</p>
      ) : (
        <ul className="hm-people" aria-label="Interviewers">
          {shown.map((i) => {
            const chosen = seat(i.userId);
            const b = busy.get(i.userId);
            const load = i.load.thisWeek;
            const limit = i.load.weeklyLimit;
            const ratio = limit > 0 ? Math.min(1, load / limit) : 1;
            const level = load >= limit ? 'full' : ratio >= 0.6 ? 'high' : 'ok';
            const f = fit.get(i.userId);
            const warned = !!chosen && !!f?.warnings.length;
            return (
              <li key={i.userId} className={`hm-person-row${chosen ? ' is-chosen' : ''}${b ? ' is-busy' : ''}`}>
                <label className="hm-person-row__pick">
                  <input
                    type="checkbox"
                    checked={!!chosen}
                    onChange={() => toggle(i)}
                    aria-describedby={`load-${i.userId}${f ? ` local-${i.userId}` : ''}${b ? ` busy-${i.userId}` : ''}${warned ? ` fit-${i.userId}` : ''}`}
                  />
                  <Avatar name={i.name} size="sm" />
                  <span className="hm-person-row__who">
                    <strong>{i.name}</strong>
                    <span className="muted small">
                      {[i.title, i.department].filter(Boolean).join(' · ') || i.email}
                    </span>
                    {i.pools.length > 0 && (
                      <span className="muted small">
                        Pools:{' '}
                        {i.pools
                          .map((p) => `${p.name}${p.stage === 'qualified' ? '' : ` (${STAGE_NOTE[p.stage]})`}`)
                          .join(', ')}
                      </span>
                    )}
                  </span>
                </label>
                <span className="hm-load" id={`load-${i.userId}`}>
                  <span className="hm-load__text">
                    {load} of {limit} {weekLabel}
                  </span>
                  <span className={`hm-load__bar hm-load__bar--${level}`} aria-hidden="true">
                    <span style={{ width: `${Math.max(4, ratio * 100)}%` }} />
                  </span>
                  {i.overdueScorecards > 0 && (
                    <span className="hm-pill hm-pill--danger">{i.overdueScorecards} overdue</span>
                  )}
                </span>
                {f && (
                  <span className="muted small hm-person-row__local" id={`local-${i.userId}`}>
                    <Icon name="clock" size={14} /> {f.local}
                  </span>
                )}
                {warned && (
                  <span className="hm-person-row__busy text-warn small" id={`fit-${i.userId}`} role="status">
                    <Icon name="alert" size={14} /> {f!.warnings.join(', ').replace(/^./, (c) => c.toUpperCase())}
                  </span>
                )}
                {b && (
                  <span className="hm-person-row__busy text-warn small" id={`busy-${i.userId}`}>
                    <Icon name="alert" size={14} /> {describeClash(b)}
                  </span>
                )}
                {chosen && (
                  <span className="hm-role" role="group" aria-label={`${i.name}'s role`}>
                    {(['lead', 'panelist', 'shadow'] as const).map((r) => (
                      <label key={r} className={`hm-role__opt${chosen.role === r ? ' is-on' : ''}`}>
                        <input
                          type="radio"
                          name={`role-${i.userId}`}
                          value={r}
                          checked={chosen.role === r}
                          onChange={() => setRole(i.userId, r)}
                        />
                        {ROLE_LABEL[r]}
                      </label>
                    ))}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

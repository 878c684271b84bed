import { useState, type FormEvent } from 'react';
import { api, call } from '../../../api/client';
import { ApiError } from '../../../api/errors';
import type { CandidateStatus, Decision, DecisionInput, DecisionKind, Role } from '../../../api/types';
import { useUser } from '../../../auth/session';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Field } from '../../../components/Field';
import { Icon } from '../../../components/Icon';
import { useTimeFormat } from '../../../lib/time';
import { useResource } from '../../../lib/use-resource';
import '../../../styles/debrief.css';

export const STATUS_LABEL: Record<CandidateStatus, string> = {
  active: 'Active',
  on_hold: 'On hold',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  hired: 'Hired',
};
const ACTION_LABEL: Record<DecisionKind, string> = {
  advance: 'Advance',
  move_back: 'Move back',
  reject: 'Reject',
  hold: 'Hold',
  hire: 'Hire',
  withdraw: 'Withdraw',
  reactivate: 'Reactivate',
};
const DONE_LABEL: Record<DecisionKind, string> = {
  advance: 'Advanced',
  move_back: 'Moved back',
  reject: 'Rejected',
  hold: 'Put on hold',
  hire: 'Hired',
  withdraw: 'Withdrawn',
  reactivate: 'Reactivated',
};

export interface PlanStage {
  id: string;
  name: string;
  order: number;
}

interface Missing {
  interviewId: string;
  interviewTitle: string;
  userId: string;
  name: string;
}

/**
 * What the signed-in user may decide (contract "Who"): the position's hiring manager and admins
 * decide everything; recruiters record only holds and withdrawals.
 */
export function allowedActions(
  roles: readonly Role[],
  status: CandidateStatus,
  stages: PlanStage[],
  stageId: string | null,
): DecisionKind[] {
  const decides = roles.includes('admin') || roles.includes('hiring_manager');
  const records = roles.includes('recruiter');
  if (!decides && !records) return [];
  const at = stages.findIndex((s) => s.id === stageId);
  const open = status === 'active' || status === 'on_hold';
  const all: DecisionKind[] = open
    ? [
        ...(at < stages.length - 1 ? (['advance'] as const) : []),
        ...(at > 0 ? (['move_back'] as const) : []),
        'reject',
        ...(status === 'active' ? (['hold'] as const) : (['reactivate'] as const)),
        'hire',
        'withdraw',
      ]
    : ['reactivate'];
  return decides ? all : all.filter((a) => a === 'hold' || a === 'withdraw');
}

/** The decision form: pick an action, give what it needs; a 409 about missing scorecards offers a reasoned override. */
export function DecisionPanel({
  candidateId,
  candidateName,
  status,
  stageId,
  stages,
  onDecided,
}: {
  candidateId: string;
  candidateName: string;
  status: CandidateStatus;
  stageId: string | null;
  stages: PlanStage[];
  onDecided(d: Decision): void;
}) {
  const me = useUser();
  const ordered = [...stages].sort((a, b) => a.order - b.order);
  const actions = allowedActions(me.roles, status, ordered, stageId);
  const at = ordered.findIndex((s) => s.id === stageId);
  const later = ordered.slice(at + 1);
  const earlier = at > 0 ? ordered.slice(0, at) : [];
  const [action, setAction] = useState<DecisionKind | null>(null);
  const [toStageId, setToStageId] = useState('');
  const [reasonId, setReasonId] = useState('');
  const [rationale, setRationale] = useState('');
  const [override, setOverride] = useState<string | null>(null);
  const [missing, setMissing] = useState<Missing[]>([]);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const reasons = useResource(
    async () =>
      actions.includes('reject')
        ? (await call(api.GET('/api/v1/settings/rejection-reasons'))).items.filter((r) => r.active !== false)
        : [],
    [actions.includes('reject')],
  );

  if (actions.length === 0) return null;

  const choose = (a: DecisionKind) => {
    setAction(a);
    setToStageId(
      a === 'advance' ? (later[0]?.id ?? '') : a === 'move_back' ? (earlier[earlier.length - 1]?.id ?? '') : '',
    );
    setMissing([]);
    setOverride(null);
    setTried(false);
    setError(undefined);
  };

  const apiError = error instanceof ApiError ? error : undefined;
  const problems = {
    reasonId: action === 'reject' && !reasonId ? 'Choose a reason for rejecting.' : apiError?.forField('reasonId'),
    rationale:
      action === 'hire' && !rationale.trim()
        ? 'Say why you are hiring: the rationale stays on the record.'
        : apiError?.forField('rationale'),
    toStageId:
      action === 'move_back' && !toStageId ? 'Choose the stage to move back to.' : apiError?.forField('toStageId'),
    override:
      override !== null && !override.trim()
        ? 'Say why you decide before every scorecard is in.'
        : apiError?.forField('override'),
  };
  const stageName = (id: string) => ordered.find((s) => s.id === id)?.name ?? 'the next stage';
  const submitLabel =
    action === 'advance'
      ? `Advance to ${stageName(toStageId)}`
      : action === 'move_back'
        ? `Move back to ${stageName(toStageId)}`
        : action === 'reject'
          ? 'Reject candidate'
          : action
            ? ACTION_LABEL[action]
            : '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!action) return;
    setTried(true);
    if (problems.reasonId && !reasonId) return;
    if (action === 'hire' && !rationale.trim()) return;
    if (action === 'move_back' && !toStageId) return;
    if (override !== null && !override.trim()) return;
    setBusy(true);
    setError(undefined);
    const body: DecisionInput = {
      decision: action,
      ...(toStageId && (action === 'advance' || action === 'move_back') ? { toStageId } : {}),
      ...(action === 'reject' ? { reasonId } : {}),
      ...(rationale.trim() ? { rationale: rationale.trim() } : {}),
      ...(override !== null ? { override: { reason: override.trim() } } : {}),
    };
    try {
      const decided = await call(
        api.POST('/api/v1/candidates/{id}/decisions', { params: { path: { id: candidateId } }, body }),
      );
      setAction(null);
      setRationale('');
      setReasonId('');
      setOverride(null);
      setMissing([]);
      setTried(false);
      onDecided(decided);
    } catch (e2) {
      const who = e2 instanceof ApiError && e2.status === 409 ? e2.detail<Missing[]>('missing') : undefined;
      if (who?.length) {
        setMissing(who);
        setError(undefined);
      } else setError(e2);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card db-decide" aria-labelledby="decide-title">
      <h2 id="decide-title">Decision</h2>
      <p className="muted small">
        {candidateName} is <strong>{STATUS_LABEL[status] ?? status}</strong>
        {at >= 0 ? ` at ${ordered[at].name}` : ordered.length ? ', not started on the plan' : ''}.
      </p>
      <div className="db-decide__actions" role="group" aria-label="Decide">
        {actions.map((a) => (
          <button
            key={a}
            type="button"
            className={`btn btn--small${action === a ? ' btn--primary' : ''}${a === 'reject' ? ' db-btn--reject' : ''}`}
            aria-pressed={action === a}
            onClick={() => choose(a)}
          >
            {ACTION_LABEL[a]}
          </button>
        ))}
      </div>
      {action && (
        <form
          className="stack db-decide__form"
          onSubmit={submit}
          noValidate
          aria-label={`${ACTION_LABEL[action]} ${candidateName}`}
        >
          {action === 'advance' && later.length > 1 && (
            <Field id="decide-stage" label="To stage">
              <select value={toStageId} onChange={(e) => setToStageId(e.target.value)}>
                {later.map((s, i) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                    {i === 0 ? ' (next)' : ''}
                  </option>
                ))}
              </select>
            </Field>
          )}
          {action === 'move_back' && (
            <Field id="decide-stage" label="Back to stage" error={tried ? problems.toStageId : undefined}>
              <select value={toStageId} onChange={(e) => setToStageId(e.target.value)}>
                {earlier.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </select>
            </Field>
          )}
          {action === 'reject' && (
            <Field id="decide-reason" label="Reason" error={tried ? problems.reasonId : undefined}>
              <select value={reasonId} onChange={(e) => setReasonId(e.target.value)} required>
                <option value="">Choose a reason…</option>
                {(reasons.data ?? []).map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.label}
                  </option>
                ))}
              </select>
            </Field>
          )}
          {reasons.error ? (
            <ErrorNotice
              error={reasons.error}
              onRetry={reasons.reload}
              title="The rejection reasons could not be loaded"
            />
          ) : null}
          <Field
            id="decide-rationale"
            label={action === 'hire' ? 'Rationale' : 'Rationale (optional)'}
            hint={
              action === 'hire'
                ? 'Required: why this candidate, in a sentence or two. It stays on the record.'
                : 'Kept on the record with the decision.'
            }
            error={tried ? problems.rationale : undefined}
          >
            <textarea
              rows={3}
              value={rationale}
              onChange={(e) => setRationale(e.target.value)}
              required={action === 'hire'}
            />
          </Field>
          {missing.length > 0 && (
            <div className="notice notice--warn" role="alert">
              <Icon name="alert" />
              <div className="notice__body">
                <strong>Not every scorecard is in</strong>
                <p>Scorecards missing from:</p>
                <ul className="missing-list">
                  {missing.map((m) => (
                    <li key={`${m.interviewId}-${m.userId}`}>
                      {m.name} ({m.interviewTitle})
                    </li>
                  ))}
                </ul>
                {override === null && (
                  <p>
                    <button type="button" className="btn btn--small" onClick={() => (setOverride(''), setTried(false))}>
                      Decide anyway
                    </button>
                  </p>
                )}
              </div>
            </div>
          )}
          {override !== null && (
            <Field
              id="decide-override"
              label="Why decide without them?"
              hint="Required. The override and who was missing stay visible on the decision."
              error={tried ? problems.override : undefined}
            >
              <textarea rows={2} value={override} onChange={(e) => setOverride(e.target.value)} required />
            </Field>
          )}
          {error ? <ErrorNotice error={error} title="The decision was not recorded" /> : null}
          <div className="form-actions">
            <button type="button" className="btn btn--ghost" onClick={() => setAction(null)}>
              Cancel
            </button>
            <button
              className={`btn ${action === 'reject' ? 'btn--danger' : 'btn--primary'}`}
              disabled={busy || (missing.length > 0 && override === null)}
            >
              {busy ? 'Recording…' : override !== null ? `Decide anyway: ${submitLabel}` : submitLabel}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

/** What one decision did, in words: "Advanced: Technical → Onsite", "Rejected at Technical", "Reactivated: On hold → Active". */
export function decisionSummary(d: Decision): string {
  const done = DONE_LABEL[d.decision] ?? d.decision;
  if (d.fromStageId !== d.toStageId)
    return `${done}: ${d.fromStageName ?? 'Not started'} → ${d.toStageName ?? 'Not started'}`;
  if (d.decision === 'reactivate')
    return `${done}: ${STATUS_LABEL[d.fromStatus] ?? d.fromStatus} → ${STATUS_LABEL[d.toStatus] ?? d.toStatus}`;
  return d.toStageName ? `${done} at ${d.toStageName}` : done;
}

/** Every decision on the candidate, newest first; none is ever edited, a later one supersedes. */
export function DecisionHistory({ items }: { items: Decision[] }) {
  const time = useTimeFormat();
  const sorted = [...items].sort((a, b) => new Date(b.decidedAt).getTime() - new Date(a.decidedAt).getTime());
  if (sorted.length === 0) return <p className="muted small">No decision yet.</p>;
  return (
    <ol className="plain-list db-history" aria-label="Decision history">
      {sorted.map((d, i) => (
        <li key={d.id} className={`db-history__item${i > 0 ? ' is-superseded' : ''}`}>
          <span className="db-history__what">
            <strong>{decisionSummary(d)}</strong>
            {i > 0 && <span className="hm-pill">Superseded</span>}
          </span>
          <span className="small muted">
            {d.decidedBy.name} · <time dateTime={d.decidedAt}>{time.dateTime(d.decidedAt)}</time>
          </span>
          {d.reason && (
            <span className="small">
              Reason: <strong>{d.reason.label}</strong>
            </span>
          )}
          {d.rationale && <p className="db-history__rationale small">{d.rationale}</p>}
          {d.override && (
            <p className="db-history__override small">
              <Icon name="alert" size={14} /> Decided with scorecards missing
              {d.missingAtDecision.length ? ` from ${d.missingAtDecision.map((m) => m.name).join(', ')}` : ''}.
              Override: {d.override.reason}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}

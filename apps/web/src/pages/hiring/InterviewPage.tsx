import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { api, call } from '../../api/client';
import { ApiError } from '../../api/errors';
import { useUser } from '../../auth/session';
import { TypeChip } from '../../components/Chips';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { Icon } from '../../components/Icon';
import { Loading, SkeletonRows } from '../../components/Loading';
import { Card, EmptyState, PageHeader } from '../../components/Page';
import { useToast } from '../../components/Toast';
import { formatDateTime, formatTime, useTimeFormat } from '../../lib/time';
import { useResource } from '../../lib/use-resource';
import { FeedbackSection } from './interview/FeedbackSection';
import { NoShowAction } from './interview/NoShowAction';
import { ReplacementNotice } from './interview/ReplacementNotice';
import { RescheduleForm } from './interview/RescheduleForm';
import { RsvpChip } from '../../components/rsvp/RsvpChip';
import { Avatar, InterviewStatusBadge, STAGE_LABEL, downloadFile } from './shared';
import type { InterviewKit, Reminder } from './types';

const KIND_LABEL: Record<string, string> = {
  prep: 'Prep with the kit',
  feedback_due: 'Feedback due',
  feedback_overdue: 'Feedback overdue',
  escalation: 'Escalation',
  cancellation: 'Cancellation notice',
  rsvp_declined: 'Decline notice',
};
const STATUS_LABEL: Record<string, string> = {
  scheduled: 'Scheduled',
  sent: 'Sent',
  skipped: 'Skipped',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** The hiring manager's view of one interview: details, panel, questions and who asks them, reminders; reschedule and cancel. */
export default function InterviewPage() {
  const { id = '' } = useParams();
  const kit = useResource(() => call(api.GET('/api/v1/interviews/{id}', { params: { path: { id } } })), [id]);
  if (kit.error && !kit.data)
    return <ErrorNotice error={kit.error} onRetry={kit.reload} title="This interview could not be loaded" />;
  if (!kit.data) return <Loading label="Loading interview…" />;
  return <InterviewView kit={kit.data} setKit={kit.setData} reload={kit.reload} />;
}

function InterviewView({ kit, setKit, reload }: { kit: InterviewKit; setKit(k: InterviewKit): void; reload(): void }) {
  const me = useUser();
  const time = useTimeFormat();
  const toast = useToast();
  const location = useLocation();
  const [warnings, setWarnings] = useState(
    () => (location.state as { warnings?: InterviewKit['warnings'] } | null)?.warnings ?? [],
  );
  const [rescheduling, setRescheduling] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [problem, setProblem] = useState<unknown>();
  const reminders = useResource(
    () => call(api.GET('/api/v1/interviews/{id}/reminders', { params: { path: { id: kit.id } } })),
    [kit.id, kit.revision],
  );
  const position = useResource(
    () => call(api.GET('/api/v1/positions/{id}', { params: { path: { id: kit.position.id } } })),
    [kit.position.id],
  );

  const lead = kit.panel.find((p) => p.role === 'lead');
  const names = useMemo(() => {
    const m = new Map(kit.panel.map((p) => [p.userId, p.name]));
    if (position.data) m.set(position.data.hiringManager.id, `${position.data.hiringManager.name} (hiring manager)`);
    m.set(me.id, 'You');
    return m;
  }, [kit.panel, position.data, me.id]);
  const scheduled = kit.status === 'scheduled';
  const otherZone = kit.scheduled.timezone !== me.timezone;

  const downloadIcs = async () => {
    setProblem(undefined);
    try {
      await downloadFile(
        api.GET('/api/v1/interviews/{id}/invite.ics', { params: { path: { id: kit.id } }, parseAs: 'blob' }),
        'invite.ics',
      );
    } catch (e) {
      setProblem(e);
    }
  };

  return (
    <>
      <PageHeader
        eyebrow={<Link to={`/candidates/${kit.candidate.id}`}>{kit.candidate.name}</Link>}
        title={kit.title}
        subtitle={
          <span className="header-meta">
            <InterviewStatusBadge status={kit.status} />
            <span>{STAGE_LABEL[kit.stage] ?? kit.stage}</span>
            <span>
              <Link to={`/positions/${kit.position.id}`}>{kit.position.title}</Link>
            </span>
          </span>
        }
        actions={
          <>
            <button type="button" className="btn" onClick={downloadIcs}>
              <Icon name="calendar" /> Download .ics
            </button>
            {scheduled && (
              <>
                <button
                  type="button"
                  className="btn"
                  onClick={() => setRescheduling(true)}
                  aria-expanded={rescheduling}
                >
                  <Icon name="clock" /> Reschedule
                </button>
                <button type="button" className="btn btn--danger-ghost" onClick={() => setCancelling(true)}>
                  Cancel interview
                </button>
              </>
            )}
            <NoShowAction kit={kit} onDone={setKit} onStale={reload} />
          </>
        }
      />
      {problem ? <ErrorNotice error={problem} /> : null}
      {warnings.length > 0 && (
        <div className="notice notice--warn" role="status">
          <Icon name="alert" />
          <div className="notice__body">
            <strong>Scheduled, with {warnings.length === 1 ? 'something' : 'some things'} worth knowing</strong>
            <ul className="missing-list">
              {warnings.map((w, i) => (
                <li key={i}>{w.message}</li>
              ))}
            </ul>
          </div>
          <button type="button" className="icon-btn" onClick={() => setWarnings([])} title="Dismiss">
            <Icon name="close" size={16} />
            <span className="visually-hidden">Dismiss</span>
          </button>
        </div>
      )}
      {kit.status === 'no_show' && (
        <div className="notice notice--info">
          <Icon name="alert" />
          <p>The candidate did not show up. The panel's feedback reminders stopped; no scorecard is expected.</p>
        </div>
      )}
      {kit.status === 'cancelled' && (
        <div className="notice notice--info">
          <Icon name="alert" />
          <p>
            Cancelled{kit.cancelReason ? `: ${kit.cancelReason}` : ''}. The panel was told, and its reminders stopped.
          </p>
        </div>
      )}
      {kit.needsReplacement && <ReplacementNotice kit={kit} onReplaced={setKit} onStale={reload} />}
      {rescheduling && (
        <RescheduleForm
          kit={kit}
          onCancel={() => setRescheduling(false)}
          onDone={(next) => {
            setKit(next);
            setRescheduling(false);
            setWarnings(next.warnings);
            toast(`Rescheduled to ${formatDateTime(next.start, time.timeZone)}; reminders moved`);
          }}
          onStale={() => (setRescheduling(false), reload())}
        />
      )}
      <div className="hm-two-col">
        <div className="stack">
          {/* feedback is owed from the start of the interview on; a cancelled or no-show interview owes none */}
          {new Date(kit.start).getTime() <= Date.now() && !['cancelled', 'no_show'].includes(kit.status) && (
            <FeedbackSection kit={kit} />
          )}
          <Card title="When and where">
            <div className="hm-when-card">
              <div className="hm-when-card__tile" aria-hidden="true">
                <span>
                  {new Date(kit.start).toLocaleDateString(undefined, { month: 'short', timeZone: time.timeZone })}
                </span>
                <b>{new Date(kit.start).toLocaleDateString(undefined, { day: 'numeric', timeZone: time.timeZone })}</b>
              </div>
              <dl className="hm-facts">
                <dt>Your time</dt>
                <dd data-testid="interview-local-time">
                  {time.dateTime(kit.start)} – {time.time(kit.end)}{' '}
                  <span className="muted small">({me.timezone.replace(/_/g, ' ')})</span>
                </dd>
                {otherZone && (
                  <>
                    <dt>Scheduled in</dt>
                    <dd>
                      {formatDateTime(kit.start, kit.scheduled.timezone)} –{' '}
                      {formatTime(kit.end, kit.scheduled.timezone)}{' '}
                      <span className="muted small">({kit.scheduled.timezone.replace(/_/g, ' ')})</span>
                    </dd>
                  </>
                )}
                <dt>Duration</dt>
                <dd>{kit.durationMinutes} minutes</dd>
                <dt>Feedback due</dt>
                <dd>{time.dateTime(kit.feedbackDueAt)}</dd>
                {kit.meetingUrl && (
                  <>
                    <dt>Meeting link</dt>
                    <dd className="hm-break">
                      <a href={kit.meetingUrl} target="_blank" rel="noreferrer">
                        {kit.meetingUrl} <Icon name="external" size={14} />
                      </a>
                    </dd>
                  </>
                )}
                {kit.location && (
                  <>
                    <dt>Location</dt>
                    <dd>{kit.location}</dd>
                  </>
                )}
              </dl>
            </div>
          </Card>

          <Card
            title={
              <>
                Questions <span className="count">{kit.questions.length}</span>
              </>
            }
          >
            {kit.questions.length === 0 ? (
              <p className="muted">No questions assigned: the panel brings their own.</p>
            ) : (
              <ol className="hm-kit-questions" aria-label="Questions">
                {kit.questions.map((q, i) => (
                  <li key={q.id} className="hm-kit-question">
                    <span className="question-card__number" aria-hidden="true">
                      {i + 1}
                    </span>
                    <div>
                      <div className="hm-kit-question__top">
                        <TypeChip type={q.type} />
                        {q.timeboxMinutes ? <span className="muted small">{q.timeboxMinutes} min</span> : null}
                        {q.source.setName && <span className="muted small">from {q.source.setName}</span>}
                      </div>
                      <p className="hm-kit-question__prompt">{q.prompt}</p>
                      <p className="hm-asked-by small">
                        Asked by <strong>{q.askedBy?.name ?? (lead ? `${lead.name} (lead)` : 'the lead')}</strong>
                      </p>
                    </div>
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </div>

        <aside className="stack">
          <Card
            title={
              <>
                Panel <span className="count">{kit.panel.length}</span>
              </>
            }
          >
            <ul className="plain-list hm-panel-list" aria-label="Panel">
              {kit.panel.map((p) => {
                const asks = kit.questions.filter((q) => (q.askedBy?.userId ?? lead?.userId) === p.userId).length;
                return (
                  <li key={p.userId}>
                    <Avatar name={p.name} size="sm" />
                    <span className="hm-panel-list__who">
                      <strong>{p.name}</strong>
                      <span className="muted small">
                        {asks} {asks === 1 ? 'question' : 'questions'}
                      </span>
                      <span className="rsvp-card__current" data-testid={`rsvp-${p.userId}`}>
                        <RsvpChip rsvp={p.rsvp} />
                        {p.rsvpNote && <span className="rsvp-note small muted">“{p.rsvpNote}”</span>}
                      </span>
                    </span>
                    <span className={`hm-pill hm-pill--${p.role}`}>{p.role}</span>
                  </li>
                );
              })}
            </ul>
          </Card>
          <Card
            title="Reminders"
            actions={<span className="muted small">times in {me.timezone.replace(/_/g, ' ')}</span>}
          >
            {reminders.error ? <ErrorNotice error={reminders.error} onRetry={reminders.reload} /> : null}
            {reminders.loading && !reminders.data ? (
              <SkeletonRows rows={3} label="Loading reminders…" />
            ) : (reminders.data?.items ?? []).length === 0 ? (
              <EmptyState title="No reminders">
                {kit.status === 'cancelled' ? 'Cancelling removed them.' : 'None are planned for this interview.'}
              </EmptyState>
            ) : (
              <ReminderList items={reminders.data!.items} names={names} />
            )}
          </Card>
        </aside>
      </div>
      {cancelling && (
        <CancelDialog
          kit={kit}
          onClose={() => setCancelling(false)}
          onCancelled={(next) => (
            setKit(next),
            setCancelling(false),
            toast('Interview cancelled; the panel has been told')
          )}
        />
      )}
    </>
  );
}

function ReminderList({ items, names }: { items: Reminder[]; names: Map<string, string> }) {
  const time = useTimeFormat();
  const sorted = [...items].sort((a, b) => new Date(a.dueAt).getTime() - new Date(b.dueAt).getTime());
  return (
    <ul className="plain-list hm-reminders" aria-label="Reminders">
      {sorted.map((r) => (
        <li key={r.id} className="hm-reminder">
          <span className={`hm-reminder__dot hm-reminder__dot--${r.status}`} aria-hidden="true" />
          <span className="hm-reminder__main">
            <span className="hm-reminder__top">
              <strong>{KIND_LABEL[r.kind] ?? r.kind}</strong>
              <span className={`hm-pill hm-pill--status-${r.status}`}>{STATUS_LABEL[r.status] ?? r.status}</span>
            </span>
            <span className="small">
              To {names.get(r.recipientId) ?? 'a panelist'}
              {r.aboutUserId !== r.recipientId && names.get(r.aboutUserId) ? `, about ${names.get(r.aboutUserId)}` : ''}
            </span>
            <span className="small muted hm-reminder__due" data-testid="reminder-due">
              {r.status === 'sent' && r.sentAt ? `Sent ${time.dateTime(r.sentAt)}` : `Due ${time.dateTime(r.dueAt)}`}
            </span>
            {r.reason && <span className="small hm-reminder__reason">{r.reason}</span>}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** A modal dialog (focus stays inside, Escape closes) asking why before cancelling. */
function CancelDialog({
  kit,
  onClose,
  onCancelled,
}: {
  kit: InterviewKit;
  onClose(): void;
  onCancelled(k: InterviewKit): void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const time = useTimeFormat();
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onCancelled(
        await call(
          api.POST('/api/v1/interviews/{id}/cancel', {
            params: { path: { id: kit.id } },
            body: { revision: kit.revision, reason },
          }),
        ),
      );
    } catch (e2) {
      setError(e2);
      setBusy(false);
    }
  };
  const apiError = error instanceof ApiError ? error : undefined;
  const reasonError = apiError?.forField('reason');
  return (
    <dialog ref={ref} className="hm-dialog" aria-labelledby="cancel-title" onClose={onClose} onCancel={onClose}>
      <form onSubmit={submit} noValidate className="stack">
        <h2 id="cancel-title">Cancel this interview?</h2>
        <p className="muted">
          {kit.title} with {kit.candidate.name}, {time.dateTime(kit.start)}. The panel gets a cancellation and their
          reminders stop. This cannot be undone.
        </p>
        {error && !reasonError ? <ErrorNotice error={error} /> : null}
        <Field id="cancel-reason" label="Reason" hint="Shown to the panel." error={reasonError}>
          <textarea
            rows={3}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            autoFocus
            placeholder="e.g. The candidate withdrew"
          />
        </Field>
        <FormActions
          onCancel={onClose}
          cancelLabel="Keep interview"
          submitLabel="Cancel interview"
          busyLabel="Cancelling…"
          busy={busy}
          tone="danger"
        />
      </form>
    </dialog>
  );
}

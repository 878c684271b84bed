import { useEffect, useState } from 'react';
import { api, call } from '../../api/client';
import type { DeliveryLogEntry, User } from '../../api/types';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { Loading, SkeletonRows } from '../../components/Loading';
import { Link } from 'react-router-dom';
import { EmptyState, PageHeader } from '../../components/Page';
import { usePaged } from '../../components/PagedList';
import { useTimeFormat } from '../../lib/time';
import { QueueDashboardButton } from './QueueDashboardButton';
import '../../styles/admin.css';

const PAGE_SIZE = 30;

const KIND_LABEL: Record<string, string> = {
  prep: 'Prep reminder',
  feedback_due: 'Feedback due',
  feedback_overdue: 'Feedback overdue',
  escalation: 'Escalation',
  cancellation: 'Cancellation',
  decision_recruiter: 'Decision',
  decision_panel: 'Decision outcome',
  invitation: 'Calendar invitation',
};
const CHANNEL_LABEL: Record<DeliveryLogEntry['channel'], string> = {
  email: 'Email',
  webhook: 'Webhook',
  log: 'Server log',
};

type StatusFilter = 'all' | 'sent' | 'failed';

/** Recipients' names, looked up once per person (the log names them by id). */
function useRecipients(ids: string[]): Map<string, User | null> {
  const [people, setPeople] = useState<Map<string, User | null>>(new Map());
  const key = [...new Set(ids)].filter((id) => !people.has(id)).join(',');
  useEffect(() => {
    const missing = key ? key.split(',') : [];
    if (!missing.length) return;
    let live = true;
    void Promise.all(
      missing.map((id) =>
        call(api.GET('/api/v1/users/{id}', { params: { path: { id } } })).then(
          (u): [string, User | null] => [id, u],
          (): [string, User | null] => [id, null],
        ),
      ),
    ).then((found) => live && setPeople((prev) => new Map([...prev, ...found])));
    return () => {
      live = false;
    };
  }, [key]);
  return people;
}

export default function DeliveryLogPage() {
  const time = useTimeFormat();
  const [status, setStatus] = useState<StatusFilter>('all');
  const paged = usePaged(
    (cursor) => call(api.GET('/api/v1/notifications', { params: { query: { limit: PAGE_SIZE, cursor } } })),
    [],
  );
  const people = useRecipients(paged.items.map((n) => n.recipientId));
  const shown = paged.items.filter((n) => status === 'all' || n.status === status);
  const failed = paged.items.filter((n) => n.status === 'failed').length;

  return (
    <>
      <PageHeader
        title="Delivery log"
        subtitle={`Every reminder the app has sent, newest first, by email, webhook or the server log. Times are in your timezone (${time.timeZone.replace(/_/g, ' ')}).`}
        actions={
          <>
            <Link className="btn" to="/settings/audit-trail">
              <Icon name="clock" /> Audit trail
            </Link>
            <QueueDashboardButton />
          </>
        }
      />
      <div className="toolbar log-toolbar">
        <div className="segmented" role="radiogroup" aria-label="Show">
          {(['all', 'sent', 'failed'] as const).map((s) => (
            <label key={s} className={`segmented__option${status === s ? ' is-selected' : ''}`}>
              <input type="radio" name="log-status" value={s} checked={status === s} onChange={() => setStatus(s)} />
              {s === 'all' ? 'All' : s === 'sent' ? 'Sent' : 'Failed'}
              {s === 'failed' && failed > 0 && <span className="count count--danger">{failed}</span>}
            </label>
          ))}
        </div>
        {paged.items.length > 0 && (
          <span className="muted small" aria-live="polite">
            {status === 'all'
              ? `${paged.items.length} ${paged.items.length === 1 ? 'delivery' : 'deliveries'} loaded`
              : `${shown.length} of the ${paged.items.length} loaded`}
            {paged.hasMore ? '; more below' : ''}
          </span>
        )}
      </div>
      {paged.loading && !paged.items.length ? (
        <SkeletonRows label="Loading the delivery log…" />
      ) : (
        <>
          {paged.error ? (
            <ErrorNotice error={paged.error} onRetry={paged.items.length ? paged.loadMore : paged.reload} />
          ) : null}
          {!paged.items.length && !paged.error ? (
            <EmptyState title="Nothing sent yet">
              Reminders appear here as they go out: before interviews, when feedback is due, and when an interview is
              cancelled.
            </EmptyState>
          ) : shown.length === 0 && paged.items.length > 0 ? (
            <EmptyState title={status === 'failed' ? 'No failed deliveries' : 'No deliveries sent'}>
              {paged.hasMore
                ? 'None among the deliveries loaded so far. Load more to look further back.'
                : 'None in the log.'}
            </EmptyState>
          ) : shown.length > 0 ? (
            <div className="log-table-wrap">
              <table className="log-table">
                <caption className="visually-hidden">Reminder deliveries, newest first</caption>
                <thead>
                  <tr>
                    <th scope="col">Time</th>
                    <th scope="col">Recipient</th>
                    <th scope="col">Reminder</th>
                    <th scope="col">Subject</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {shown.map((n) => (
                    <LogRow key={n.id} entry={n} recipient={people.get(n.recipientId)} />
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          {paged.hasMore && (
            <div className="paged__more">
              {paged.loading ? (
                <Loading inline label="Loading more…" />
              ) : (
                <button type="button" className="btn btn--ghost" onClick={paged.loadMore}>
                  Show older deliveries
                </button>
              )}
            </div>
          )}
        </>
      )}
    </>
  );
}

function LogRow({ entry: n, recipient }: { entry: DeliveryLogEntry; recipient: User | null | undefined }) {
  const time = useTimeFormat();
  return (
    <tr className={n.status === 'failed' ? 'is-failed' : undefined}>
      <td data-label="Time">
        <span className="log-time">{time.dateTime(n.createdAt)}</span>
        <span className="muted small">{time.relative(n.createdAt)}</span>
      </td>
      <td data-label="Recipient">
        {recipient === undefined ? (
          <span className="muted small">Looking up…</span>
        ) : recipient === null ? (
          <span className="muted small mono">{n.recipientId.slice(0, 8)}</span>
        ) : (
          <>
            <strong className="log-name">{recipient.name}</strong>
            <span className="muted small">{recipient.email}</span>
          </>
        )}
      </td>
      <td data-label="Reminder">
        <span className="log-kind">{KIND_LABEL[n.kind] ?? n.kind.replace(/_/g, ' ')}</span>
        <span className={`channel channel--${n.channel}`}>{CHANNEL_LABEL[n.channel] ?? n.channel}</span>
      </td>
      <td data-label="Subject" className="log-subject">
        {n.subject}
      </td>
      <td data-label="Status">
        {n.status === 'sent' ? (
          <span className="badge badge--sent">
            <Icon name="check" size={12} /> Sent
          </span>
        ) : (
          <>
            <span className="badge badge--failed">
              <Icon name="alert" size={12} /> Failed
            </span>
            {n.error && <span className="log-error">{n.error}</span>}
          </>
        )}
      </td>
    </tr>
  );
}

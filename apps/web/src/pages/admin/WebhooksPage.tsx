import { useEffect, useState, type FormEvent } from 'react';
import { api, call } from '../../api/client';
import type { components } from '../../api/schema';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { Loading } from '../../components/Loading';
import { EmptyState, PageHeader } from '../../components/Page';
import { PagedList, usePaged } from '../../components/PagedList';
import { useToast } from '../../components/Toast';
import { useTimeFormat } from '../../lib/time';
import { useResource } from '../../lib/use-resource';
import '../../styles/admin.css';

type Subscription = components['schemas']['WebhookSubscriptionResponse'];
type Delivery = components['schemas']['WebhookDeliveryResponse'];
type EventType = Subscription['events'][number];

/** The events an ATS can subscribe to (libs/webhooks/src/webhook-events.ts), in the words of the page. */
const EVENTS: Array<[EventType, string]> = [
  ['interview.scheduled', 'Interview scheduled'],
  ['interview.rescheduled', 'Interview rescheduled'],
  ['interview.cancelled', 'Interview cancelled'],
  ['interview.completed', 'Interview completed'],
  ['scorecard.submitted', 'Scorecard submitted'],
  ['candidate.advanced', 'Candidate advanced'],
  ['candidate.rejected', 'Candidate rejected'],
  ['candidate.hired', 'Candidate hired'],
  ['question_set.published', 'Question set published'],
];

/** A pending or skipped delivery is not a failure: neutral until it has an answer. */
const STATUS_BADGE: Record<Delivery['status'], string> = {
  pending: 'badge--draft',
  succeeded: 'badge--sent',
  failed: 'badge--failed',
  skipped: 'badge--inactive',
};

const onHook = (id: string) => ({ params: { path: { id } } });

export default function WebhooksPage() {
  const hooks = useResource(() => call(api.GET('/api/v1/webhooks')), []);
  const [secret, setSecret] = useState<{ url: string; secret: string }>();
  return (
    <>
      <PageHeader
        title="Webhooks"
        subtitle="Send signed events to your applicant tracking system. Deliveries are retried for hours; a URL that keeps failing is paused and its owner emailed."
      />
      {secret && (
        <div className="notice notice--warn" role="status">
          <Icon name="alert" />
          <p>
            The signing secret for {secret.url}, shown this once: <code className="mono">{secret.secret}</code>{' '}
            <button type="button" className="btn btn--ghost" onClick={() => setSecret(undefined)}>
              I have stored it
            </button>
          </p>
        </div>
      )}
      <CreateForm
        onCreated={(s) => {
          setSecret({ url: s.url, secret: s.secret });
          hooks.reload();
        }}
      />
      {hooks.error && !hooks.data ? <ErrorNotice error={hooks.error} onRetry={hooks.reload} /> : null}
      {!hooks.data ? (
        !hooks.error && <Loading label="Loading the webhooks…" />
      ) : hooks.data.items.length === 0 ? (
        <EmptyState title="No webhooks yet">Add the URL your ATS gave you above.</EmptyState>
      ) : (
        <ul className="list" aria-label="Webhooks">
          {hooks.data.items.map((h) => (
            <WebhookRow key={h.id} hook={h} onChanged={hooks.reload} onSecret={setSecret} />
          ))}
        </ul>
      )}
    </>
  );
}

function CreateForm({ onCreated }: { onCreated(s: components['schemas']['WebhookSecretResponse']): void }) {
  const toast = useToast();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<EventType[]>(['interview.scheduled']);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const created = await call(api.POST('/api/v1/webhooks', { body: { url: url.trim(), events, description } }));
      setUrl('');
      setDescription('');
      onCreated(created);
      toast('Webhook added');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const toggle = (type: EventType) =>
    setEvents((es) => (es.includes(type) ? es.filter((x) => x !== type) : [...es, type]));
  return (
    // the shared card, grid and role-picker classes: the page has no stylesheet of its own
    <form className="card inline-form" onSubmit={submit} noValidate aria-label="Add a webhook">
      <div className="section-head">
        <h2>Add a webhook</h2>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
      <div className="grid-2">
        <Field id="webhook-url" label="URL" hint="https://, reachable from the internet">
          <input type="url" value={url} onChange={(e) => setUrl(e.target.value)} required />
        </Field>
        <Field id="webhook-description" label="Description">
          <input value={description} maxLength={200} onChange={(e) => setDescription(e.target.value)} />
        </Field>
      </div>
      <fieldset className="role-picker">
        <legend>Events</legend>
        <div className="role-picker__options">
          {EVENTS.map(([type, label]) => (
            <label key={type} className={`role-option${events.includes(type) ? ' is-selected' : ''}`}>
              <input type="checkbox" checked={events.includes(type)} onChange={() => toggle(type)} />
              <span className="role-option__box" aria-hidden="true" />
              <span className="role-option__text">
                <strong>{label}</strong>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div>
        <button type="submit" className="btn btn--primary" disabled={busy || !url.trim() || !events.length}>
          <Icon name="plus" /> Add webhook
        </button>
      </div>
    </form>
  );
}

function WebhookRow({
  hook,
  onChanged,
  onSecret,
}: {
  hook: Subscription;
  onChanged(): void;
  onSecret(s: { url: string; secret: string }): void;
}) {
  const toast = useToast();
  const [open, setOpen] = useState(false);
  // a new log after a test is sent, so it starts from what the server has now
  const [logVersion, setLogVersion] = useState(0);
  const [error, setError] = useState<unknown>();
  const act = async (what: string, run: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await run();
      toast(what);
      onChanged();
    } catch (err) {
      setError(err);
    }
  };
  const paused = hook.status === 'paused';
  return (
    <li className="card">
      <div className="section-head">
        <strong className="mono">{hook.url}</strong>
        {hook.description && <span className="muted small">{hook.description}</span>}
        <span className={`badge ${paused ? 'badge--failed' : 'badge--sent'}`}>{paused ? 'Paused' : 'Active'}</span>
        {paused && hook.pausedReason && <span className="log-error">{hook.pausedReason}</span>}
        <span className="muted small">{hook.events.join(', ')}</span>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
      <div className="toolbar">
        {paused ? (
          <button
            type="button"
            className="btn"
            onClick={() =>
              act('Webhook resumed', () => call(api.POST('/api/v1/webhooks/{id}/resume', onHook(hook.id))))
            }
          >
            Resume
          </button>
        ) : (
          <>
            <button
              type="button"
              className="btn"
              onClick={() =>
                act('Webhook paused', () => call(api.POST('/api/v1/webhooks/{id}/pause', onHook(hook.id))))
              }
            >
              Pause
            </button>
            <button
              type="button"
              className="btn"
              onClick={() =>
                act('Test sent', async () => {
                  await call(api.POST('/api/v1/webhooks/{id}/ping', onHook(hook.id)));
                  // the admin sent it to see it arrive: the log opens and follows it
                  setOpen(true);
                  setLogVersion((v) => v + 1);
                })
              }
            >
              Send test
            </button>
          </>
        )}
        <button
          type="button"
          className="btn"
          onClick={() =>
            act('Secret rotated', async () => {
              const r = await call(api.POST('/api/v1/webhooks/{id}/rotate-secret', onHook(hook.id)));
              onSecret({ url: r.url, secret: r.secret });
            })
          }
        >
          Rotate secret
        </button>
        <button type="button" className="btn btn--ghost" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          <Icon name="inbox" /> Delivery log
        </button>
        <button
          type="button"
          className="btn btn--danger"
          onClick={() =>
            window.confirm(`Delete the webhook to ${hook.url} and its delivery log?`) &&
            act('Webhook deleted', () => call(api.DELETE('/api/v1/webhooks/{id}', onHook(hook.id))))
          }
        >
          <Icon name="trash" /> Delete
        </button>
      </div>
      {open && <Deliveries key={logVersion} hookId={hook.id} paused={paused} />}
    </li>
  );
}

function Deliveries({ hookId, paused }: { hookId: string; paused: boolean }) {
  const time = useTimeFormat();
  const toast = useToast();
  const [error, setError] = useState<unknown>();
  const [poll, setPoll] = useState(0);
  const paged = usePaged(
    (cursor) =>
      call(
        api.GET('/api/v1/webhooks/{id}/deliveries', {
          params: { path: { id: hookId }, query: { limit: 20, cursor } },
        }),
      ),
    [hookId, poll],
  );
  // a pending delivery is being sent or retried: read the log again when its next attempt is due
  // (soon after it for one due now, at most every 30 s for a retry minutes away)
  const nextDue = paged.items
    .filter((d) => d.status === 'pending')
    .map((d) => (d.nextAttemptAt ? new Date(d.nextAttemptAt).getTime() : 0))
    .sort((a, b) => a - b)[0];
  useEffect(() => {
    if (nextDue === undefined) return;
    const wait = Math.min(Math.max(nextDue - Date.now() + 1000, 2000), 30_000);
    const timer = setTimeout(() => setPoll((n) => n + 1), wait);
    return () => clearTimeout(timer);
  }, [nextDue, paged.items]);
  const redeliver = async (d: Delivery) => {
    setError(undefined);
    try {
      await call(
        api.POST('/api/v1/webhooks/{id}/deliveries/{deliveryId}/redeliver', {
          params: { path: { id: hookId, deliveryId: d.id } },
        }),
      );
      toast('Redelivery queued');
      paged.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <>
      {error ? <ErrorNotice error={error} /> : null}
      <PagedList
        paged={paged}
        label="Deliveries, newest first"
        keyOf={(d) => d.id}
        empty={<EmptyState title="No deliveries yet">Events appear here as they are sent.</EmptyState>}
        render={(d) => (
          <div className="section-head">
            <span className="log-time">{time.dateTime(d.createdAt)}</span>
            <span className="log-kind">{d.eventType}</span>
            <span className={`badge ${STATUS_BADGE[d.status]}`}>{d.status}</span>
            <span className="muted small">
              {d.responseStatus !== null ? `HTTP ${d.responseStatus}` : 'no answer'} · {d.attempts} attempt
              {d.attempts === 1 ? '' : 's'}
              {d.nextAttemptAt ? ` · next ${time.relative(d.nextAttemptAt)}` : ''}
            </span>
            {d.error && <span className="log-error">{d.error}</span>}
            <span className="mono small">{d.id}</span>
            {!paused && d.status !== 'pending' && (
              <button type="button" className="btn btn--ghost" onClick={() => void redeliver(d)}>
                Redeliver
              </button>
            )}
          </div>
        )}
      />
    </>
  );
}

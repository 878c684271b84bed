import { useState, type FormEvent } from 'react';
import { api, call } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { components } from '../../api/schema';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { Icon } from '../../components/Icon';
import { Loading, SkeletonRows } from '../../components/Loading';
import { EmptyState, PageHeader } from '../../components/Page';
import { usePaged } from '../../components/PagedList';
import { useToast } from '../../components/Toast';
import { useTimeFormat } from '../../lib/time';
import '../../styles/admin.css';
import '../../styles/api-keys.css';

type ApiKey = components['schemas']['ApiKeyResponse'];
type Scope = components['schemas']['CreateApiKeyDto']['scopes'][number];

/** The scopes a key may hold (scorecards and summaries are read-only for keys), with what they open. */
const SCOPES: Array<{ scope: Scope; label: string; does: string }> = [
  { scope: 'interviews:read', label: 'Interviews: read', does: 'Positions, candidates and interviews' },
  { scope: 'interviews:write', label: 'Interviews: write', does: 'Create and update candidates and interviews' },
  { scope: 'question_sets:read', label: 'Question sets: read', does: 'Published question sets' },
  { scope: 'question_sets:write', label: 'Question sets: write', does: 'Create, edit and publish sets' },
  { scope: 'scorecards:read', label: 'Scorecards: read', does: 'Submitted scorecards, never drafts' },
  { scope: 'summaries:read', label: 'Summaries: read', does: 'Feedback summaries' },
];

const EXPIRIES = [
  { days: 0, label: 'Never' },
  { days: 30, label: 'In 30 days' },
  { days: 90, label: 'In 90 days' },
  { days: 365, label: 'In a year' },
];

const PAGE_SIZE = 30;

/** Admins issue keys for integrations (an ATS, a data warehouse): the secret is shown once. */
export default function ApiKeysPage() {
  const [creating, setCreating] = useState(false);
  const [issued, setIssued] = useState<{ name: string; secret: string }>();
  const paged = usePaged(
    (cursor) => call(api.GET('/api/v1/api-keys', { params: { query: { limit: PAGE_SIZE, cursor } } })),
    [],
  );
  return (
    <>
      <PageHeader
        title="API keys"
        subtitle="Keys let another system (your applicant tracking system, a report) use the API with the scopes you grant. Every change a key makes is in the audit trail under its name."
        actions={
          !creating && (
            <button type="button" className="btn btn--primary" onClick={() => setCreating(true)}>
              <Icon name="plus" /> New key
            </button>
          )
        }
      />
      {issued && <SecretOnce {...issued} onDone={() => setIssued(undefined)} />}
      {creating && (
        <NewKeyForm
          onCancel={() => setCreating(false)}
          onCreated={(name, secret) => {
            setCreating(false);
            setIssued({ name, secret });
            paged.reload();
          }}
        />
      )}
      {paged.error ? <ErrorNotice error={paged.error} onRetry={paged.reload} /> : null}
      {paged.loading && !paged.items.length ? (
        <SkeletonRows label="Loading the API keys…" />
      ) : !paged.items.length && !paged.error ? (
        <EmptyState title="No API keys yet">Create one for each system that should reach the API.</EmptyState>
      ) : (
        <ul className="api-key-list" aria-label="API keys">
          {paged.items.map((k) => (
            <KeyRow key={k.id} apiKey={k} onRevoked={paged.reload} />
          ))}
        </ul>
      )}
      {paged.hasMore && (
        <div className="paged__more">
          {paged.loading ? (
            <Loading inline label="Loading more…" />
          ) : (
            <button type="button" className="btn btn--ghost" onClick={paged.loadMore}>
              Show more keys
            </button>
          )}
        </div>
      )}
    </>
  );
}

function NewKeyForm({ onCancel, onCreated }: { onCancel(): void; onCreated(name: string, secret: string): void }) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>(['interviews:read']);
  const [days, setDays] = useState(90);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const toggle = (scope: Scope) =>
    setScopes(SCOPES.map((s) => s.scope).filter((s) => (s === scope ? !scopes.includes(s) : scopes.includes(s))));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const expiresAt = days ? new Date(Date.now() + days * 86_400_000).toISOString() : undefined;
      const created = await call(api.POST('/api/v1/api-keys', { body: { name: name.trim(), scopes, expiresAt } }));
      onCreated(created.apiKey.name, created.secret);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  const apiError = error instanceof ApiError ? error : undefined;
  const scopeError = apiError?.forField('scopes');
  return (
    <form className="card inline-form" onSubmit={submit} noValidate aria-label="New API key">
      <div className="section-head">
        <h2>New API key</h2>
        <span className="muted small">Grant only what the system needs; you can revoke the key at any time.</span>
      </div>
      {error && !apiError?.fieldProblems.length ? <ErrorNotice error={error} /> : null}
      <div className="grid-2">
        <Field
          id="new-key-name"
          label="Name"
          hint="What uses it, e.g. Greenhouse sync."
          error={apiError?.forField('name')}
        >
          <input value={name} onChange={(e) => setName(e.target.value)} autoFocus autoComplete="off" maxLength={100} />
        </Field>
        <Field id="new-key-expiry" label="Expires" error={apiError?.forField('expiresAt')}>
          <select value={days} onChange={(e) => setDays(Number(e.target.value))}>
            {EXPIRIES.map((x) => (
              <option key={x.days} value={x.days}>
                {x.label}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <fieldset className={`role-picker${scopeError ? ' field--invalid' : ''}`}>
        <legend>Scopes</legend>
        <div className="role-picker__options">
          {SCOPES.map((s) => (
            <label key={s.scope} className={`role-option${scopes.includes(s.scope) ? ' is-selected' : ''}`}>
              <input
                type="checkbox"
                name="scopes"
                value={s.scope}
                checked={scopes.includes(s.scope)}
                onChange={() => toggle(s.scope)}
              />
              <span className="role-option__box" aria-hidden="true" />
              <span className="role-option__text">
                <strong>{s.label}</strong>
                <span>{s.does}</span>
              </span>
            </label>
          ))}
        </div>
        {scopeError && <p className="field__error">{scopeError}</p>}
      </fieldset>
      <FormActions onCancel={onCancel} submitLabel="Create key" busyLabel="Creating…" busy={busy} />
    </form>
  );
}

/** The secret, once: it is stored hashed and cannot be shown again. */
function SecretOnce({ name, secret, onDone }: { name: string; secret: string; onDone(): void }) {
  const toast = useToast();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      toast('Key copied');
    } catch {
      toast('Copying is not allowed here: select the key and copy it by hand');
    }
  };
  return (
    <div className="card api-key-secret" role="region" aria-label={`The secret of ${name}`}>
      <div className="notice notice--warn">
        <Icon name="alert" />
        <p>
          <strong>Copy the key for “{name}” now.</strong> It is shown only this once; if it is lost, revoke it and
          create another. Keep it in a secret store, never in code.
        </p>
      </div>
      <div className="api-key-secret__value">
        <code aria-label="API key secret">{secret}</code>
        <button type="button" className="btn" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <p className="muted small">
        Send it as <code>Authorization: Bearer {secret.slice(0, 12)}…</code>
      </p>
      <div className="form-actions">
        <button type="button" className="btn btn--primary" onClick={onDone}>
          I have copied it
        </button>
      </div>
    </div>
  );
}

function KeyRow({ apiKey: k, onRevoked }: { apiKey: ApiKey; onRevoked(): void }) {
  const time = useTimeFormat();
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const expired = !k.revokedAt && !!k.expiresAt && new Date(k.expiresAt).getTime() <= Date.now();
  const revoke = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await call(api.POST('/api/v1/api-keys/{id}/revoke', { params: { path: { id: k.id } } }));
      toast(`${k.name} is revoked`);
      // the row stays (now revoked): without this its question stayed open, "Revoking…" for good
      setConfirming(false);
      setBusy(false);
      onRevoked();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return (
    <li className={`card api-key-row${k.revokedAt || expired ? ' api-key-row--inactive' : ''}`}>
      <div className="api-key-row__main">
        <strong>{k.name}</strong>
        <code className="muted">
          {k.prefix}…{k.last4}
        </code>
        <span className="small">{k.scopes.join(', ')}</span>
        <span className="muted small">
          {k.revokedAt
            ? `Revoked ${time.dateTime(k.revokedAt)}`
            : expired
              ? `Expired ${time.dateTime(k.expiresAt!)}`
              : k.expiresAt
                ? `Expires ${time.dateTime(k.expiresAt)}`
                : 'Never expires'}
          {' · '}
          {k.lastUsedAt ? `Last used ${time.relative(k.lastUsedAt)}` : 'Never used'}
        </span>
        {!k.revokedAt && !confirming && (
          <button type="button" className="btn btn--small btn--ghost" onClick={() => setConfirming(true)}>
            Revoke
          </button>
        )}
      </div>
      {confirming && !k.revokedAt && (
        <div className="user-row__panel user-row__panel--danger" role="group" aria-label={`Revoke ${k.name}`}>
          <p>
            <strong>Revoke {k.name}?</strong> Every request with it is refused from now on. This cannot be undone.
          </p>
          {error ? <ErrorNotice error={error} /> : null}
          <div className="form-actions">
            <button type="button" className="btn btn--ghost" onClick={() => setConfirming(false)}>
              Keep it
            </button>
            <button type="button" className="btn btn--danger" disabled={busy} onClick={() => void revoke()}>
              {busy ? 'Revoking…' : 'Revoke'}
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

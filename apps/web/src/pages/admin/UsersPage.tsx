import { useState, type FormEvent } from 'react';
import { api, call } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { Role, User, UserUpdate } from '../../api/types';
import { useUser } from '../../auth/session';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { FormActions } from '../../components/FormActions';
import { Icon } from '../../components/Icon';
import { SearchToolbar, useUrlFilters } from '../../components/ListSearch';
import { Link } from 'react-router-dom';
import { EmptyState, PageHeader } from '../../components/Page';
import { PagedList, usePaged } from '../../components/PagedList';
import { TimezoneSelect } from '../../components/TimezoneSelect';
import { useToast } from '../../components/Toast';
import { useTimeFormat } from '../../lib/time';
import { mainRole, RoleChips, RolePicker } from './roles';
import '../../styles/admin.css';

const PAGE_SIZE = 25;

export default function UsersPage() {
  const { q, search, setSearch } = useUrlFilters();
  const [creating, setCreating] = useState(false);
  // rows changed on this page, shown as the server returned them without reloading the list
  const [changed, setChanged] = useState<Record<string, User>>({});

  const paged = usePaged(
    (cursor) => call(api.GET('/api/v1/users', { params: { query: { limit: PAGE_SIZE, cursor, q: q || undefined } } })),
    [q],
  );

  return (
    <>
      <PageHeader
        title="Users and roles"
        subtitle="Who can sign in, and what each person may do. A deactivated user is signed out at once and cannot sign in again until reactivated."
        actions={
          <>
            <Link className="btn" to="/settings/audit-trail?entityType=user">
              <Icon name="clock" /> Audit trail
            </Link>
            {!creating && (
              <button type="button" className="btn btn--primary" onClick={() => setCreating(true)}>
                <Icon name="plus" /> New user
              </button>
            )}
          </>
        }
      />
      {creating && (
        <NewUserForm
          onCancel={() => setCreating(false)}
          onCreated={() => {
            setCreating(false);
            paged.reload();
          }}
        />
      )}
      <SearchToolbar
        id="user-search"
        label="Search users"
        placeholder="Search by name or email"
        value={search}
        onChange={setSearch}
      />
      <div className="user-table">
        <div className="user-table__head" aria-hidden="true">
          <span>Person</span>
          <span>Roles</span>
          <span>Timezone</span>
          <span>Status</span>
          <span />
        </div>
        <PagedList
          paged={paged}
          label="users"
          className="user-list"
          keyOf={(u) => u.id}
          render={(u) => (
            <UserRow user={changed[u.id] ?? u} onChanged={(next) => setChanged((c) => ({ ...c, [next.id]: next }))} />
          )}
          empty={
            q ? (
              <EmptyState title="Nobody matches">Try part of a name or an email address.</EmptyState>
            ) : (
              <EmptyState title="No users yet" />
            )
          }
        />
      </div>
    </>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w[0])
    .slice(0, 2)
    .join('')
    .toUpperCase();
}

type Mode = 'view' | 'edit' | 'confirm-deactivate';

function UserRow({ user, onChanged }: { user: User; onChanged(u: User): void }) {
  const me = useUser();
  const toast = useToast();
  const time = useTimeFormat();
  const [mode, setMode] = useState<Mode>('view');
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [timezone, setTimezone] = useState(user.timezone);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const isMe = user.id === me.id;
  const apiError = error instanceof ApiError ? error : undefined;

  const save = async (changes: UserUpdate, done: string) => {
    setBusy(true);
    setError(undefined);
    try {
      const next = await call(api.PATCH('/api/v1/users/{id}', { params: { path: { id: user.id } }, body: changes }));
      onChanged(next);
      setMode('view');
      toast(done);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const startEdit = () => {
    setRoles(user.roles);
    setTimezone(user.timezone);
    setError(undefined);
    setMode('edit');
  };

  return (
    <div
      className={`user-row${user.active ? '' : ' user-row--inactive'}${mode === 'edit' ? ' user-row--editing' : ''}`}
    >
      <div className="user-row__person">
        <span className={`avatar avatar--soft avatar--${mainRole(user.roles)}`} aria-hidden="true">
          {initials(user.name)}
        </span>
        <div className="user-row__who">
          <strong>
            {user.name}
            {isMe && <span className="you-tag">You</span>}
          </strong>
          <span className="muted small user-row__email" title={user.email}>
            {user.email}
          </span>
        </div>
      </div>
      <div className="user-row__roles">
        <span className="cell-label">Roles</span>
        <RoleChips roles={user.roles} />
      </div>
      <div className="user-row__tz">
        <span className="cell-label">Timezone</span>
        <span className="small">{user.timezone.replace(/_/g, ' ')}</span>
      </div>
      <div className="user-row__status">
        <span className="cell-label">Status</span>
        {user.active ? (
          <span className="badge badge--active">Active</span>
        ) : (
          <span className="badge badge--inactive">Deactivated</span>
        )}
        <span className="muted small" title={time.dateTime(user.createdAt)}>
          Added {time.date(user.createdAt)}
        </span>
      </div>
      <div className="user-row__actions">
        {mode === 'view' && (
          <>
            <button type="button" className="btn btn--small" onClick={startEdit} aria-label={`Edit ${user.name}`}>
              <Icon name="edit" size={15} /> Edit
            </button>
            {user.active ? (
              <button
                type="button"
                className="btn btn--small btn--ghost"
                onClick={() => setMode('confirm-deactivate')}
                disabled={isMe}
                title={isMe ? 'You cannot deactivate your own account' : undefined}
                aria-label={`Deactivate ${user.name}`}
              >
                Deactivate
              </button>
            ) : (
              <button
                type="button"
                className="btn btn--small btn--ghost"
                disabled={busy}
                onClick={() => save({ active: true }, `${user.name} can sign in again`)}
                aria-label={`Reactivate ${user.name}`}
              >
                Reactivate
              </button>
            )}
          </>
        )}
      </div>
      {mode === 'confirm-deactivate' && (
        <div className="user-row__panel user-row__panel--danger" role="group" aria-label={`Deactivate ${user.name}`}>
          <p>
            <strong>Deactivate {user.name}?</strong> They are signed out at once and cannot sign in. Their scorecards
            and history stay. You can reactivate them later.
          </p>
          {error ? <ErrorNotice error={error} /> : null}
          <div className="form-actions">
            <button type="button" className="btn btn--ghost" onClick={() => setMode('view')}>
              Keep active
            </button>
            <button
              type="button"
              className="btn btn--danger"
              disabled={busy}
              onClick={() => save({ active: false }, `${user.name} is deactivated`)}
            >
              {busy ? 'Deactivating…' : 'Deactivate'}
            </button>
          </div>
        </div>
      )}
      {mode === 'edit' && (
        <form
          className="user-row__panel"
          aria-label={`Edit ${user.name}`}
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void save({ roles, timezone }, `Saved ${user.name}`);
          }}
        >
          {error && !apiError?.fieldProblems.length ? <ErrorNotice error={error} /> : null}
          <RolePicker name={`roles-${user.id}`} value={roles} onChange={setRoles} error={apiError?.forField('roles')} />
          <Field
            id={`tz-${user.id}`}
            label="Timezone"
            hint="Times in the app and in reminders are shown to them in this zone."
            error={apiError?.forField('timezone')}
            className="user-row__tz-field"
          >
            <TimezoneSelect value={timezone} onChange={setTimezone} />
          </Field>
          <FormActions onCancel={() => setMode('view')} submitLabel="Save changes" busyLabel="Saving…" busy={busy} />
        </form>
      )}
    </div>
  );
}

function NewUserForm({ onCancel, onCreated }: { onCancel(): void; onCreated(u: User): void }) {
  const me = useUser();
  const toast = useToast();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [roles, setRoles] = useState<Role[]>(['interviewer']);
  const [timezone, setTimezone] = useState(me.timezone);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const user = await call(api.POST('/api/v1/users', { body: { name, email, password, roles, timezone } }));
      toast(`Created ${user.name}. They can sign in with ${user.email}.`);
      onCreated(user);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };

  const apiError = error instanceof ApiError ? error : undefined;
  // a taken email is a 409 without field details: it still belongs next to the email field
  const emailTaken =
    apiError?.status === 409
      ? 'Someone already has an account with this email. Search for them below, or use another address.'
      : undefined;
  const fieldShown = !!emailTaken || !!apiError?.fieldProblems.length;

  return (
    <form className="card inline-form new-user" onSubmit={submit} noValidate aria-label="New user">
      <div className="section-head">
        <h2>New user</h2>
        <span className="muted small">
          They sign in with this email and password; share the password with them privately.
        </span>
      </div>
      {error && !fieldShown ? <ErrorNotice error={error} /> : null}
      <div className="grid-2">
        <Field id="new-user-name" label="Full name" error={apiError?.forField('name')}>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            autoFocus
            autoComplete="off"
            placeholder="e.g. Priya Natarajan"
          />
        </Field>
        <Field id="new-user-email" label="Work email" error={emailTaken ?? apiError?.forField('email')}>
          <input
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            autoComplete="off"
            placeholder="name@company.com"
          />
        </Field>
        <Field
          id="new-user-password"
          label="First password"
          hint="At least 8 characters."
          error={apiError?.forField('password')}
        >
          <input
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="new-password"
          />
        </Field>
        <Field
          id="new-user-tz"
          label="Timezone"
          hint="Their times and reminders follow it; they can change it on their profile."
          error={apiError?.forField('timezone')}
        >
          <TimezoneSelect value={timezone} onChange={setTimezone} />
        </Field>
      </div>
      <RolePicker name="new-user-roles" value={roles} onChange={setRoles} error={apiError?.forField('roles')} />
      <FormActions onCancel={onCancel} submitLabel="Create user" busyLabel="Creating…" busy={busy} />
    </form>
  );
}

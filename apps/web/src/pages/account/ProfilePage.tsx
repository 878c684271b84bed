import { useEffect, useState, type FormEvent, type KeyboardEvent } from 'react';
import { api, call } from '../../api/client';
import { ApiError } from '../../api/errors';
import { QUESTION_TYPES, type Interviewer, type InterviewerUpdate, type QuestionType } from '../../api/types';
import { useSession, useUser } from '../../auth/session';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { Icon } from '../../components/Icon';
import { SkeletonRows } from '../../components/Loading';
import { Card, PageHeader } from '../../components/Page';
import { TimezoneSelect } from '../../components/TimezoneSelect';
import { useToast } from '../../components/Toast';
import { formatDateTime, useTimeFormat } from '../../lib/time';
import { useResource } from '../../lib/use-resource';
import { Toggle } from '../admin/controls';
import { mainRole, RoleChips } from '../admin/roles';
import { AvailabilityCard } from './AvailabilityCard';
import '../../styles/admin.css';

const TYPE_LABEL: Record<QuestionType, string> = {
  technical: 'Technical',
  behavioral: 'Behavioral',
  situational: 'Situational',
};

/** The signed-in user's own page: who they are, their timezone and, for interviewers, how they are reminded. */
export default function ProfilePage() {
  const user = useUser();
  const time = useTimeFormat();
  const isInterviewer = user.roles.includes('interviewer');
  const initials = user.name
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w[0])
    .slice(0, 2)
    .join('')
    .toUpperCase();
  return (
    <>
      <PageHeader
        title="Your profile"
        subtitle="How you appear in Scorecards, the timezone your times are shown in and, if you interview, how you are reminded."
      />
      <div className="profile-layout">
        <div className="stack">
          <DetailsCard />
          <PasswordCard />
          {isInterviewer && <InterviewerCards />}
        </div>
        <aside className="card profile-id" aria-label="Your account">
          <span className={`avatar avatar--large avatar--${mainRole(user.roles)}`} aria-hidden="true">
            {initials}
          </span>
          <h2>{user.name}</h2>
          <p className="muted">{user.email}</p>
          <RoleChips roles={user.roles} />
          <dl className="profile-id__facts">
            <div>
              <dt>Timezone</dt>
              <dd>{user.timezone.replace(/_/g, ' ')}</dd>
            </div>
            <div>
              <dt>Member since</dt>
              <dd>{time.date(user.createdAt)}</dd>
            </div>
          </dl>
          <p className="muted small">Your email and roles are managed by an admin.</p>
        </aside>
      </div>
    </>
  );
}

function DetailsCard() {
  const user = useUser();
  const { updateUser } = useSession();
  const toast = useToast();
  const [name, setName] = useState(user.name);
  const [timezone, setTimezone] = useState(user.timezone);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const t = setInterval(() => setNow(new Date()), 30_000);
    return () => clearInterval(t);
  }, []);
  const dirty = name.trim() !== user.name || timezone !== user.timezone;
  const apiError = error instanceof ApiError ? error : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const next = await call(api.PATCH('/api/v1/me', { body: { name: name.trim(), timezone } }));
      updateUser(next);
      setName(next.name);
      toast(
        next.timezone !== user.timezone ? `Saved. Times now show in ${next.timezone.replace(/_/g, ' ')}.` : 'Saved',
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="Your details">
      <form className="stack" onSubmit={submit} noValidate aria-label="Your details">
        {error && !apiError?.fieldProblems.length ? <ErrorNotice error={error} /> : null}
        <div className="grid-2">
          <Field id="profile-name" label="Name" error={apiError?.forField('name') && 'Your name cannot be empty.'}>
            <input value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" />
          </Field>
          <Field id="profile-email" label="Email" hint="Ask an admin to change it.">
            <input value={user.email} readOnly aria-readonly="true" className="input-readonly" />
          </Field>
        </div>
        <Field
          id="profile-tz"
          label="Timezone"
          hint={
            <>Interview times, due dates and reminders follow it. It is {formatDateTime(now, timezone)} there now.</>
          }
          error={apiError?.forField('timezone') && 'Choose a timezone from the list.'}
        >
          <TimezoneSelect value={timezone} onChange={setTimezone} />
        </Field>
        <div className="form-actions">
          {dirty && (
            <button
              type="button"
              className="btn btn--ghost"
              onClick={() => (setName(user.name), setTimezone(user.timezone))}
            >
              Discard
            </button>
          )}
          <button className="btn btn--primary" disabled={!dirty || busy}>
            {busy ? 'Saving…' : 'Save details'}
          </button>
        </div>
      </form>
    </Card>
  );
}

/** Changing one's own password: the current one first; other browsers signed in as you are signed out. */
function PasswordCard() {
  const user = useUser();
  const toast = useToast();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<unknown>();
  const [mismatch, setMismatch] = useState(false);
  const [busy, setBusy] = useState(false);
  const apiError = error instanceof ApiError ? error : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setMismatch(next !== repeat);
    if (next !== repeat) return;
    setBusy(true);
    try {
      await call(api.POST('/api/v1/me/password', { body: { currentPassword: current, newPassword: next } }));
      setCurrent('');
      setNext('');
      setRepeat('');
      toast('Password changed. Other browsers signed in as you have been signed out.');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  // the API names the field in its words ("newPassword must be…"); the form says it in the label's
  const newError = apiError?.forField('newPassword')?.replace(/^newPassword\b/i, 'The new password');
  return (
    <Card title="Password">
      <form className="stack" onSubmit={submit} noValidate aria-label="Change password">
        {error && !apiError?.fieldProblems.length ? <ErrorNotice error={error} /> : null}
        {/* lets password managers tie the new password to this account */}
        <input type="email" autoComplete="username" value={user.email} readOnly hidden />
        <Field
          id="password-current"
          label="Current password"
          error={apiError?.forField('currentPassword') && 'This is not your current password.'}
        >
          <input
            type="password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.target.value)}
          />
        </Field>
        <div className="grid-2">
          <Field
            id="password-new"
            label="New password"
            hint="At least 12 characters; not one in use elsewhere."
            error={newError}
          >
            <input
              type="password"
              autoComplete="new-password"
              value={next}
              onChange={(e) => setNext(e.target.value)}
              minLength={12}
            />
          </Field>
          <Field
            id="password-repeat"
            label="New password again"
            error={mismatch ? 'The two new passwords differ.' : undefined}
          >
            <input
              type="password"
              autoComplete="new-password"
              value={repeat}
              onChange={(e) => setRepeat(e.target.value)}
            />
          </Field>
        </div>
        <div className="form-actions">
          <button className="btn btn--primary" disabled={busy || !current || !next || !repeat}>
            {busy ? 'Changing…' : 'Change password'}
          </button>
        </div>
      </form>
    </Card>
  );
}

function InterviewerCards() {
  const user = useUser();
  const profile = useResource(
    () => call(api.GET('/api/v1/interviewers/{id}', { params: { path: { id: user.id } } })),
    [user.id],
  );
  if (!profile.data) {
    return profile.error ? (
      <ErrorNotice error={profile.error} onRetry={profile.reload} title="Your interviewer profile did not load" />
    ) : (
      <Card title="Notifications">
        <SkeletonRows rows={2} label="Loading your interviewer profile…" />
      </Card>
    );
  }
  return (
    <>
      <NotificationsCard profile={profile.data} onSaved={profile.setData} />
      <InterviewingCard profile={profile.data} onSaved={profile.setData} />
      <AvailabilityCard userId={user.id} />
    </>
  );
}

function useSave(id: string, onSaved: (p: Interviewer) => void) {
  const toast = useToast();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const save = async (body: InterviewerUpdate, done: string) => {
    setBusy(true);
    setError(undefined);
    try {
      onSaved(await call(api.PATCH('/api/v1/interviewers/{id}', { params: { path: { id } }, body })));
      toast(done);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { error, busy, save, apiError: error instanceof ApiError ? error : undefined };
}

function NotificationsCard({ profile, onSaved }: { profile: Interviewer; onSaved(p: Interviewer): void }) {
  const [email, setEmail] = useState(profile.notifications.email);
  const [webhook, setWebhook] = useState(profile.notifications.webhookUrl ?? '');
  const { error, busy, save, apiError } = useSave(profile.userId, onSaved);
  const dirty = email !== profile.notifications.email || webhook.trim() !== (profile.notifications.webhookUrl ?? '');
  return (
    <Card title="Notifications">
      <form
        className="stack"
        aria-label="Notifications"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save(
            { emailNotifications: email, webhookUrl: webhook.trim() || null },
            'Notification preferences saved',
          );
        }}
      >
        <p className="muted small">
          Reminders to prepare for an interview, when your feedback is due, and when it is overdue.
        </p>
        {error && !apiError?.fieldProblems.length ? <ErrorNotice error={error} /> : null}
        <Toggle
          id="notify-email"
          checked={email}
          onChange={setEmail}
          label={`Email me reminders at ${profile.email}`}
        />
        <Field
          id="notify-webhook"
          label="Webhook URL"
          hint="Optional. Reminders are also posted here, e.g. a Slack incoming webhook. Leave empty for none."
          error={webhookProblem(apiError?.forField('webhookUrl'))}
        >
          <input
            type="url"
            inputMode="url"
            value={webhook}
            onChange={(e) => setWebhook(e.target.value)}
            placeholder="https://hooks.slack.com/services/…"
            autoComplete="off"
            spellCheck={false}
          />
        </Field>
        {!email && !webhook.trim() && (
          <p className="notice notice--warn">
            <Icon name="alert" /> With email off and no webhook, you will not be reminded at all.
          </p>
        )}
        <div className="form-actions">
          <button className="btn btn--primary" disabled={!dirty || busy}>
            {busy ? 'Saving…' : 'Save notifications'}
          </button>
        </div>
      </form>
    </Card>
  );
}

function InterviewingCard({ profile, onSaved }: { profile: Interviewer; onSaved(p: Interviewer): void }) {
  const [competencies, setCompetencies] = useState(profile.competencies);
  const [draft, setDraft] = useState('');
  const [types, setTypes] = useState<QuestionType[]>(profile.questionTypes);
  const [limit, setLimit] = useState(String(profile.weeklyLimit));
  const { error, busy, save, apiError } = useSave(profile.userId, onSaved);
  const dirty =
    JSON.stringify(competencies) !== JSON.stringify(profile.competencies) ||
    JSON.stringify([...types].sort()) !== JSON.stringify([...profile.questionTypes].sort()) ||
    limit !== String(profile.weeklyLimit);

  const addCompetency = () => {
    const words = draft
      .split(',')
      .map((w) => w.trim().toLowerCase())
      .filter((w) => w && !competencies.includes(w));
    if (words.length) setCompetencies([...competencies, ...new Set(words)]);
    setDraft('');
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      addCompetency();
    } else if (e.key === 'Backspace' && !draft && competencies.length) {
      setCompetencies(competencies.slice(0, -1));
    }
  };

  return (
    <Card title="What you interview for">
      <form
        className="stack"
        aria-label="What you interview for"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const pending = draft.trim()
            ? [
                ...competencies,
                ...draft
                  .split(',')
                  .map((w) => w.trim().toLowerCase())
                  .filter(Boolean),
              ]
            : competencies;
          setDraft('');
          setCompetencies([...new Set(pending)]);
          void save(
            {
              competencies: [...new Set(pending)],
              questionTypes: types,
              weeklyLimit: limit.trim() === '' ? Number.NaN : Number(limit),
            },
            'Interviewing preferences saved',
          );
        }}
      >
        <p className="muted small">Hiring managers see this when they pick a panel.</p>
        {error && !apiError?.fieldProblems.length ? <ErrorNotice error={error} /> : null}
        <div className={`field${apiError?.forField('competencies') ? ' field--invalid' : ''}`}>
          <label htmlFor="competency-input">Competencies you assess</label>
          <div className="tag-input">
            {competencies.map((c) => (
              <span key={c} className="tag-input__tag">
                {c}
                <button
                  type="button"
                  onClick={() => setCompetencies(competencies.filter((x) => x !== c))}
                  aria-label={`Remove ${c}`}
                >
                  <Icon name="close" size={12} />
                </button>
              </span>
            ))}
            <input
              id="competency-input"
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={onKey}
              onBlur={addCompetency}
              placeholder={competencies.length ? 'Add another' : 'e.g. system design, go'}
              aria-describedby="competency-hint"
            />
          </div>
          <p className="field__hint" id="competency-hint">
            Press Enter or comma after each one.
          </p>
          {apiError?.forField('competencies') && (
            <p className="field__error">Each competency can be at most 100 characters, and at most 50 of them.</p>
          )}
        </div>
        <fieldset className="type-checks">
          <legend>Question types you ask</legend>
          {QUESTION_TYPES.map((t) => (
            <label key={t} className={`chip chip--${t} chip--pick${types.includes(t) ? ' is-selected' : ''}`}>
              <input
                type="checkbox"
                checked={types.includes(t)}
                onChange={() => setTypes(types.includes(t) ? types.filter((x) => x !== t) : [...types, t])}
              />
              {TYPE_LABEL[t]}
            </label>
          ))}
        </fieldset>
        <Field
          id="weekly-limit"
          label="Interviews per week"
          hint={`Scheduling warns when you would have more. This week: ${profile.load.thisWeek}.`}
          error={apiError?.forField('weeklyLimit') && 'A whole number from 0 to 50.'}
        >
          <input
            type="number"
            inputMode="numeric"
            min={0}
            max={50}
            value={limit}
            onChange={(e) => setLimit(e.target.value)}
            className="input-narrow"
          />
        </Field>
        <div className="form-actions">
          <button className="btn btn--primary" disabled={!dirty && !draft.trim() ? true : busy}>
            {busy ? 'Saving…' : 'Save preferences'}
          </button>
        </div>
      </form>
    </Card>
  );
}

/** The server's refusal (an internal address, http where https is required) says more than a format hint. */
function webhookProblem(problem: string | undefined): string | undefined {
  if (!problem) return undefined;
  const refused = /refused:\s*(.*)$/i.exec(problem);
  return refused ? `Refused: ${refused[1]}` : 'Enter a full web address that starts with https:// (or http://).';
}

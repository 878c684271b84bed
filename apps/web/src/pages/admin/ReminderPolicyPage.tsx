import { useEffect, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { api, call } from '../../api/client';
import { ApiError } from '../../api/errors';
import type { ReminderPolicy } from '../../api/types';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { Icon, type IconName } from '../../components/Icon';
import { Loading } from '../../components/Loading';
import { PageHeader } from '../../components/Page';
import { useToast } from '../../components/Toast';
import { useResource } from '../../lib/use-resource';
import { Toggle } from './controls';
import { describeMinutes, plural, toAmount, toMinutes, UNITS, type Amount } from './durations';
import '../../styles/admin.css';

const MAX_PREP = 5;

interface FormState {
  prep: number[];
  feedbackDue: boolean;
  overdueEvery: Amount;
  overdueMax: string;
  escalate: boolean;
  escalateAfter: Amount;
  quiet: boolean;
  quietStart: string;
  quietEnd: string;
  notifyRecruiters: boolean;
  notifyPanel: boolean;
  candidateText: string;
}

function toForm(p: ReminderPolicy): FormState {
  return {
    prep: [...p.prepLeadMinutes].sort((a, b) => b - a),
    feedbackDue: p.feedbackDueEnabled,
    overdueEvery: toAmount(p.overdueEveryMinutes),
    overdueMax: String(p.overdueMaxCount),
    escalate: p.escalateAfterMinutes !== null,
    escalateAfter: toAmount(p.escalateAfterMinutes ?? 2880),
    quiet: p.quietHours !== null,
    quietStart: p.quietHours?.start ?? '21:00',
    quietEnd: p.quietHours?.end ?? '08:00',
    // absent only from an API older than decisions, where both were implied
    notifyRecruiters: p.notifyDecisions?.recruiters ?? true,
    notifyPanel: p.notifyDecisions?.panel ?? true,
    candidateText: p.candidateInvitationText ?? '',
  };
}

function toPolicy(f: FormState): ReminderPolicy {
  const count = f.overdueMax.trim() === '' ? Number.NaN : Number(f.overdueMax);
  return {
    prepLeadMinutes: f.prep,
    feedbackDueEnabled: f.feedbackDue,
    overdueEveryMinutes: toMinutes(f.overdueEvery),
    overdueMaxCount: count,
    escalateAfterMinutes: f.escalate ? toMinutes(f.escalateAfter) : null,
    quietHours: f.quiet ? { start: f.quietStart, end: f.quietEnd } : null,
    notifyDecisions: { recruiters: f.notifyRecruiters, panel: f.notifyPanel },
    candidateInvitationText: f.candidateText,
  };
}

/** The API's limits, in words, for the field it flagged (its own wording speaks in minutes). */
const FIELD_WORDS: Record<string, string> = {
  prepLeadMinutes: `Each reminder must be between 1 minute and 30 days before, each at most once, and at most ${MAX_PREP} of them.`,
  overdueEveryMinutes: 'Repeat every 1 minute to 7 days, as a whole number.',
  overdueMaxCount: 'Send between 0 and 10 overdue reminders.',
  escalateAfterMinutes: 'Escalate between 1 minute and 30 days after feedback is due, as a whole number.',
  quietHours: 'Give the start and the end as 24-hour times, such as 21:00 and 08:00.',
  notifyDecisions: 'Choose, for recruiters and for the panel, whether they are told.',
  candidateInvitationText: 'Keep the text to at most 2000 characters.',
};

export default function ReminderPolicyPage() {
  const policy = useResource(() => call(api.GET('/api/v1/settings/reminders')), []);
  return (
    <>
      <PageHeader
        title="Reminder policy"
        subtitle="When interviewers are reminded to prepare and to submit their scorecards, when hiring managers hear about missing feedback, and who is told about decisions. Interviews scheduled from now on follow it."
      />
      {policy.error && !policy.data ? <ErrorNotice error={policy.error} onRetry={policy.reload} /> : null}
      {!policy.data ? (
        !policy.error && <Loading label="Loading the reminder policy…" />
      ) : (
        <PolicyForm saved={policy.data} onSaved={policy.setData} />
      )}
    </>
  );
}

function PolicyForm({ saved, onSaved }: { saved: ReminderPolicy; onSaved(p: ReminderPolicy): void }) {
  const toast = useToast();
  const [form, setForm] = useState<FormState>(() => toForm(saved));
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [newLead, setNewLead] = useState<Amount>({ amount: '', unit: 'hours' });
  const [leadProblem, setLeadProblem] = useState<string>();
  useEffect(() => setForm(toForm(saved)), [saved]);

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const dirty = JSON.stringify(toPolicy(form)) !== JSON.stringify(toPolicy(toForm(saved)));
  const apiError = error instanceof ApiError ? error : undefined;
  const fieldError = (field: string) =>
    apiError?.forField(field) ? (FIELD_WORDS[field] ?? apiError.forField(field)) : undefined;

  const addLead = () => {
    const minutes = toMinutes(newLead);
    if (!Number.isFinite(minutes) || minutes < 1)
      return setLeadProblem('Type a whole number of minutes, hours or days, such as 2 hours.');
    if (minutes > 43_200) return setLeadProblem('At most 30 days before the interview.');
    if (form.prep.includes(minutes))
      return setLeadProblem(`There is already a reminder ${describeMinutes(minutes)} before.`);
    setLeadProblem(undefined);
    set(
      'prep',
      [...form.prep, minutes].sort((a, b) => b - a),
    );
    setNewLead({ amount: '', unit: newLead.unit });
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const next = await call(api.PUT('/api/v1/settings/reminders', { body: toPolicy(form) }));
      onSaved(next);
      toast('Reminder policy saved');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const preview = useMemo(() => toPolicy(form), [form]);

  return (
    <div className="policy-layout">
      <form className="policy-form" onSubmit={submit} noValidate aria-label="Reminder policy">
        {error && !apiError?.fieldProblems.length ? <ErrorNotice error={error} /> : null}
        {apiError?.fieldProblems.length ? (
          <div className="notice notice--error" role="alert">
            <Icon name="alert" />
            <p>Not saved: fix the highlighted settings below.</p>
          </div>
        ) : null}

        <Setting
          title="Before the interview"
          icon="calendar"
          text="Each panelist gets a prep reminder with the interview kit, at each of these times before the start."
        >
          <div className={`field${fieldError('prepLeadMinutes') ? ' field--invalid' : ''}`}>
            <span className="field-label" id="prep-label">
              Prep reminders
            </span>
            {form.prep.length ? (
              <ul className="lead-list" aria-labelledby="prep-label">
                {form.prep.map((m) => (
                  <li key={m} className="lead-chip">
                    <Icon name="bell" size={14} />
                    {describeMinutes(m)} before
                    <button
                      type="button"
                      className="lead-chip__remove"
                      onClick={() =>
                        set(
                          'prep',
                          form.prep.filter((x) => x !== m),
                        )
                      }
                      aria-label={`Remove the reminder ${describeMinutes(m)} before`}
                    >
                      <Icon name="close" size={14} />
                    </button>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="muted small">No prep reminders: panelists are not reminded before the interview.</p>
            )}
            {fieldError('prepLeadMinutes') && <p className="field__error">{fieldError('prepLeadMinutes')}</p>}
          </div>
          {form.prep.length < MAX_PREP ? (
            <div className="add-lead">
              <AmountInput
                id="new-lead"
                label="Add a reminder"
                value={newLead}
                onChange={setNewLead}
                suffix="before"
                error={leadProblem}
                onEnter={addLead}
              />
              <button type="button" className="btn" onClick={addLead}>
                <Icon name="plus" /> Add
              </button>
            </div>
          ) : (
            <p className="muted small">
              That is the most reminders an interview can have ({MAX_PREP}); remove one to add another.
            </p>
          )}
        </Setting>

        <Setting
          title="When feedback is due"
          icon="clock"
          text="A reminder to each panelist who has not submitted a scorecard when the feedback deadline comes."
        >
          <Toggle
            id="feedback-due"
            checked={form.feedbackDue}
            onChange={(v) => set('feedbackDue', v)}
            label="Remind panelists when feedback falls due"
          />
        </Setting>

        <Setting
          title="Overdue scorecards"
          icon="alert"
          text="Reminders that repeat while a scorecard is still missing after the deadline. Set 0 times for none."
        >
          <div className="inline-fields">
            <AmountInput
              id="overdue-every"
              label="Repeat every"
              value={form.overdueEvery}
              onChange={(v) => set('overdueEvery', v)}
              error={fieldError('overdueEveryMinutes')}
            />
            <Field id="overdue-max" label="At most" error={fieldError('overdueMaxCount')} hint="times">
              <input
                type="number"
                inputMode="numeric"
                min={0}
                max={10}
                value={form.overdueMax}
                onChange={(e) => set('overdueMax', e.target.value)}
                className="input-narrow"
              />
            </Field>
          </div>
        </Setting>

        <Setting
          title="Escalation"
          icon="users"
          text="Tell the hiring manager which panelists still owe a scorecard, once, some time after it was due."
        >
          <fieldset className="choice-list">
            <legend className="visually-hidden">Escalate to the hiring manager</legend>
            <label className={`choice${form.escalate ? ' is-selected' : ''}`}>
              <input type="radio" name="escalate" checked={form.escalate} onChange={() => set('escalate', true)} />
              <span>Tell the hiring manager after a delay</span>
            </label>
            {form.escalate && (
              <div className="choice__detail">
                <AmountInput
                  id="escalate-after"
                  label="After"
                  value={form.escalateAfter}
                  onChange={(v) => set('escalateAfter', v)}
                  suffix="past the deadline"
                  error={fieldError('escalateAfterMinutes')}
                />
              </div>
            )}
            <label className={`choice${!form.escalate ? ' is-selected' : ''}`}>
              <input type="radio" name="escalate" checked={!form.escalate} onChange={() => set('escalate', false)} />
              <span>Never escalate</span>
            </label>
          </fieldset>
        </Setting>

        <Setting
          title="Quiet hours"
          icon="bell"
          text="A reminder due in quiet hours waits until they end, in each recipient's own timezone. A prep reminder that would then be too late goes out before they start."
        >
          <Toggle
            id="quiet"
            checked={form.quiet}
            onChange={(v) => set('quiet', v)}
            label="Hold reminders during quiet hours"
          />
          {form.quiet && (
            <div className="inline-fields">
              <Field id="quiet-start" label="From" error={fieldError('quietHours')}>
                <input
                  type="time"
                  value={form.quietStart}
                  onChange={(e) => set('quietStart', e.target.value)}
                  className="input-time"
                />
              </Field>
              <Field id="quiet-end" label="Until">
                <input
                  type="time"
                  value={form.quietEnd}
                  onChange={(e) => set('quietEnd', e.target.value)}
                  className="input-time"
                />
              </Field>
            </div>
          )}
        </Setting>

        <Setting
          title="Decisions"
          icon="check"
          text="Who is told when a decision on a candidate is recorded. Recruiters get the rationale and a link to the debrief; the panel only hears the outcome, with a thank-you."
        >
          <Toggle
            id="notify-recruiters"
            checked={form.notifyRecruiters}
            onChange={(v) => set('notifyRecruiters', v)}
            label="Tell recruiters when a candidate is advanced, rejected, put on hold or hired"
          />
          <Toggle
            id="notify-panel"
            checked={form.notifyPanel}
            onChange={(v) => set('notifyPanel', v)}
            label="Tell the panel the outcome (without the rationale)"
          />
          {fieldError('notifyDecisions') && <p className="field__error">{fieldError('notifyDecisions')}</p>}
        </Setting>

        <Setting
          title="Candidate invitations"
          icon="calendar"
          text="When an interview is set to invite the candidate, their calendar invitation opens with this text, then the time and the meeting link or place. It never shows the kit, scorecards or the panel's addresses."
        >
          <div className="field">
            <label htmlFor="candidate-text">Text for the candidate</label>
            <textarea
              id="candidate-text"
              rows={4}
              maxLength={2000}
              value={form.candidateText}
              onChange={(e) => set('candidateText', e.target.value)}
            />
            {fieldError('candidateInvitationText') && (
              <p className="field__error">{fieldError('candidateInvitationText')}</p>
            )}
          </div>
        </Setting>

        <div className={`save-bar${dirty ? ' save-bar--dirty' : ''}`}>
          <span className="save-bar__state" aria-live="polite">
            {dirty ? 'Unsaved changes' : 'All changes saved'}
          </span>
          <button
            type="button"
            className="btn btn--ghost"
            disabled={!dirty || busy}
            onClick={() => (setForm(toForm(saved)), setError(undefined))}
          >
            Discard
          </button>
          <button className="btn btn--primary" disabled={!dirty || busy}>
            {busy ? 'Saving…' : 'Save policy'}
          </button>
        </div>
      </form>
      <PolicyTimeline policy={preview} />
    </div>
  );
}

function Setting({
  title,
  text,
  icon,
  children,
}: {
  title: string;
  text: string;
  icon: IconName;
  children: ReactNode;
}) {
  return (
    <section className="setting">
      <div className="setting__about">
        <h2>
          <span className="setting__icon" aria-hidden="true">
            <Icon name={icon} size={16} />
          </span>
          {title}
        </h2>
        <p>{text}</p>
      </div>
      <div className="setting__control">{children}</div>
    </section>
  );
}

/** A number and its unit; the label names the number, the unit select is labelled with it. */
function AmountInput({
  id,
  label,
  value,
  onChange,
  suffix,
  error,
  onEnter,
}: {
  id: string;
  label: string;
  value: Amount;
  onChange(a: Amount): void;
  suffix?: string;
  error?: string;
  onEnter?(): void;
}) {
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={`field amount${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="amount__row">
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={1}
          className="input-narrow"
          value={value.amount}
          aria-invalid={error ? true : undefined}
          aria-describedby={errorId}
          onChange={(e) => onChange({ ...value, amount: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && onEnter) {
              e.preventDefault();
              onEnter();
            }
          }}
        />
        <select
          aria-label={`${label}: unit`}
          value={value.unit}
          onChange={(e) => onChange({ ...value, unit: e.target.value as Amount['unit'] })}
          className="input-unit"
        >
          {UNITS.map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
        </select>
        {suffix && <span className="muted">{suffix}</span>}
      </div>
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

/** What a panelist and the hiring manager receive, in order, for one interview. */
function PolicyTimeline({ policy }: { policy: ReminderPolicy }) {
  const ok = (n: number | null) => n === null || Number.isFinite(n);
  const events: Array<{ key: string; when: string; what: string; tone?: 'anchor' | 'warn' | 'danger' }> = [];
  for (const m of policy.prepLeadMinutes)
    events.push({
      key: `prep-${m}`,
      when: `${describeMinutes(m)} before`,
      what: 'Prep reminder with the interview kit',
    });
  events.push({ key: 'interview', when: 'Interview', what: 'The panel meets the candidate', tone: 'anchor' });
  if (policy.feedbackDueEnabled)
    events.push({ key: 'due', when: 'Feedback due', what: 'Reminder to submit the scorecard' });
  else events.push({ key: 'due', when: 'Feedback due', what: 'No reminder at the deadline', tone: 'anchor' });
  const count = Number.isFinite(policy.overdueMaxCount) ? policy.overdueMaxCount : 0;
  if (count > 0 && ok(policy.overdueEveryMinutes))
    events.push({
      key: 'overdue',
      when: `Every ${describeMinutes(policy.overdueEveryMinutes)}`,
      what: `${plural(count, 'overdue reminder')} while the scorecard is missing`,
      tone: 'warn',
    });
  if (policy.escalateAfterMinutes !== null && ok(policy.escalateAfterMinutes))
    events.push({
      key: 'escalate',
      when: `${describeMinutes(policy.escalateAfterMinutes)} after the deadline`,
      what: 'The hiring manager hears who still owes a scorecard',
      tone: 'danger',
    });
  return (
    <aside className="card policy-preview" aria-label="What people receive">
      <h2>What people receive</h2>
      <p className="muted small">
        For each interview, as the policy reads now
        {policy.quietHours
          ? `; nothing is sent between ${policy.quietHours.start} and ${policy.quietHours.end} local time`
          : ''}
        .
      </p>
      <ol className="timeline">
        {events.map((e) => (
          <li key={e.key} className={`timeline__item${e.tone ? ` timeline__item--${e.tone}` : ''}`}>
            <span className="timeline__dot" aria-hidden="true" />
            <strong>{e.when}</strong>
            <span>{e.what}</span>
          </li>
        ))}
      </ol>
      <p className="muted small policy-preview__decisions">{decisionWords(policy.notifyDecisions)}</p>
    </aside>
  );
}

function decisionWords(notify: ReminderPolicy['notifyDecisions']): string {
  const recruiters = notify?.recruiters !== false;
  const panel = notify?.panel !== false;
  if (recruiters && panel) return 'After a decision, recruiters and the panel are told.';
  if (recruiters) return 'After a decision, recruiters are told; the panel is not.';
  if (panel) return 'After a decision, the panel is told; recruiters are not.';
  return 'Nobody is told about decisions.';
}

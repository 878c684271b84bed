import { useEffect, useMemo, useRef, useState } from 'react';
import { useParams } from 'react-router-dom';
import { api, call } from '../../api/client';
import { describeError } from '../../api/errors';
import type { InterviewKit, MissingItem, Scorecard, ScorecardQuestion } from '../../api/types';
import { useUser } from '../../auth/session';
import { TypeChip } from '../../components/Chips';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Icon } from '../../components/Icon';
import { Loading } from '../../components/Loading';
import { useToast } from '../../components/Toast';
import { useResource } from '../../lib/use-resource';
import { missingFrom, ratingKey, type Form, type Missing } from './scorecard/draft';
import { RatingScale } from './scorecard/RatingScale';
import { SubmittedView } from './scorecard/SubmittedView';
import { useScorecardDraft, type SaveState } from './scorecard/useScorecardDraft';
import { RECOMMENDATIONS, SCALE, useWhen } from './shared';
import { ScorecardHeader } from './scorecard/ScorecardHeader';
import { plural } from '../../lib/plural';

const SCALE_OPTIONS = SCALE.map((s) => ({ value: s.value, score: s.value, label: s.label, hint: s.hint }));

export default function ScorecardPage() {
  const { id = '' } = useParams();
  const kit = useResource(() => call(api.GET('/api/v1/interviews/{id}', { params: { path: { id } } })), [id]);
  const mine = useResource(
    () => call(api.GET('/api/v1/interviews/{id}/scorecards/mine', { params: { path: { id } } })),
    [id],
  );
  const error = kit.error ?? mine.error;
  if (error && !(kit.data && mine.data))
    return (
      <ErrorNotice
        error={error}
        title="Your scorecard could not be loaded"
        onRetry={() => {
          kit.reload();
          mine.reload();
        }}
      />
    );
  if (!kit.data || !mine.data) return <Loading label="Loading your scorecard…" />;
  // a reopened scorecard starts a new editor from the draft the API returned
  return <Editor key={`${id}:${mine.data.version}`} kit={kit.data} initial={mine.data} onReopened={mine.setData} />;
}

function Editor({
  kit,
  initial,
  onReopened,
}: {
  kit: InterviewKit;
  initial: Scorecard;
  onReopened(card: Scorecard): void;
}) {
  const user = useUser();
  const toast = useToast();
  const draft = useScorecardDraft(kit.id, user.id, initial);
  const { form, card } = draft;
  const [tried, setTried] = useState(false);
  const [serverMissing, setServerMissing] = useState<MissingItem[]>([]);
  const [submitError, setSubmitError] = useState<unknown>();
  const [submitting, setSubmitting] = useState(false);
  const missingRef = useRef<HTMLDivElement>(null);

  const assigned = card.questions.filter((q) => q.assignedToMe);
  const others = card.questions.filter((q) => !q.assignedToMe);
  const localMissing = useMemo(() => missingFrom(form, card.questions), [form, card.questions]);
  // what the server reported stays listed until the form has it
  const missing: Missing[] = useMemo(() => {
    const keys = new Set(localMissing.map((m) => m.key));
    const extra = serverMissing
      .map((m) => ({
        key: m.kind === 'recommendation' ? 'recommendation' : ratingKey(m.questionId ?? '', m.criterionId ?? ''),
        label: m.label,
      }))
      .filter((m) => !keys.has(m.key) && stillMissing(form, m.key));
    return [...localMissing, ...extra];
  }, [localMissing, serverMissing, form]);
  const missingKeys = new Set(tried ? missing.map((m) => m.key) : []);
  const total = assigned.reduce((n, q) => n + q.criteria.length, 0) + 1;
  const done = total - localMissing.length;

  if (card.status === 'submitted') return <SubmittedView kit={kit} mine={card} justSubmitted onReopened={onReopened} />;

  const submit = async () => {
    setTried(true);
    setSubmitError(undefined);
    if (localMissing.length) {
      missingRef.current?.focus();
      return;
    }
    setSubmitting(true);
    const result = await draft.submit();
    setSubmitting(false);
    if (result.ok) {
      toast('Scorecard submitted');
      window.scrollTo(0, 0);
      return;
    }
    if (result.missing) {
      setServerMissing(result.missing);
      setTimeout(() => missingRef.current?.focus());
    } else setSubmitError(result.error);
  };

  const focusItem = (key: string) => {
    const el = document.getElementById(key === 'recommendation' ? 'recommendation' : `crit-${key}`);
    el?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    (el?.querySelector('[tabindex="0"]') as HTMLElement | null)?.focus({ preventScroll: true });
  };

  return (
    <div className="iv-page iv-sc">
      <ScorecardHeader kit={kit} />
      <div className="iv-savebar" role="region" aria-label="Scorecard status">
        <SaveStatus state={draft.state} />
        <span className="iv-savebar__progress" aria-hidden="true">
          <span className="iv-progress">
            <span style={{ width: `${Math.round((done / total) * 100)}%` }} />
          </span>
          {done}/{total}
        </span>
        <button type="button" className="btn btn--primary" onClick={submit} disabled={submitting}>
          {submitting ? 'Submitting…' : 'Submit scorecard'}
        </button>
      </div>

      {draft.restored > 0 && (
        <div className="notice notice--info" role="status">
          <Icon name="check" />
          <p>
            Restored {draft.restored === 1 ? 'one change' : `${draft.restored} changes`} kept on this device that had
            not reached the server yet; they are being saved now.
          </p>
        </div>
      )}

      <div className="iv-sc__layout">
        <div className="iv-sc__main">
          {assigned.length === 0 && (
            <div className="notice notice--info">
              <Icon name="alert" />
              <p>
                No question is assigned to you in this interview: give your overall recommendation, and rate any
                question you took part in below.
              </p>
            </div>
          )}
          {assigned.map((q) => (
            <QuestionScore key={q.questionId} q={q} form={form} change={draft.change} missing={missingKeys} />
          ))}
          {others.length > 0 && (
            <details className="iv-others" open={assigned.length === 0}>
              <summary>
                Questions others ask <span className="count">{others.length}</span>{' '}
                <span className="muted small">optional</span>
              </summary>
              {others.map((q) => (
                <QuestionScore key={q.questionId} q={q} form={form} change={draft.change} missing={missingKeys} />
              ))}
            </details>
          )}

          <section
            className={`card iv-overall${missingKeys.has('recommendation') ? ' is-missing' : ''}`}
            aria-labelledby="overall-title"
          >
            <h2 id="overall-title">Overall</h2>
            <div className="iv-overall__rec" id="recommendation">
              <span className="iv-overall__label" id="rec-label">
                Your recommendation
              </span>
              <RatingScale
                options={RECOMMENDATIONS}
                value={form.recommendation}
                labelledBy="rec-label"
                describedBy={missingKeys.has('recommendation') ? 'rec-error' : undefined}
                className="iv-scale--big"
                onChange={(v) => draft.change('recommendation', (f) => ({ ...f, recommendation: v }), 0)}
              />
              {missingKeys.has('recommendation') && (
                <p className="field__error" id="rec-error">
                  Choose a recommendation before submitting.
                </p>
              )}
            </div>
            <div className="field">
              <label htmlFor="summary">Summary for the hiring team</label>
              <textarea
                id="summary"
                rows={5}
                value={form.summary}
                placeholder="What stood out, strengths, concerns, and anything the next interviewer should probe."
                onChange={(e) => {
                  const summary = e.target.value;
                  draft.change('summary', (f) => ({ ...f, summary }));
                }}
              />
            </div>
          </section>
        </div>

        <aside className="iv-sc__side">
          <section className="card iv-sc__check" aria-labelledby="check-title">
            <h2 id="check-title" className="iv-side-title">
              Before you submit
            </h2>
            <div className="iv-progress iv-progress--big" aria-hidden="true">
              <span style={{ width: `${Math.round((done / total) * 100)}%` }} />
            </div>
            <p className="small muted">
              {done} of {total} done · {plural(assigned.length, 'question')} to rate
            </p>
            <div ref={missingRef} tabIndex={-1} className="iv-missing-wrap" aria-live="polite">
              {tried && missing.length > 0 && (
                <div className="notice notice--error" role="alert">
                  <Icon name="alert" />
                  <div className="notice__body">
                    <strong>Still missing {missing.length === 1 ? 'one item' : `${missing.length} items`}</strong>
                    <ul className="missing-list">
                      {missing.map((m) => (
                        <li key={m.key}>
                          <button type="button" className="link" onClick={() => focusItem(m.key)}>
                            {m.label}
                          </button>
                        </li>
                      ))}
                    </ul>
                  </div>
                </div>
              )}
              {submitError ? <ErrorNotice error={submitError} title="Not submitted yet" /> : null}
            </div>
            <button type="button" className="btn btn--primary btn--block" onClick={submit} disabled={submitting}>
              {submitting ? 'Submitting…' : 'Submit scorecard'}
            </button>
            <p className="small muted">Once submitted, your scorecard is locked and you see the rest of the panel’s.</p>
          </section>
          <section className="card iv-legend" aria-labelledby="legend-title">
            <h2 id="legend-title" className="iv-side-title">
              The scale
            </h2>
            <ul>
              {SCALE.map((s) => (
                <li key={s.value}>
                  <span className={`iv-scale__n iv-dot--${s.value}`}>{s.value}</span>
                  <span>
                    <strong>{s.label}</strong> <span className="muted small">{s.hint}</span>
                  </span>
                </li>
              ))}
            </ul>
            <p className="small muted">
              Keyboard: Tab to a criterion, then <kbd>1</kbd>–<kbd>4</kbd> or the arrow keys.
            </p>
          </section>
          <p className="small muted iv-blind">
            <Icon name="alert" size={14} /> Blind feedback: the other panelists’ scorecards stay hidden until you submit
            yours.
          </p>
        </aside>
      </div>
    </div>
  );
}

function stillMissing(form: Form, key: string): boolean {
  if (key === 'recommendation') return !form.recommendation;
  const r = form.ratings[key];
  return !r || (r.rating == null && !r.notAssessed);
}

type Change = ReturnType<typeof useScorecardDraft>['change'];

function QuestionScore({
  q,
  form,
  change,
  missing,
}: {
  q: ScorecardQuestion;
  form: Form;
  change: Change;
  missing: Set<string>;
}) {
  const notes = form.questions[q.questionId] ?? { notes: '', followUpsAsked: [] };
  const qKey = `q:${q.questionId}`;
  const setQ = (patch: Partial<typeof notes>, delay?: number) =>
    change(
      qKey,
      (f) => ({
        ...f,
        questions: { ...f.questions, [q.questionId]: { ...(f.questions[q.questionId] ?? notes), ...patch } },
      }),
      delay,
    );
  return (
    <article className="card iv-sq" id={`sq-${q.questionId}`} aria-labelledby={`sq-${q.questionId}-title`}>
      <div className="iv-q__top">
        <span className="iv-q__n" aria-hidden="true">
          {q.position + 1}
        </span>
        <TypeChip type={q.type as 'technical'} />
      </div>
      <h3 className="iv-sq__prompt" id={`sq-${q.questionId}-title`}>
        <span className="visually-hidden">Question {q.position + 1}: </span>
        {q.prompt}
      </h3>
      <div className="iv-crits">
        {q.criteria.map((c) => {
          const key = ratingKey(q.questionId, c.criterionId);
          const r = form.ratings[key] ?? { rating: null, notAssessed: false };
          const base = `crit-${key}`;
          const isMissing = missing.has(key);
          return (
            <div
              key={c.criterionId}
              id={base}
              className={`iv-crit${isMissing ? ' is-missing' : ''}${r.notAssessed ? ' is-na' : ''}`}
            >
              <div className="iv-crit__text">
                <span className="iv-crit__label" id={`${base}-label`}>
                  {c.label}
                </span>
                {c.description && (
                  <span className="iv-crit__desc" id={`${base}-desc`}>
                    {c.description}
                  </span>
                )}
                {isMissing && (
                  <span className="field__error" id={`${base}-error`}>
                    Rate this before submitting, or mark it not assessed.
                  </span>
                )}
              </div>
              <div className="iv-crit__controls">
                <RatingScale
                  options={SCALE_OPTIONS}
                  value={r.notAssessed ? null : r.rating}
                  labelledBy={`${base}-label`}
                  describedBy={
                    [c.description ? `${base}-desc` : '', isMissing ? `${base}-error` : ''].filter(Boolean).join(' ') ||
                    undefined
                  }
                  onChange={(v) =>
                    change(
                      `r:${key}`,
                      (f) => ({ ...f, ratings: { ...f.ratings, [key]: { rating: v, notAssessed: false } } }),
                      0,
                    )
                  }
                />
                <button
                  type="button"
                  className={`iv-na${r.notAssessed ? ' is-on' : ''}`}
                  aria-pressed={r.notAssessed}
                  aria-label={`N/A, not assessed: ${c.label}`}
                  onClick={() =>
                    change(
                      `r:${key}`,
                      (f) => ({
                        ...f,
                        ratings: { ...f.ratings, [key]: { rating: null, notAssessed: !r.notAssessed } },
                      }),
                      0,
                    )
                  }
                >
                  N/A
                </button>
              </div>
            </div>
          );
        })}
      </div>
      {q.followUps.length > 0 && (
        <fieldset className="iv-asked">
          <legend>Follow-ups you asked</legend>
          {q.followUps.map((f) => (
            <label key={f.id} className={`iv-check${notes.followUpsAsked.includes(f.id) ? ' is-on' : ''}`}>
              <input
                type="checkbox"
                checked={notes.followUpsAsked.includes(f.id)}
                onChange={(e) =>
                  setQ(
                    {
                      followUpsAsked: e.target.checked
                        ? [...notes.followUpsAsked, f.id]
                        : notes.followUpsAsked.filter((x) => x !== f.id),
                    },
                    0,
                  )
                }
              />
              <span>{f.prompt}</span>
            </label>
          ))}
        </fieldset>
      )}
      <div className="field">
        <label htmlFor={`notes-${q.questionId}`}>Notes on question {q.position + 1}</label>
        <textarea
          id={`notes-${q.questionId}`}
          rows={3}
          value={notes.notes}
          placeholder="What the candidate said and did: evidence for your ratings."
          onChange={(e) => setQ({ notes: e.target.value })}
        />
      </div>
    </article>
  );
}

function SaveStatus({ state }: { state: SaveState }) {
  const w = useWhen();
  const [, tick] = useState(0);
  useEffect(() => {
    const t = setInterval(() => tick((n) => n + 1), 30_000);
    return () => clearInterval(t);
  }, []);
  let icon: 'check' | 'alert' | 'clock' = 'check';
  let text: string;
  let kind = state.kind;
  switch (state.kind) {
    case 'saved':
      text = state.at ? `Saved ${w.time(state.at)}` : 'Saved';
      break;
    case 'pending':
    case 'saving':
      icon = 'clock';
      text = 'Saving…';
      break;
    case 'offline':
      icon = 'alert';
      text = 'Offline — your changes are kept on this device and will be sent when you are back online';
      break;
    case 'retrying':
      icon = 'alert';
      text = `Not saved yet: ${describeError(state.error)} Trying again in ${state.inSeconds} s; your changes are kept on this device.`;
      break;
    default:
      icon = 'alert';
      kind = 'error';
      text = `Not saved: ${describeError(state.error)}`;
  }
  return (
    <p className={`iv-status iv-status--${kind}`} role="status" aria-live="polite">
      {state.kind === 'saving' || state.kind === 'pending' ? (
        <span className="spinner iv-status__spin" aria-hidden="true" />
      ) : (
        <Icon name={icon} size={16} />
      )}
      <span>{text}</span>
    </p>
  );
}

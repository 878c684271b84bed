import { useState, type FormEvent } from 'react';
import { ApiError } from '../../../api/errors';
import type { Question, QuestionInput, QuestionType } from '../../../api/types';
import { TypePicker } from '../../../components/Chips';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Field } from '../../../components/Field';
import { FormActions } from '../../../components/FormActions';
import { Icon } from '../../../components/Icon';
import { GrowingTextarea } from '../../../components/GrowingTextarea';

interface Draft {
  type: QuestionType;
  prompt: string;
  followUps: Array<{ prompt: string; checks: string }>;
  criteria: Array<{ label: string; description: string }>;
  competencies: string;
  timebox: string;
  whyAsked: string;
}

function toDraft(q?: Question): Draft {
  return {
    type: q?.type ?? 'technical',
    prompt: q?.prompt ?? '',
    followUps: q?.followUps.map((f) => ({ prompt: f.prompt, checks: f.checks ?? '' })) ?? [],
    criteria: q?.criteria.length
      ? q.criteria.map((c) => ({ label: c.label, description: c.description ?? '' }))
      : [{ label: '', description: '' }],
    competencies: q?.competencies.join(', ') ?? '',
    timebox: q?.timeboxMinutes ? String(q.timeboxMinutes) : '',
    whyAsked: q?.guidance.whyAsked ?? '',
  };
}

/** What the API takes; blank rows the recruiter left are dropped rather than refused. */
function toInput(d: Draft, original?: Question): QuestionInput {
  const timebox = d.timebox.trim();
  return {
    type: d.type,
    prompt: d.prompt,
    followUps: d.followUps
      .filter((f) => f.prompt.trim())
      .map((f) => ({ prompt: f.prompt, checks: f.checks.trim() || undefined })),
    criteria: d.criteria
      .filter((c) => c.label.trim())
      .map((c) => ({ label: c.label, description: c.description.trim() || undefined })),
    competencies: d.competencies
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean),
    timeboxMinutes: timebox
      ? Number.isInteger(Number(timebox))
        ? Number(timebox)
        : (timebox as unknown as number)
      : undefined,
    guidance: { ...original?.guidance, whyAsked: d.whyAsked.trim() || undefined },
  };
}

interface Props {
  idPrefix: string;
  question?: Question;
  /** Saves; throws an ApiError whose field problems are shown next to the fields. */
  onSave(input: QuestionInput): Promise<void>;
  onCancel(): void;
}

/** Add or edit one question: type, prompt, follow-ups, "what to look for" criteria, guidance. */
export function QuestionForm({ idPrefix, question, onSave, onCancel }: Props) {
  const [d, setD] = useState<Draft>(() => toDraft(question));
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Draft>) => setD((x) => ({ ...x, ...patch }));
  const apiError = error instanceof ApiError ? error : undefined;
  const id = (s: string) => `${idPrefix}-${s}`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await onSave(toInput(d, question));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  // the API numbers only the rows it was sent, so errors on criteria.N map onto non-blank rows
  const criteriaIndex = (i: number) => d.criteria.slice(0, i).filter((c) => c.label.trim()).length;
  const followUpIndex = (i: number) => d.followUps.slice(0, i).filter((f) => f.prompt.trim()).length;

  return (
    <form
      className="question-form stack"
      onSubmit={submit}
      noValidate
      aria-label={question ? 'Edit question' : 'New question'}
    >
      {error && apiError?.status !== 400 ? <ErrorNotice error={error} /> : null}
      {apiError?.status === 400 && !apiError.fieldProblems.length ? <ErrorNotice error={error} /> : null}
      <TypePicker name={id('type')} value={d.type} onChange={(type) => set({ type })} />
      <Field id={id('prompt')} label="Question" error={apiError?.forField('prompt')}>
        <textarea
          rows={3}
          value={d.prompt}
          onChange={(e) => set({ prompt: e.target.value })}
          placeholder="What will the interviewer ask?"
        />
      </Field>

      <fieldset className="rows">
        <legend>What to look for</legend>
        <p className="field__hint">
          Interviewers rate the candidate against each of these. Publishing needs at least one.
        </p>
        {apiError?.forField('criteria') &&
          !d.criteria.some((_, i) => apiError.forField(`criteria.${criteriaIndex(i)}`)) && (
            <p className="field__error">{apiError.forField('criteria')}</p>
          )}
        {d.criteria.map((c, i) => (
          <div className="row-item" key={i}>
            <Field
              id={id(`criterion-${i}`)}
              label={`Criterion ${i + 1}`}
              error={c.label.trim() ? apiError?.forField(`criteria.${criteriaIndex(i)}`) : undefined}
            >
              <GrowingTextarea
                singleLine
                value={c.label}
                onChange={(label) => set({ criteria: d.criteria.map((x, j) => (j === i ? { ...x, label } : x)) })}
                placeholder="e.g. Explains the trade-offs"
              />
            </Field>
            <Field id={id(`criterion-${i}-desc`)} label="Details (optional)">
              <GrowingTextarea
                value={c.description}
                onChange={(description) =>
                  set({ criteria: d.criteria.map((x, j) => (j === i ? { ...x, description } : x)) })
                }
              />
            </Field>
            <button
              type="button"
              className="icon-btn"
              onClick={() => set({ criteria: d.criteria.filter((_, j) => j !== i) })}
            >
              <Icon name="trash" />
              <span className="visually-hidden">Remove criterion {i + 1}</span>
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn btn--ghost btn--small"
          onClick={() => set({ criteria: [...d.criteria, { label: '', description: '' }] })}
        >
          <Icon name="plus" /> Add criterion
        </button>
      </fieldset>

      <fieldset className="rows">
        <legend>Follow-up questions</legend>
        {d.followUps.map((f, i) => (
          <div className="row-item" key={i}>
            <Field
              id={id(`followup-${i}`)}
              label={`Follow-up ${i + 1}`}
              error={f.prompt.trim() ? apiError?.forField(`followUps.${followUpIndex(i)}`) : undefined}
            >
              <GrowingTextarea
                singleLine
                value={f.prompt}
                onChange={(prompt) => set({ followUps: d.followUps.map((x, j) => (j === i ? { ...x, prompt } : x)) })}
              />
            </Field>
            <Field id={id(`followup-${i}-checks`)} label="What it checks (optional)">
              <GrowingTextarea
                value={f.checks}
                onChange={(checks) => set({ followUps: d.followUps.map((x, j) => (j === i ? { ...x, checks } : x)) })}
              />
            </Field>
            <button
              type="button"
              className="icon-btn"
              onClick={() => set({ followUps: d.followUps.filter((_, j) => j !== i) })}
            >
              <Icon name="trash" />
              <span className="visually-hidden">Remove follow-up {i + 1}</span>
            </button>
          </div>
        ))}
        <button
          type="button"
          className="btn btn--ghost btn--small"
          onClick={() => set({ followUps: [...d.followUps, { prompt: '', checks: '' }] })}
        >
          <Icon name="plus" /> Add follow-up
        </button>
      </fieldset>

      <div className="grid-3">
        <Field
          id={id('competencies')}
          label="Competencies"
          hint="Comma-separated"
          error={apiError?.forField('competencies')}
        >
          <input
            value={d.competencies}
            onChange={(e) => set({ competencies: e.target.value })}
            placeholder="e.g. System design, Ownership"
          />
        </Field>
        <Field id={id('timebox')} label="Timebox (minutes)" error={apiError?.forField('timeboxMinutes')}>
          <input inputMode="numeric" value={d.timebox} onChange={(e) => set({ timebox: e.target.value })} />
        </Field>
        <Field id={id('why')} label="Why we ask it" error={apiError?.forField('guidance')}>
          <GrowingTextarea value={d.whyAsked} onChange={(whyAsked) => set({ whyAsked })} />
        </Field>
      </div>
      <FormActions
        onCancel={onCancel}
        submitLabel={question ? 'Save question' : 'Add question'}
        busyLabel="Saving…"
        busy={busy}
      />
    </form>
  );
}

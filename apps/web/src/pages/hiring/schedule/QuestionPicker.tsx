import { useState } from 'react';
import { api, call } from '../../../api/client';
import type { Question, QuestionSetSummary } from '../../../api/types';
import { TypeChip } from '../../../components/Chips';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Field } from '../../../components/Field';
import { Icon } from '../../../components/Icon';
import { SkeletonRows } from '../../../components/Loading';
import { useResource } from '../../../lib/use-resource';
import type { PanelSeat } from './PanelPicker';
import { plural } from '../../../lib/plural';

export interface PickedQuestion {
  question: Question;
  setId: string;
  setName: string;
  /** The panelist who asks it; '' = whoever leads. */
  askedBy: string;
}

interface Props {
  sets: QuestionSetSummary[] | undefined;
  setsError: unknown;
  panel: PanelSeat[];
  picked: PickedQuestion[];
  onChange(picked: PickedQuestion[]): void;
}

/** Published sets → their questions as checkboxes; picked questions are then split between the panel. */
export function QuestionPicker({ sets, setsError, panel, picked, onChange }: Props) {
  const [setId, setSetId] = useState('');
  const set = useResource(
    async () => (setId ? call(api.GET('/api/v1/question-sets/{id}', { params: { path: { id: setId } } })) : undefined),
    [setId],
  );
  const isPicked = (id: string) => picked.some((p) => p.question.id === id);
  const toggle = (q: Question) => {
    if (!set.data) return;
    if (isPicked(q.id)) onChange(picked.filter((p) => p.question.id !== q.id));
    else onChange([...picked, { question: q, setId: set.data.id, setName: set.data.name, askedBy: '' }]);
  };
  const all = set.data?.questions ?? [];
  const allPicked = all.length > 0 && all.every((q) => isPicked(q.id));
  const pickAll = () => {
    if (!set.data) return;
    if (allPicked) onChange(picked.filter((p) => !all.some((q) => q.id === p.question.id)));
    else
      onChange([
        ...picked,
        ...all
          .filter((q) => !isPicked(q.id))
          .map((q) => ({ question: q, setId: set.data!.id, setName: set.data!.name, askedBy: '' })),
      ]);
  };

  return (
    <div className="hm-question-picker">
      {setsError ? <ErrorNotice error={setsError} /> : null}
      <Field
        id="question-set"
        label="Question set"
        hint="Only published sets can be used: their questions never change under an interview."
      >
        <select value={setId} onChange={(e) => setSetId(e.target.value)}>
          <option value="">
            {sets ? (sets.length ? 'Choose a published set' : 'No published sets yet') : 'Loading sets…'}
          </option>
          {(sets ?? []).map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} (v{s.version}, {plural(s.questionCount, 'question')})
            </option>
          ))}
        </select>
      </Field>
      {set.error ? <ErrorNotice error={set.error} onRetry={set.reload} /> : null}
      {setId && set.loading && <SkeletonRows rows={2} label="Loading questions…" />}
      {set.data && !set.loading && (
        <fieldset className="hm-question-list">
          <legend className="hm-question-list__legend">
            <span>Questions in {set.data.name}</span>
            <button type="button" className="btn btn--small btn--ghost" onClick={pickAll}>
              {allPicked ? 'Clear all' : 'Select all'}
            </button>
          </legend>
          {all.map((q, i) => (
            <label key={q.id} className={`hm-question-option${isPicked(q.id) ? ' is-picked' : ''}`}>
              <input type="checkbox" checked={isPicked(q.id)} onChange={() => toggle(q)} />
              <span className="hm-question-option__body">
                <span className="hm-question-option__top">
                  <span className="muted small">Q{i + 1}</span>
                  <TypeChip type={q.type} />
                  {q.timeboxMinutes ? <span className="muted small">{q.timeboxMinutes} min</span> : null}
                </span>
                <span className="hm-question-option__prompt">{q.prompt}</span>
                {q.competencies.length > 0 && <span className="muted small">{q.competencies.join(' · ')}</span>}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      <QuestionSplit panel={panel} picked={picked} onChange={onChange} />
    </div>
  );
}

/** Who asks what: one select per picked question, and an even split in one click. */
function QuestionSplit({
  panel,
  picked,
  onChange,
}: {
  panel: PanelSeat[];
  picked: PickedQuestion[];
  onChange(p: PickedQuestion[]): void;
}) {
  if (!picked.length) return null;
  const lead = panel.find((p) => p.role === 'lead');
  const splitEvenly = () =>
    onChange(picked.map((p, i) => ({ ...p, askedBy: panel.length ? panel[i % panel.length].userId : '' })));
  return (
    <section className="hm-split" aria-labelledby="split-title">
      <div className="section-head">
        <h3 id="split-title">
          Who asks what <span className="count">{picked.length}</span>
        </h3>
        <button type="button" className="btn btn--small" onClick={splitEvenly} disabled={panel.length < 2}>
          Split evenly
        </button>
      </div>
      {panel.length === 0 && (
        <p className="muted small">Choose the panel first; then give each question to a panelist.</p>
      )}
      <ol className="hm-split__list">
        {picked.map((p, i) => (
          <li key={p.question.id} className="hm-split__row">
            <span className="hm-split__q">
              <TypeChip type={p.question.type} />
              <span className="hm-split__prompt">{p.question.prompt}</span>
            </span>
            <span className="hm-split__who">
              <label className="visually-hidden" htmlFor={`asked-by-${p.question.id}`}>
                Asked by, question {i + 1}
              </label>
              <select
                id={`asked-by-${p.question.id}`}
                value={p.askedBy}
                onChange={(e) =>
                  onChange(picked.map((x) => (x.question.id === p.question.id ? { ...x, askedBy: e.target.value } : x)))
                }
              >
                <option value="">{lead ? `Lead (${lead.name})` : 'Whoever leads'}</option>
                {panel.map((m) => (
                  <option key={m.userId} value={m.userId}>
                    {m.name}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="icon-btn"
                onClick={() => onChange(picked.filter((x) => x.question.id !== p.question.id))}
                title="Remove question"
              >
                <Icon name="close" size={16} />
                <span className="visually-hidden">Remove question {i + 1}</span>
              </button>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

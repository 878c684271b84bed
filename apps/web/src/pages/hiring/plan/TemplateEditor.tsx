import type { QuestionSetSummary } from '../../../api/types';
import { Field } from '../../../components/Field';
import { Icon } from '../../../components/Icon';
import type { DraftCompetency, DraftTemplate } from './draft';
import { noun, plural } from '../../../lib/plural';

export type FieldError = (path: string) => string | undefined;

interface Props {
  template: DraftTemplate;
  /** e.g. `stages.1.templates.0`: where the API names this template's problems. */
  path: string;
  stageLabel: string;
  competencies: DraftCompetency[];
  sets: QuestionSetSummary[] | undefined;
  fieldError: FieldError;
  onChange(t: DraftTemplate): void;
  onRemove(): void;
}

const toNumber = (value: string) => (value === '' ? 0 : Number(value));

/** One interview of a stage: what it is called, how long, how many interviewers, what it asks and assesses. */
export function TemplateEditor({
  template: t,
  path,
  stageLabel,
  competencies,
  sets,
  fieldError,
  onChange,
  onRemove,
}: Props) {
  const id = (name: string) => `tpl-${t.key}-${name}`;
  const name = t.title.trim() || 'this interview';
  const setName = (setId: string) => {
    const s = sets?.find((x) => x.id === setId);
    return s ? `${s.name} (v${s.version})` : sets ? 'A set that is no longer published' : 'Loading…';
  };
  const addable = (sets ?? []).filter((s) => !t.questionSetIds.includes(s.id));
  const toggle = (key: string) =>
    onChange({
      ...t,
      competencyKeys: t.competencyKeys.includes(key)
        ? t.competencyKeys.filter((k) => k !== key)
        : [...t.competencyKeys, key],
    });
  const competencyError = fieldError(`${path}.competencyIds`) ?? fieldError(`${path}.competencyNames`);

  return (
    <section className="pl-template" aria-label={`Interview: ${name}, ${stageLabel}`}>
      <div className="pl-template__fields">
        <Field
          id={id('title')}
          label="Interview title"
          error={fieldError(`${path}.title`)}
          className="pl-template__title"
        >
          <input
            value={t.title}
            onChange={(e) => onChange({ ...t, title: e.target.value })}
            placeholder="e.g. System design"
          />
        </Field>
        <Field id={id('duration')} label="Minutes" error={fieldError(`${path}.durationMinutes`)}>
          <input
            type="number"
            inputMode="numeric"
            min={5}
            max={480}
            step={5}
            value={t.durationMinutes || ''}
            onChange={(e) => onChange({ ...t, durationMinutes: toNumber(e.target.value) })}
          />
        </Field>
        <Field id={id('panel')} label="Interviewers" error={fieldError(`${path}.panelSize`)}>
          <input
            type="number"
            inputMode="numeric"
            min={1}
            max={10}
            value={t.panelSize || ''}
            onChange={(e) => onChange({ ...t, panelSize: toNumber(e.target.value) })}
          />
        </Field>
        <button type="button" className="icon-btn pl-template__remove" onClick={onRemove} title={`Remove ${name}`}>
          <Icon name="trash" size={16} />
          <span className="visually-hidden">Remove interview {name}</span>
        </button>
      </div>

      <div className="pl-template__sets">
        <Field
          id={id('sets')}
          label="Question sets"
          hint="Published sets only: scheduling copies their questions into the interview."
          error={fieldError(`${path}.questionSetIds`) ?? fieldError(`${path}.questionIds`)}
        >
          <select
            value=""
            onChange={(e) =>
              e.target.value && onChange({ ...t, questionSetIds: [...t.questionSetIds, e.target.value] })
            }
          >
            <option value="">
              {sets
                ? addable.length
                  ? 'Add a question set…'
                  : sets.length
                    ? 'Every published set is added'
                    : 'No published sets yet'
                : 'Loading sets…'}
            </option>
            {addable.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} (v{s.version}, {plural(s.questionCount, 'question')})
              </option>
            ))}
          </select>
        </Field>
        {(t.questionSetIds.length > 0 || t.questionIds.length > 0) && (
          <ul className="pl-chips" aria-label={`Question sets of ${name}`}>
            {t.questionSetIds.map((setId) => (
              <li key={setId} className="pl-chip">
                {setName(setId)}
                <button
                  type="button"
                  className="pl-chip__remove"
                  onClick={() => onChange({ ...t, questionSetIds: t.questionSetIds.filter((x) => x !== setId) })}
                >
                  <Icon name="close" size={12} />
                  <span className="visually-hidden">Remove {setName(setId)}</span>
                </button>
              </li>
            ))}
            {t.questionIds.length > 0 && (
              <li className="pl-chip pl-chip--plain">
                {t.questionIds.length} single {noun(t.questionIds.length, 'question')}
              </li>
            )}
          </ul>
        )}
      </div>

      <fieldset className="pl-assesses" aria-describedby={competencyError ? id('competencies-error') : undefined}>
        <legend>Competencies assessed</legend>
        {competencies.length === 0 ? (
          <p className="muted small">
            Add the position's competencies above, then tick the ones this interview assesses.
          </p>
        ) : (
          <div className="pl-checks">
            {competencies.map((c) => (
              <label key={c.key} className={`pl-check${t.competencyKeys.includes(c.key) ? ' is-on' : ''}`}>
                <input type="checkbox" checked={t.competencyKeys.includes(c.key)} onChange={() => toggle(c.key)} />
                {c.name.trim() || 'New competency'}
              </label>
            ))}
          </div>
        )}
        {competencyError && (
          <p className="field__error" id={id('competencies-error')}>
            {competencyError}
          </p>
        )}
      </fieldset>
    </section>
  );
}

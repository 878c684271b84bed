import type { KeyboardEvent } from 'react';
import type { QuestionSetSummary } from '../../../api/types';
import { Field } from '../../../components/Field';
import { Icon } from '../../../components/Icon';
import { newTemplate, type DraftCompetency, type DraftStage } from './draft';
import { TemplateEditor, type FieldError } from './TemplateEditor';

interface Props {
  stage: DraftStage;
  index: number;
  count: number;
  competencies: DraftCompetency[];
  sets: QuestionSetSummary[] | undefined;
  fieldError: FieldError;
  onChange(s: DraftStage): void;
  onMove(delta: -1 | 1): void;
  onRemove(): void;
}

/** One stage of the plan: its name, its place (buttons, or Alt+↑/↓ anywhere inside it) and its interviews. */
export function StageEditor({
  stage,
  index,
  count,
  competencies,
  sets,
  fieldError,
  onChange,
  onMove,
  onRemove,
}: Props) {
  const path = `stages.${index}`;
  const label = stage.name.trim() || `Stage ${index + 1}`;
  const onKeyDown = (e: KeyboardEvent) => {
    // a select opens its list with Alt+↓: leave it alone there
    if (!e.altKey || (e.target as HTMLElement).tagName === 'SELECT') return;
    const step = e.key === 'ArrowUp' && index > 0 ? -1 : e.key === 'ArrowDown' && index < count - 1 ? 1 : 0;
    if (!step) return;
    e.preventDefault();
    onMove(step);
  };
  return (
    <li className="card pl-stage" onKeyDown={onKeyDown} aria-labelledby={`stage-${stage.key}-heading`}>
      <div className="pl-stage__head">
        <h3 className="pl-stage__n" id={`stage-${stage.key}-heading`}>
          <span aria-hidden="true">{index + 1}</span>
          <span className="visually-hidden">
            Stage {index + 1} of {count}: {label}
          </span>
        </h3>
        <Field
          id={`stage-${stage.key}-name`}
          label="Stage name"
          error={fieldError(`${path}.name`)}
          className="pl-stage__name"
        >
          <input
            value={stage.name}
            onChange={(e) => onChange({ ...stage, name: e.target.value })}
            placeholder="e.g. Technical"
            aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
          />
        </Field>
        <div className="pl-stage__tools">
          <button
            type="button"
            className="icon-btn"
            onClick={() => onMove(-1)}
            disabled={index === 0}
            title="Move earlier (Alt+↑)"
          >
            <Icon name="up" size={16} />
            <span className="visually-hidden">Move {label} earlier</span>
          </button>
          <button
            type="button"
            className="icon-btn"
            onClick={() => onMove(1)}
            disabled={index === count - 1}
            title="Move later (Alt+↓)"
          >
            <Icon name="down" size={16} />
            <span className="visually-hidden">Move {label} later</span>
          </button>
          <button type="button" className="icon-btn" onClick={onRemove} title="Remove stage">
            <Icon name="trash" size={16} />
            <span className="visually-hidden">Remove stage {label}</span>
          </button>
        </div>
      </div>
      {fieldError(`${path}.templates`) && !stage.templates.length && (
        <p className="field__error">{fieldError(`${path}.templates`)}</p>
      )}
      {stage.templates.length === 0 ? (
        <p className="muted small pl-stage__empty">
          No interviews in this stage yet: add one so candidates can be scheduled for it.
        </p>
      ) : (
        <div className="pl-templates">
          {stage.templates.map((t, j) => (
            <TemplateEditor
              key={t.key}
              template={t}
              path={`${path}.templates.${j}`}
              stageLabel={label}
              competencies={competencies}
              sets={sets}
              fieldError={fieldError}
              onChange={(next) =>
                onChange({ ...stage, templates: stage.templates.map((x) => (x.key === t.key ? next : x)) })
              }
              onRemove={() => onChange({ ...stage, templates: stage.templates.filter((x) => x.key !== t.key) })}
            />
          ))}
        </div>
      )}
      <div>
        <button
          type="button"
          className="btn btn--small"
          onClick={() => onChange({ ...stage, templates: [...stage.templates, newTemplate(stage.name)] })}
        >
          <Icon name="plus" size={16} /> Add interview to {label}
        </button>
      </div>
    </li>
  );
}

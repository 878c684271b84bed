import type { QuestionSetStatus, QuestionType } from '../api/types';
import { QUESTION_TYPES } from '../api/types';

const TYPE_LABEL: Record<QuestionType, string> = {
  technical: 'Technical',
  behavioral: 'Behavioral',
  situational: 'Situational',
};

export function TypeChip({ type, count, inferred }: { type: QuestionType; count?: number; inferred?: boolean }) {
  return (
    <span className={`chip chip--${type}`} title={inferred ? 'Type guessed from the wording' : undefined}>
      {count !== undefined && <b>{count}</b>}
      {TYPE_LABEL[type]}
      {inferred && <em> · guessed</em>}
    </span>
  );
}

/** The three types as a radio group of chips (arrow keys move between them, as radios do). */
export function TypePicker({
  value,
  onChange,
  name,
}: {
  value: QuestionType;
  onChange(t: QuestionType): void;
  name: string;
}) {
  return (
    <fieldset className="type-picker">
      <legend>Type</legend>
      {QUESTION_TYPES.map((t) => (
        <label key={t} className={`chip chip--${t} chip--pick${value === t ? ' is-selected' : ''}`}>
          <input type="radio" name={name} value={t} checked={value === t} onChange={() => onChange(t)} />
          {TYPE_LABEL[t]}
        </label>
      ))}
    </fieldset>
  );
}

const STATUS_LABEL: Record<QuestionSetStatus, string> = {
  draft: 'Draft',
  published: 'Published',
  archived: 'Archived',
};

export function StatusBadge({ status }: { status: QuestionSetStatus }) {
  return <span className={`badge badge--${status}`}>{STATUS_LABEL[status]}</span>;
}

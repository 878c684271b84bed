import { useState, type DragEvent, type KeyboardEvent, type Ref } from 'react';
import type { Question } from '../../../api/types';
import { TypeChip } from '../../../components/Chips';
import { Icon } from '../../../components/Icon';

interface Props {
  question: Question;
  index: number;
  count: number;
  editable: boolean;
  needsCriteria: boolean;
  handleRef: Ref<HTMLButtonElement>;
  onMove(to: number): void;
  onEdit(): void;
  onRemove(): Promise<void>;
  drag: DragHandlers;
}

export interface DragHandlers {
  draggingId: string | null;
  overIndex: number | null;
  start(id: string): void;
  over(index: number): void;
  drop(index: number): void;
  end(): void;
}

/** One question in the set: reorder by drag, by the move buttons, or Alt+Arrow keys on the handle. */
export function QuestionCard({
  question: q,
  index,
  count,
  editable,
  needsCriteria,
  handleRef,
  onMove,
  onEdit,
  onRemove,
  drag,
}: Props) {
  const [confirming, setConfirming] = useState(false);
  const [removing, setRemoving] = useState(false);
  const number = index + 1;

  const keys = (e: KeyboardEvent) => {
    if (!e.altKey) return;
    if (e.key === 'ArrowUp' && index > 0) {
      e.preventDefault();
      onMove(index - 1);
    } else if (e.key === 'ArrowDown' && index < count - 1) {
      e.preventDefault();
      onMove(index + 1);
    }
  };
  const dragProps = editable
    ? {
        draggable: true,
        onDragStart: (e: DragEvent) => {
          e.dataTransfer.effectAllowed = 'move';
          e.dataTransfer.setData('text/plain', q.id);
          drag.start(q.id);
        },
        onDragOver: (e: DragEvent) => {
          if (!drag.draggingId) return;
          e.preventDefault();
          drag.over(index);
        },
        onDrop: (e: DragEvent) => {
          e.preventDefault();
          drag.drop(index);
        },
        onDragEnd: drag.end,
      }
    : {};
  const classes = [
    'question-card',
    drag.draggingId === q.id && 'is-dragging',
    drag.overIndex === index && drag.draggingId !== q.id && 'is-drop-target',
    needsCriteria && 'needs-criteria',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <article className={classes} {...dragProps} aria-labelledby={`q-${q.id}-prompt`}>
      <div className="question-card__rail">
        {editable ? (
          <button
            type="button"
            ref={handleRef}
            className="drag-handle"
            onKeyDown={keys}
            aria-label={`Question ${number} of ${count}. Drag, or press Alt+Up or Alt+Down, to move it`}
          >
            <Icon name="grip" />
          </button>
        ) : null}
        <span className="question-card__number" aria-hidden="true">
          {number}
        </span>
      </div>
      <div className="question-card__body">
        <div className="question-card__top">
          <TypeChip type={q.type} />
          {q.timeboxMinutes ? <span className="muted small">{q.timeboxMinutes} min</span> : null}
          {q.competencies.map((c) => (
            <span className="tag" key={c}>
              {c}
            </span>
          ))}
        </div>
        <h3 className="question-card__prompt" id={`q-${q.id}-prompt`}>
          <span className="visually-hidden">Question {number}: </span>
          {q.prompt}
        </h3>
        {q.followUps.length > 0 && (
          <div className="question-card__section">
            <h4>Follow-ups</h4>
            <ul>
              {q.followUps.map((f) => (
                <li key={f.id}>
                  {f.prompt}
                  {f.checks && <span className="muted"> — checks {f.checks}</span>}
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className="question-card__section">
          <h4>What to look for</h4>
          {q.criteria.length ? (
            <ul className="criteria">
              {q.criteria.map((c) => (
                <li key={c.id}>
                  <Icon name="check" size={14} />
                  <span>
                    {c.label}
                    {c.description && <span className="muted"> — {c.description}</span>}
                  </span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-warn small">
              <Icon name="alert" size={14} /> No criteria yet: add at least one before publishing.
            </p>
          )}
        </div>
      </div>
      {editable && (
        <div className="question-card__actions">
          <button type="button" className="icon-btn" onClick={() => onMove(index - 1)} disabled={index === 0}>
            <Icon name="up" />
            <span className="visually-hidden">Move question {number} up</span>
          </button>
          <button type="button" className="icon-btn" onClick={() => onMove(index + 1)} disabled={index === count - 1}>
            <Icon name="down" />
            <span className="visually-hidden">Move question {number} down</span>
          </button>
          <button type="button" className="icon-btn" onClick={onEdit}>
            <Icon name="edit" />
            <span className="visually-hidden">Edit question {number}</span>
          </button>
          {confirming ? (
            <span className="confirm">
              <button
                type="button"
                className="btn btn--danger btn--small"
                disabled={removing}
                onClick={async () => {
                  setRemoving(true);
                  await onRemove().finally(() => setRemoving(false));
                  setConfirming(false);
                }}
              >
                Remove
              </button>
              <button type="button" className="btn btn--ghost btn--small" onClick={() => setConfirming(false)}>
                Keep
              </button>
            </span>
          ) : (
            <button type="button" className="icon-btn" onClick={() => setConfirming(true)}>
              <Icon name="trash" />
              <span className="visually-hidden">Remove question {number}</span>
            </button>
          )}
        </div>
      )}
    </article>
  );
}

import { useRef, type KeyboardEvent } from 'react';

export interface ScaleOption<T> {
  value: T;
  /** 1..4: the number shown and the keyboard shortcut. */
  score: number;
  label: string;
  hint?: string;
}

interface Props<T> {
  options: ReadonlyArray<ScaleOption<T>>;
  value: T | null;
  onChange(value: T): void;
  /** id of the element naming the group. */
  labelledBy: string;
  describedBy?: string;
  disabled?: boolean;
  className?: string;
  id?: string;
}

/**
 * A 1–4 rating as a radio group: one tab stop; arrow keys move and select, as radios do; the
 * digits 1–4 select directly while the group has focus.
 */
export function RatingScale<T extends string | number>({
  options,
  value,
  onChange,
  labelledBy,
  describedBy,
  disabled,
  className,
  id,
}: Props<T>) {
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  const current = options.findIndex((o) => o.value === value);

  const pick = (index: number) => {
    const o = options[(index + options.length) % options.length];
    onChange(o.value);
    buttons.current[(index + options.length) % options.length]?.focus();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (disabled || e.altKey || e.ctrlKey || e.metaKey) return;
    const focused = buttons.current.findIndex((b) => b === document.activeElement);
    const at = focused >= 0 ? focused : Math.max(current, 0);
    const digit = options.findIndex((o) => String(o.score) === e.key);
    if (digit >= 0) pick(digit);
    else if (e.key === 'ArrowRight' || e.key === 'ArrowDown') pick(current < 0 && focused < 0 ? 0 : at + 1);
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') pick(at - 1);
    else if (e.key === 'Home') pick(0);
    else if (e.key === 'End') pick(options.length - 1);
    else return;
    e.preventDefault();
  };

  return (
    <div
      role="radiogroup"
      id={id}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      className={`iv-scale${className ? ` ${className}` : ''}`}
      onKeyDown={onKeyDown}
    >
      {options.map((o, i) => {
        const checked = i === current;
        return (
          <button
            key={String(o.value)}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            role="radio"
            aria-checked={checked}
            aria-label={`${o.score} ${o.label}`}
            title={o.hint ? `${o.label}: ${o.hint} (press ${o.score})` : undefined}
            tabIndex={checked || (current < 0 && i === 0) ? 0 : -1}
            disabled={disabled}
            className={`iv-scale__opt iv-scale__opt--${o.score}${checked ? ' is-on' : ''}`}
            onClick={() => onChange(o.value)}
          >
            <span className="iv-scale__n" aria-hidden="true">
              {o.score}
            </span>
            <span className="iv-scale__label" aria-hidden="true">
              {o.label}
            </span>
          </button>
        );
      })}
    </div>
  );
}

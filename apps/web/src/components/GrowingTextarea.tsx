import { useLayoutEffect, useRef, type ChangeEvent, type KeyboardEvent, type TextareaHTMLAttributes } from 'react';

interface Props extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange'> {
  value: string;
  onChange(value: string): void;
  /** One value on several visible lines: Enter and pasted line breaks do not add lines. */
  singleLine?: boolean;
}

/**
 * A textarea as tall as its text, for short values that may run long (a criterion, a follow-up):
 * an input would hide all but their first words.
 */
export function GrowingTextarea({ value, onChange, singleLine, onKeyDown, ...rest }: Props) {
  const ref = useRef<HTMLTextAreaElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.height = 'auto';
    // the border is outside scrollHeight (box-sizing: border-box)
    el.style.height = `${el.scrollHeight + el.offsetHeight - el.clientHeight}px`;
  }, [value]);
  const change = (e: ChangeEvent<HTMLTextAreaElement>) =>
    onChange(singleLine ? e.target.value.replace(/\s*[\r\n]+\s*/g, ' ') : e.target.value);
  const keyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (singleLine && e.key === 'Enter') e.preventDefault();
    onKeyDown?.(e);
  };
  return (
    <textarea
      ref={ref}
      rows={1}
      className="growing-textarea"
      value={value}
      onChange={change}
      onKeyDown={keyDown}
      {...rest}
    />
  );
}

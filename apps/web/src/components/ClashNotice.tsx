import type { ReactNode } from 'react';
import { useTimeFormat } from '../lib/time';
import { Icon } from './Icon';

/** One booking a 409 names: a panelist is already in another interview at that time. */
export interface InterviewClash {
  userId: string;
  interviewId: string;
  title: string;
  start: string;
  end: string;
}

/**
 * The warning for a time that clashes with the panel's other interviews: who is booked for what,
 * and a button to go ahead anyway. Renders nothing when there is no clash. Its list and actions are
 * styled by the hiring pages' `hm-clash__*` classes (styles/hiring.css).
 */
export function ClashNotice({
  clashes,
  nameOf,
  proceedLabel,
  onProceed,
  busy,
  hint,
  className,
}: {
  clashes: InterviewClash[];
  /** The panelist's name, if the page knows them. */
  nameOf(userId: string): string | undefined;
  proceedLabel: string;
  onProceed(): void;
  busy: boolean;
  /** Shown after the button (e.g. "or pick another time."). */
  hint?: ReactNode;
  className?: string;
}) {
  const time = useTimeFormat();
  if (!clashes.length) return null;
  return (
    <div className={`notice notice--warn${className ? ` ${className}` : ''}`} role="alert">
      <Icon name="alert" />
      <div className="notice__body">
        <strong>That time clashes with another interview</strong>
        <ul className="hm-clash__list">
          {clashes.map((c) => (
            <li key={`${c.userId}-${c.interviewId}`}>
              {nameOf(c.userId) ?? 'A panelist'} is already booked for “{c.title}” from {time.dateTime(c.start)} to{' '}
              {time.time(c.end)}.
            </li>
          ))}
        </ul>
        <div className="hm-clash__actions">
          <button type="button" className="btn btn--small" onClick={onProceed} disabled={busy}>
            {proceedLabel}
          </button>
          {hint}
        </div>
      </div>
    </div>
  );
}

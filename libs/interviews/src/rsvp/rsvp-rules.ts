import type { InterviewStatus } from '../entities/interview.entity';
import type { RsvpStatus } from '../entities/interview-panelist.entity';

/**
 * Why a panelist may not answer now, or null. Only a scheduled interview still ahead takes answers:
 * a cancelled or closed one is 409 (its state), one that has started is 422 (too late to say).
 */
export function rsvpRefusal(
  i: { id: string; status: InterviewStatus; startsAt: Date },
  now: Date,
): { status: 409 | 422; message: string } | null {
  if (i.status !== 'scheduled')
    return { status: 409, message: `Interview ${i.id} is ${i.status}; only a scheduled interview takes answers` };
  if (i.startsAt.getTime() <= now.getTime())
    return {
      status: 422,
      message: `Interview ${i.id} started at ${i.startsAt.toISOString()}; answers are for interviews still ahead`,
    };
  return null;
}

/** A scheduled interview with a declined panelist needs someone else; once it has started or closed, it is too late to matter. */
export function needsReplacement(
  i: { status: InterviewStatus; startsAt: Date },
  panel: ReadonlyArray<{ rsvp: RsvpStatus }>,
  now = new Date(),
): boolean {
  return i.status === 'scheduled' && i.startsAt.getTime() > now.getTime() && panel.some((p) => p.rsvp === 'declined');
}

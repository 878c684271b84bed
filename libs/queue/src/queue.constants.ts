import type { JobsOptions } from 'bullmq';

/** Every queue and job name in the system, in one place. */
export enum QueueName {
  System = 'system',
  Reminders = 'reminders',
  Interviews = 'interviews',
  Calendars = 'calendars',
  Invitations = 'invitations',
  Webhooks = 'webhooks',
}

export enum SystemJob {
  Heartbeat = 'heartbeat',
}

export enum ReminderJob {
  Deliver = 'deliver',
}

export enum InterviewJob {
  /** At the scheduled end: a scheduled interview starts awaiting feedback. */
  End = 'end',
}

export enum CalendarJob {
  /** Fetch one interviewer's iCal feed and replace their busy intervals. */
  RefreshFeed = 'refresh-feed',
}

/** Names the user only: the handler re-reads the feed (its URL is never in Redis). */
export interface CalendarFeedJobPayload {
  userId: string;
}

/**
 * One refresh per user per period slot: two workers' sweeps (or a save and a sweep) in the same slot
 * add the same job id, so the feed is fetched once.
 */
export function calendarFeedJobId(userId: string, slot: number | string): string {
  return jobId('feed', userId, slot);
}

export enum InvitationJob {
  /** Sends one invitation row (REQUEST or CANCEL); the job id is the row's id, so it is added once. */
  Deliver = 'deliver',
}

export interface InvitationJobPayload {
  invitationId: string;
}

/** The end time is part of the job (and its id): a moved end is a new job, the old one finds nothing to do. */
export interface InterviewEndJobPayload {
  interviewId: string;
  endsAt: string;
}

/**
 * How long finished jobs stay in the queue (for the system page, the reconciler's "is it queued"
 * check and a job id's de-duplication): by age, never by count. BullMQ's PostgreSQL backend trims a
 * count limit on every completion by sorting all the queue's finished jobs; in a 10,000-reminder
 * burst that was 17 ms and most of the database's CPU per job. An age limit is an index range.
 */
export const KEEP_COMPLETED = { age: 24 * 3600 };
export const KEEP_FAILED = { age: 7 * 24 * 3600 };

/**
 * On Redis a reminder's job falls due this long before the reminder, and its worker waits out the
 * rest to send at the due time itself. A delayed job reaches a Redis worker late by up to Redis'
 * timer tick (a blocked fetch times out on its `hz` tick, every 100 ms by default), which made a
 * reminder's lateness the tick, not the work; a worker's own timer is accurate to a few ms. The
 * PostgreSQL backend wakes its workers with its own timers and NOTIFY, so there the job is not early.
 */
export const REMINDER_LEAD_MS = 250;

/** The delay of a reminder's job: its due time, less the lead on Redis, never negative. */
export function reminderJobDelay(dueAt: Date, backend: 'redis' | 'postgres', now = Date.now()): number {
  return Math.max(0, dueAt.getTime() - (backend === 'redis' ? REMINDER_LEAD_MS : 0) - now);
}

/**
 * A reminder's job: its id names the reminder and due time; the options are the scheduler's and the
 * bench's, which plants 10,000 at once.
 */
export function reminderJob(
  r: { id: string; dueAt: Date },
  backend: 'redis' | 'postgres',
  retry: { attempts: number; delayMs: number },
): { name: ReminderJob; data: ReminderJobPayload; opts: JobsOptions & { jobId: string } } {
  return {
    name: ReminderJob.Deliver,
    data: { reminderId: r.id, dueAt: r.dueAt.toISOString() },
    opts: {
      jobId: jobId('rem', r.id, r.dueAt.getTime()),
      delay: reminderJobDelay(r.dueAt, backend),
      attempts: retry.attempts,
      backoff: { type: 'exponential', delay: retry.delayMs },
      removeOnComplete: KEEP_COMPLETED,
      // a failed reminder's job stays, beside the reminder shown as failed
      removeOnFail: false,
    },
  };
}

/** A reminder job names the reminder and the due time it was scheduled for; a moved reminder is a new job. */
export interface ReminderJobPayload {
  reminderId: string;
  dueAt: string;
}

export interface HeartbeatPayload {
  /** Who asked: the API process that enqueued it. */
  requestedBy: string;
  requestedAt: string;
}

/** BullMQ job ids must not contain ':' (the Redis backend uses it as a key separator). */
export function jobId(...parts: Array<string | number>): string {
  const id = parts.map((p) => String(p).replace(/[^A-Za-z0-9_.-]/g, '-')).join('.');
  if (id.includes(':')) throw new Error(`job id ${id} contains ':'`);
  return id;
}

// Event webhooks (issue 17)
export enum WebhookJob {
  /** Sends one delivery row; the handler re-reads the row and its subscription. */
  Deliver = 'deliver',
}

/** Names the delivery only: the URL and secret are re-read, so a deleted or paused subscription sends nothing. */
export interface WebhookJobPayload {
  deliveryId: string;
  /** The round the job was added for: a job of an older round finds nothing to do. */
  round: number;
}

/**
 * One job per delivery and round (0 = the event itself, n = the n-th manual redelivery): an event
 * handled twice adds the same job, a redelivery is a new job for the same delivery id.
 */
export function webhookDeliveryJobId(deliveryId: string, round: number): string {
  return jobId('webhook', deliveryId, round);
}

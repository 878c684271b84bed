import { BadRequestException, Injectable, Logger } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { OutboundError, OutboundRequestService } from '@app/outbound';
import {
  CalendarFeedJobPayload,
  CalendarJob,
  calendarFeedJobId,
  KEEP_COMPLETED,
  KEEP_FAILED,
  QueueName,
} from '@app/queue';
import type { CalendarFeedEntity } from '../entities/calendar-feed.entity';
import { CalendarFeedRepository } from './calendar-feed.repository';
import { busyFromIcs } from './ical-busy';

/** The rolling window kept: a day back (an interview today), eight weeks ahead (what gets scheduled). */
export const FEED_DAYS_BACK = 1;
export const FEED_DAYS_AHEAD = 56;
/** Every feed is refreshed this often; the job id carries the slot, so all workers add the same one. */
export const FEED_REFRESH_MS = 15 * 60_000;
const FEED_TIMEOUT_MS = 15_000;
const FEED_MAX_BYTES = 5 * 1024 * 1024;

/** What the API says about a feed: never its address, only its host. */
export interface CalendarFeedStatus {
  set: boolean;
  host: string | null;
  lastFetchedAt: string | null;
  lastError: string | null;
  busyCount: number;
}

export function feedStatus(feed: CalendarFeedEntity | null | undefined): CalendarFeedStatus {
  if (!feed) return { set: false, host: null, lastFetchedAt: null, lastError: null, busyCount: 0 };
  let host: string | null;
  try {
    host = new URL(feed.url).hostname;
  } catch {
    host = null;
  }
  return {
    set: true,
    host,
    lastFetchedAt: feed.lastFetchedAt?.toISOString() ?? null,
    lastError: feed.lastError,
    busyCount: feed.busyCount,
  };
}

/**
 * Secret iCal feeds: saved after the outbound guard's check, fetched by a queue job only through the
 * guard, conditionally (ETag / Last-Modified), and expanded into busy intervals. No log line or error
 * here carries the URL: a feed address is a read key to someone's calendar.
 */
@Injectable()
export class CalendarFeedService {
  private readonly logger = new Logger('CalendarFeeds');

  constructor(
    private readonly repo: CalendarFeedRepository,
    private readonly outbound: OutboundRequestService,
    @InjectQueue(QueueName.Calendars) private readonly queue: Queue<CalendarFeedJobPayload>,
  ) {}

  /** Saves (or, with null, removes) a user's feed; a refused address is a 400 on `calendarFeedUrl`. */
  async save(userId: string, url: string | null): Promise<void> {
    if (url === null || url === '') return this.repo.clear(userId);
    // webcal:// is how Apple and Outlook hand feeds out; it is https underneath
    const normalized = url.trim().replace(/^webcals?:\/\//i, 'https://');
    try {
      await this.outbound.checkUrl(normalized);
    } catch (e) {
      if (!(e instanceof OutboundError)) throw e;
      const message = `calendarFeedUrl ${e.message}`;
      throw new BadRequestException({ message, details: [{ field: 'calendarFeedUrl', messages: [message] }] });
    }
    const savedAt = await this.repo.set(userId, normalized);
    await this.enqueue(userId, `saved-${savedAt.getTime()}`).catch((e) =>
      this.logger.error(`queueing a feed refresh for ${userId} failed: ${describe(e)}`),
    );
  }

  async status(userId: string): Promise<CalendarFeedStatus> {
    return feedStatus(await this.repo.find(userId));
  }

  async statuses(userIds: string[]): Promise<Map<string, CalendarFeedStatus>> {
    const found = new Map((await this.repo.findMany(userIds)).map((f) => [f.userId, f]));
    return new Map(userIds.map((id) => [id, feedStatus(found.get(id))]));
  }

  async enqueue(userId: string, slot: number | string): Promise<void> {
    await this.queue.add(
      CalendarJob.RefreshFeed,
      { userId },
      {
        jobId: calendarFeedJobId(userId, slot),
        attempts: 1,
        removeOnComplete: KEEP_COMPLETED,
        removeOnFail: KEEP_FAILED,
      },
    );
  }

  /** The periodic sweep: one job per feed for the current slot. */
  async enqueueAll(now = new Date()): Promise<number> {
    const ids = await this.repo.allUserIds();
    const slot = Math.floor(now.getTime() / FEED_REFRESH_MS);
    for (const id of ids) await this.enqueue(id, slot);
    return ids.length;
  }

  /**
   * The job: re-reads the feed, fetches it (conditionally), and replaces the busy intervals for the
   * window around `now`. Returns what happened; failures are recorded on the feed, never thrown.
   */
  async refresh(
    userId: string,
    timeZone: string,
    now = new Date(),
  ): Promise<'missing' | 'not_modified' | 'updated' | 'failed' | 'superseded'> {
    const feed = await this.repo.find(userId);
    if (!feed) return 'missing';
    const headers: Record<string, string> = {
      accept: 'text/calendar, */*;q=0.1',
      'user-agent': 'interview-scorecards calendar-feed',
    };
    if (feed.etag) headers['if-none-match'] = feed.etag;
    if (feed.lastModified) headers['if-modified-since'] = feed.lastModified;
    try {
      const res = await this.outbound.get(feed.url, { headers, timeoutMs: FEED_TIMEOUT_MS, maxBytes: FEED_MAX_BYTES });
      if (res.status === 304) {
        await this.repo.touch(userId, feed.url, now);
        return 'not_modified';
      }
      const from = new Date(now.getTime() - FEED_DAYS_BACK * 86_400_000);
      const to = new Date(now.getTime() + FEED_DAYS_AHEAD * 86_400_000);
      let busy;
      try {
        busy = busyFromIcs(res.body.toString('utf8'), { from, to, timeZone });
      } catch (e) {
        this.logger.warn(`feed of user ${userId}: not iCalendar (${describe(e).slice(0, 120)})`);
        await this.repo.fail(userId, feed.url, 'not an iCalendar feed', now);
        return 'failed';
      }
      const validators = {
        etag: header(res.headers.etag, 300),
        lastModified: header(res.headers['last-modified'], 100),
      };
      const done = await this.repo.replaceBusy(userId, feed.url, merge(busy), validators, now);
      return done ? 'updated' : 'superseded';
    } catch (e) {
      if (!(e instanceof OutboundError)) throw e;
      // the guard's public message names no address ("answered 404 Not Found", "could not connect")
      await this.repo.fail(userId, feed.url, e.message, now);
      this.logger.warn(`feed of user ${userId}: fetch failed (${e.message})`);
      return 'failed';
    }
  }
}

/** Overlapping or touching intervals as one: fewer rows, the same busy time. */
function merge(busy: Array<{ start: Date; end: Date }>): Array<{ start: Date; end: Date }> {
  const out: Array<{ start: Date; end: Date }> = [];
  for (const b of [...busy].sort((x, y) => x.start.getTime() - y.start.getTime())) {
    const last = out[out.length - 1];
    if (last && b.start.getTime() <= last.end.getTime()) {
      if (b.end > last.end) last.end = b.end;
    } else out.push({ start: b.start, end: b.end });
  }
  return out;
}

/** A validator too long to keep is dropped: the next fetch is then unconditional, never wrong. */
function header(v: string | string[] | undefined, max: number): string | null {
  const s = Array.isArray(v) ? v[0] : v;
  return s && s.length <= max ? s : null;
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

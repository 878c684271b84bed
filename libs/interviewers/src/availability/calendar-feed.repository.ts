import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { CalendarBusyEntity, CalendarFeedEntity } from '../entities/calendar-feed.entity';
import type { BusyInterval } from './ical-busy';

@Injectable()
export class CalendarFeedRepository {
  constructor(
    @InjectRepository(CalendarFeedEntity) private readonly feeds: Repository<CalendarFeedEntity>,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  find(userId: string): Promise<CalendarFeedEntity | null> {
    return this.feeds.findOne({ where: { userId } });
  }

  findMany(userIds: string[]): Promise<CalendarFeedEntity[]> {
    return userIds.length ? this.feeds.find({ where: { userId: In(userIds) } }) : Promise.resolve([]);
  }

  async allUserIds(): Promise<string[]> {
    return (await this.feeds.find({ select: { userId: true } })).map((f) => f.userId);
  }

  /** A new URL starts afresh: no validators, no status, and the old feed's busy times gone. */
  async set(userId: string, url: string): Promise<Date> {
    const updatedAt = new Date();
    await this.db.transaction(async (m) => {
      await m.upsert(
        CalendarFeedEntity,
        { userId, url, etag: null, lastModified: null, lastFetchedAt: null, lastError: null, busyCount: 0, updatedAt },
        { conflictPaths: ['userId'] },
      );
      await m.delete(CalendarBusyEntity, { userId });
    });
    return updatedAt;
  }

  async clear(userId: string): Promise<void> {
    await this.db.transaction(async (m) => {
      await m.delete(CalendarFeedEntity, { userId });
      await m.delete(CalendarBusyEntity, { userId });
    });
  }

  /**
   * A successful fetch: the user's busy intervals replaced in one transaction, only if the URL is still
   * the one fetched (a save in between wins; its own job fetches the new one). Returns false then.
   */
  async replaceBusy(
    userId: string,
    url: string,
    busy: BusyInterval[],
    validators: { etag: string | null; lastModified: string | null },
    at: Date,
  ): Promise<boolean> {
    return this.db.transaction(async (m) => {
      const rows: Array<{ url: string }> = await m.query(
        `SELECT url FROM calendar_feeds WHERE user_id = $1 FOR UPDATE`,
        [userId],
      );
      if (rows[0]?.url !== url) return false;
      await m.delete(CalendarBusyEntity, { userId });
      for (let i = 0; i < busy.length; i += 500) {
        await m.insert(
          CalendarBusyEntity,
          busy.slice(i, i + 500).map((b) => ({ userId, startsAt: b.start, endsAt: b.end, source: 'feed' })),
        );
      }
      await m.update(
        CalendarFeedEntity,
        { userId },
        { ...validators, lastFetchedAt: at, lastError: null, busyCount: busy.length },
      );
      return true;
    });
  }

  /** A 304: the cache stays, the fetch time moves. */
  async touch(userId: string, url: string, at: Date): Promise<void> {
    await this.feeds.update({ userId, url }, { lastFetchedAt: at, lastError: null });
  }

  /** A failed fetch keeps the last good busy times and says what went wrong, generically. */
  async fail(userId: string, url: string, error: string, at: Date): Promise<void> {
    await this.feeds.update({ userId, url }, { lastError: error.slice(0, 200), lastFetchedAt: at });
  }

  async busyBetween(
    userIds: string[],
    from: Date,
    to: Date,
  ): Promise<Array<{ userId: string; start: Date; end: Date }>> {
    if (!userIds.length) return [];
    const rows: Array<{ user_id: string; starts_at: Date; ends_at: Date }> = await this.db.query(
      `SELECT user_id, starts_at, ends_at FROM calendar_busy WHERE user_id = ANY($1::uuid[]) AND starts_at < $3 AND ends_at > $2 ORDER BY starts_at`,
      [userIds, from, to],
    );
    return rows.map((r) => ({ userId: r.user_id, start: new Date(r.starts_at), end: new Date(r.ends_at) }));
  }
}

import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** One secret iCal feed per interviewer and what its last fetch found. The URL never leaves the server. */
@Entity('calendar_feeds')
export class CalendarFeedEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId: string;

  /** A credential (whoever has it reads the calendar): never returned, logged or audited. */
  @Column({ type: 'varchar', length: 2000 })
  url: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  etag: string | null;

  @Column({ type: 'varchar', length: 100, nullable: true })
  lastModified: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastFetchedAt: Date | null;

  /** Generic ("answered 404 Not Found", "not an iCalendar feed"): never the address. */
  @Column({ type: 'varchar', length: 200, nullable: true })
  lastError: string | null;

  @Column({ type: 'int', default: 0 })
  busyCount: number;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

/** Busy intervals from a feed, for a rolling window; replaced whole per user on each successful fetch. */
@Entity('calendar_busy')
@Index('IDX_calendar_busy_user_start', ['userId', 'startsAt'])
export class CalendarBusyEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  userId: string;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  /** Where it came from; 'feed' for now (CalDAV later). */
  @Column({ type: 'varchar', length: 20, default: 'feed' })
  source: string;
}

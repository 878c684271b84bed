import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { fixedRead } from '@app/common';
import { HeartbeatEntity } from './heartbeat.entity';
import { LATEST_HEARTBEAT_SQL, type LatestHeartbeat } from './heartbeat-statements';

@Injectable()
export class HeartbeatRepository {
  constructor(@InjectRepository(HeartbeatEntity) private readonly repo: Repository<HeartbeatEntity>) {}

  /** Idempotent: a retried job writes the same row once. */
  async record(beat: HeartbeatEntity): Promise<void> {
    await this.repo.createQueryBuilder().insert().values(beat).orIgnore().execute();
  }

  findByJobId(jobId: string): Promise<HeartbeatEntity | null> {
    return this.repo.findOne({ where: { jobId } });
  }

  /** What /health shows of the latest heartbeat, by one fixed statement (every probe runs it). */
  async findLatestProcessed(): Promise<LatestHeartbeat | null> {
    const rows = await fixedRead<{ processed_at: Date; processed_by: string }>(this.repo.manager, LATEST_HEARTBEAT_SQL);
    return rows.length ? { processedAt: rows[0].processed_at, processedBy: rows[0].processed_by } : null;
  }
}

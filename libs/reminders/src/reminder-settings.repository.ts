import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ReminderSettingsEntity } from './entities/reminder-settings.entity';

@Injectable()
export class ReminderSettingsRepository {
  constructor(@InjectRepository(ReminderSettingsEntity) private readonly repo: Repository<ReminderSettingsEntity>) {}

  async read(): Promise<Record<string, unknown> | null> {
    return (await this.repo.findOne({ where: { id: 1 } }))?.policy ?? null;
  }

  async write(policy: Record<string, unknown>, updatedById: string): Promise<void> {
    await this.repo.save(this.repo.create({ id: 1, policy, updatedById }));
  }
}

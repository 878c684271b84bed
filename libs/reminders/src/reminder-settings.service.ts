import { Injectable } from '@nestjs/common';
import { AuditService, SETTINGS_ENTITY_ID } from '@app/audit';
import type { AuthUser } from '@app/auth';
import { ReminderPolicyDto } from './dto/reminder-policy.dto';
import { ReminderSettingsRepository } from './reminder-settings.repository';
import { DEFAULT_POLICY, type ReminderPolicy } from './planning';

/** What a candidate's calendar invitation says until an admin writes their own. */
export const DEFAULT_CANDIDATE_INVITATION_TEXT =
  'Thank you for your interest. We look forward to speaking with you; if the time no longer suits you, please reply to this email.';

/** The reminder policy: defaults until an admin changes it. */
@Injectable()
export class ReminderSettingsService {
  constructor(
    private readonly repo: ReminderSettingsRepository,
    private readonly audit: AuditService,
  ) {}

  async get(): Promise<ReminderPolicy> {
    // a policy stored before a field existed gets that field's default
    return {
      ...DEFAULT_POLICY,
      candidateInvitationText: DEFAULT_CANDIDATE_INVITATION_TEXT,
      ...((await this.repo.read()) as Partial<ReminderPolicy> | null),
    };
  }

  async put(user: AuthUser, dto: ReminderPolicyDto): Promise<ReminderPolicy> {
    const current = await this.get();
    const notify = dto.notifyDecisions ?? current.notifyDecisions;
    const policy: ReminderPolicy = {
      ...dto,
      quietHours: dto.quietHours ? { start: dto.quietHours.start, end: dto.quietHours.end } : null,
      notifyDecisions: { recruiters: notify.recruiters, panel: notify.panel },
      candidateInvitationText: (dto.candidateInvitationText ?? current.candidateInvitationText ?? '')
        .replace(/\r\n?/g, '\n')
        .trim(),
    };
    await this.repo.write({ ...policy }, user.id);
    await this.audit.record(user.id, 'settings', SETTINGS_ENTITY_ID, 'reminder_policy_changed', { ...policy });
    return this.get();
  }
}

import { BadRequestException, ForbiddenException } from '@nestjs/common';
import { conflict, DetailedHttpException } from '@app/common';
import type { AuthUser } from '@app/auth';
import { canDecide, type CandidateStatus } from '@app/interviews';
import type { Decision } from '../entities/candidate-decision.entity';

export interface PathState {
  stageId: string | null;
  status: CandidateStatus;
}

export interface StageRef {
  id: string;
  name: string;
  order: number;
}

const CLOSED: CandidateStatus[] = ['rejected', 'hired', 'withdrawn'];

/** Decisions that judge the evidence: they need every scorecard of the current stage, or an override. */
export const NEEDS_EVIDENCE: Decision[] = ['advance', 'reject', 'hire'];

/** Recruiters record what the candidate or the calendar decides; the evaluation is the hiring manager's (and admins'). */
const RECRUITER_MAY: Decision[] = ['hold', 'withdraw'];

const fieldError = (field: string, message: string) =>
  new DetailedHttpException(400, `${field}: ${message}`, [{ field, messages: [message] }]);

/** The caller already manages the position (else 404); this says whether they may record this decision. */
export function assertMayDecide(user: AuthUser, hiringManagerId: string, decision: Decision): void {
  if (canDecide(user, { hiringManagerId })) return;
  if (!RECRUITER_MAY.includes(decision)) {
    throw new ForbiddenException(
      `Only the position's hiring manager and admins may ${decision.replace('_', ' ')}; recruiters record holds and withdrawals`,
    );
  }
}

/** Fields a decision needs, checked before anything is read. */
export function assertFields(d: {
  decision: Decision;
  reasonId?: string;
  rationale?: string;
  toStageId?: string;
}): void {
  if (d.decision === 'reject' && !d.reasonId)
    throw fieldError('reasonId', 'a rejection needs a reason (see /settings/rejection-reasons)');
  if (d.decision !== 'reject' && d.reasonId) throw fieldError('reasonId', 'only a rejection has a reason');
  if (d.decision === 'hire' && !d.rationale) throw fieldError('rationale', 'a hire needs a rationale');
  if (d.decision === 'move_back' && !d.toStageId)
    throw fieldError('toStageId', 'say which earlier stage to move back to');
  if (!['advance', 'move_back', 'reactivate'].includes(d.decision) && d.toStageId)
    throw fieldError('toStageId', `${d.decision} does not change the stage`);
}

/** Where the decision takes the candidate from `from`, given the position's stages in order. */
export function nextPath(decision: Decision, from: PathState, stages: StageRef[], toStageId?: string): PathState {
  if (CLOSED.includes(from.status) && decision !== 'reactivate') {
    throw conflict(`The candidate is ${from.status}; reactivate them before deciding again`, { status: from.status });
  }
  const orderOf = (id: string | null) => (id === null ? -1 : (stages.find((s) => s.id === id)?.order ?? -1));
  const target = (): StageRef => {
    const s = stages.find((x) => x.id === toStageId);
    if (!s) throw fieldError('toStageId', `${toStageId} is not a stage of this position's plan`);
    return s;
  };
  switch (decision) {
    case 'advance': {
      const current = orderOf(from.stageId);
      if (toStageId) {
        const s = target();
        if (s.order <= current)
          throw fieldError('toStageId', `"${s.name}" is not after the current stage; use move_back`);
        return { stageId: s.id, status: 'active' };
      }
      const next = stages.filter((s) => s.order > current).sort((a, b) => a.order - b.order)[0];
      if (!next) {
        throw new BadRequestException(
          stages.length
            ? 'The candidate is already at the last stage; hire instead'
            : "This position's plan has no stages",
        );
      }
      return { stageId: next.id, status: 'active' };
    }
    case 'move_back': {
      const s = target();
      if (s.order >= orderOf(from.stageId))
        throw fieldError('toStageId', `"${s.name}" is not before the current stage`);
      return { stageId: s.id, status: 'active' };
    }
    case 'reactivate':
      if (from.status === 'active') throw conflict('The candidate is already active');
      return { stageId: toStageId ? target().id : from.stageId, status: 'active' };
    case 'hold':
      if (from.status === 'on_hold') throw conflict('The candidate is already on hold');
      return { stageId: from.stageId, status: 'on_hold' };
    case 'reject':
      return { stageId: from.stageId, status: 'rejected' };
    case 'hire':
      return { stageId: from.stageId, status: 'hired' };
    case 'withdraw':
      return { stageId: from.stageId, status: 'withdrawn' };
  }
}

import type { HttpException } from '@nestjs/common';
import { Role } from '@app/auth';
import type { AuthUser } from '@app/auth';
import { assertFields, assertMayDecide, nextPath } from './decision-rules';

const stages = [
  { id: 's1', name: 'Screen', order: 0 },
  { id: 's2', name: 'Technical', order: 1 },
  { id: 's3', name: 'Onsite', order: 2 },
];
const user = (roles: Role[], id = 'u1'): AuthUser => ({
  id,
  email: 'x@example.com',
  name: 'X',
  roles,
  timezone: 'UTC',
});
const status = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    return (e as HttpException).getStatus();
  }
  return 0;
};

describe('nextPath', () => {
  it('advances to the next stage, from "not started" to the first', () => {
    expect(nextPath('advance', { stageId: null, status: 'active' }, stages)).toEqual({
      stageId: 's1',
      status: 'active',
    });
    expect(nextPath('advance', { stageId: 's1', status: 'on_hold' }, stages)).toEqual({
      stageId: 's2',
      status: 'active',
    });
    expect(nextPath('advance', { stageId: 's1', status: 'active' }, stages, 's3')).toEqual({
      stageId: 's3',
      status: 'active',
    });
  });

  it("refuses advancing past the last stage, backwards, or to another plan's stage", () => {
    expect(() => nextPath('advance', { stageId: 's3', status: 'active' }, stages)).toThrow(
      'already at the last stage; hire instead',
    );
    expect(() => nextPath('advance', { stageId: null, status: 'active' }, [])).toThrow('no stages');
    expect(status(() => nextPath('advance', { stageId: 's2', status: 'active' }, stages, 's1'))).toBe(400);
    expect(status(() => nextPath('advance', { stageId: 's2', status: 'active' }, stages, 'elsewhere'))).toBe(400);
  });

  it('moves back only to an earlier stage', () => {
    expect(nextPath('move_back', { stageId: 's3', status: 'active' }, stages, 's1')).toEqual({
      stageId: 's1',
      status: 'active',
    });
    expect(status(() => nextPath('move_back', { stageId: 's1', status: 'active' }, stages, 's2'))).toBe(400);
  });

  it('closes and reopens a candidate; nothing but reactivate touches a closed one', () => {
    expect(nextPath('reject', { stageId: 's2', status: 'active' }, stages)).toEqual({
      stageId: 's2',
      status: 'rejected',
    });
    expect(nextPath('hire', { stageId: 's3', status: 'active' }, stages)).toEqual({ stageId: 's3', status: 'hired' });
    expect(nextPath('withdraw', { stageId: null, status: 'on_hold' }, stages)).toEqual({
      stageId: null,
      status: 'withdrawn',
    });
    for (const closed of ['rejected', 'hired', 'withdrawn'] as const) {
      expect(status(() => nextPath('advance', { stageId: 's1', status: closed }, stages))).toBe(409);
      expect(nextPath('reactivate', { stageId: 's1', status: closed }, stages)).toEqual({
        stageId: 's1',
        status: 'active',
      });
    }
    expect(status(() => nextPath('reactivate', { stageId: 's1', status: 'active' }, stages))).toBe(409);
    expect(status(() => nextPath('hold', { stageId: 's1', status: 'on_hold' }, stages))).toBe(409);
  });
});

describe('assertFields and assertMayDecide', () => {
  it('names the missing field', () => {
    expect(() => assertFields({ decision: 'reject' })).toThrow('reasonId');
    expect(() => assertFields({ decision: 'hire' })).toThrow('rationale');
    expect(() => assertFields({ decision: 'move_back' })).toThrow('toStageId');
    expect(() => assertFields({ decision: 'hold', toStageId: 's1' })).toThrow('toStageId');
    expect(() => assertFields({ decision: 'hold', reasonId: 'r' })).toThrow('reasonId');
  });

  it('lets recruiters record holds and withdrawals only', () => {
    expect(status(() => assertMayDecide(user([Role.Recruiter]), 'hm', 'advance'))).toBe(403);
    expect(status(() => assertMayDecide(user([Role.Recruiter]), 'hm', 'hold'))).toBe(0);
    expect(status(() => assertMayDecide(user([Role.Recruiter]), 'hm', 'withdraw'))).toBe(0);
    expect(status(() => assertMayDecide(user([Role.HiringManager], 'hm'), 'hm', 'hire'))).toBe(0);
    expect(status(() => assertMayDecide(user([Role.Admin]), 'hm', 'reject'))).toBe(0);
  });
});

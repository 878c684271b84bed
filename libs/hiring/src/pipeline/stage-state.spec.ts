import type { CandidateInterviewRow } from '@app/interviews';
import { seatKeys } from '@app/common';
import { stageState, weekdayTime } from './stage-state';

const now = new Date('2026-03-10T12:00:00Z');
const interview = (o: Partial<CandidateInterviewRow>): CandidateInterviewRow => ({
  id: 'i1',
  candidateId: 'c1',
  positionId: 'p1',
  planStageId: 's1',
  stage: 'technical',
  title: 'Coding',
  status: 'awaiting_feedback',
  startsAt: new Date('2026-03-09T09:00:00Z'),
  endsAt: new Date('2026-03-09T10:00:00Z'),
  feedbackDueAt: new Date('2026-03-10T10:00:00Z'),
  panel: [
    { userId: 'u1', name: 'Ana', role: 'lead' },
    { userId: 'u2', name: 'Ben', role: 'shadow' },
  ],
  ...o,
});
const active = { stageId: 's1', status: 'active' as const };

describe('stageState', () => {
  it('is not scheduled without interviews of the current stage (other stages and cancelled ones do not count)', () => {
    const s = stageState(
      active,
      [interview({ planStageId: 's0' }), interview({ status: 'cancelled' }), interview({ status: 'no_show' })],
      new Set(),
      now,
      'UTC',
    );
    expect(s).toMatchObject({
      state: 'not_scheduled',
      label: 'Not scheduled',
      scorecards: { submitted: 0, expected: 0 },
      missing: [],
    });
  });

  it("shows the next interview in the reader's timezone", () => {
    const next = interview({ id: 'i2', status: 'scheduled', startsAt: new Date('2026-03-17T09:00:00Z') });
    const s = stageState(active, [next], new Set(), now, 'Europe/Berlin');
    expect(s).toMatchObject({ state: 'scheduled', label: 'Scheduled Tue 10:00', nextInterview: { id: 'i2' } });
  });

  it('counts scorecards in, then is ready to decide', () => {
    expect(
      stageState(active, [interview({})], seatKeys([{ interviewId: 'i1', userId: 'u1' }]), now, 'UTC'),
    ).toMatchObject({
      state: 'awaiting_feedback',
      label: 'Awaiting feedback 1/2',
      missing: [{ interviewId: 'i1', interviewTitle: 'Coding', userId: 'u2', name: 'Ben' }],
    });
    expect(
      stageState(
        active,
        [interview({})],
        seatKeys([
          { interviewId: 'i1', userId: 'u1' },
          { interviewId: 'i1', userId: 'u2' },
        ]),
        now,
        'UTC',
      ),
    ).toMatchObject({ state: 'ready_to_decide', label: 'Ready to decide' });
  });

  it('says what was decided for closed or held candidates', () => {
    expect(stageState({ stageId: 's1', status: 'hired' }, [], new Set(), now, 'UTC')).toMatchObject({
      state: 'decided',
      label: 'Hired',
    });
    expect(stageState({ stageId: 's1', status: 'on_hold' }, [], new Set(), now, 'UTC')).toMatchObject({
      state: 'decided',
      label: 'On hold',
    });
  });

  it('formats a weekday and 24-hour time', () => {
    expect(weekdayTime(new Date('2026-03-15T23:30:00Z'), 'Asia/Tokyo')).toBe('Mon 08:30');
  });
});

import { seatKeys } from '@app/common';
import { missingSlots, owesFeedback } from './feedback-status.service';

describe('who still owes a scorecard', () => {
  it('treats every status but cancelled and no_show as live, including ones added later', () => {
    for (const s of ['scheduled', 'awaiting_feedback', 'completed', undefined]) expect(owesFeedback(s)).toBe(true);
    for (const s of ['cancelled', 'no_show']) expect(owesFeedback(s)).toBe(false);
  });

  it('lists the panel slots of live interviews without a submitted scorecard, in order', () => {
    const interviews = [
      { id: 'i1', status: 'awaiting_feedback', panel: [{ userId: 'a' }, { userId: 'b' }] },
      { id: 'i2', status: 'no_show', panel: [{ userId: 'a' }] },
      { id: 'i3', status: 'cancelled', panel: [{ userId: 'c' }] },
      { id: 'i4', panel: [{ userId: 'c' }, { userId: 'a' }] },
    ];
    expect(
      missingSlots(
        interviews,
        seatKeys([
          { interviewId: 'i1', userId: 'a' },
          { interviewId: 'i4', userId: 'a' },
        ]),
      ),
    ).toEqual([
      { interviewId: 'i1', userId: 'b' },
      { interviewId: 'i4', userId: 'c' },
    ]);
    expect(missingSlots([], new Set())).toEqual([]);
  });
});

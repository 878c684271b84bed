import { needsReplacement, rsvpRefusal } from './rsvp-rules';

const now = new Date('2026-06-10T08:00:00Z');
const later = new Date('2026-06-11T08:00:00Z');
const earlier = new Date('2026-06-10T07:59:59Z');

describe('RSVP rules', () => {
  it('takes answers for scheduled interviews still ahead only', () => {
    expect(rsvpRefusal({ id: 'i1', status: 'scheduled', startsAt: later }, now)).toBeNull();
    expect(rsvpRefusal({ id: 'i1', status: 'cancelled', startsAt: later }, now)).toEqual({
      status: 409,
      message: 'Interview i1 is cancelled; only a scheduled interview takes answers',
    });
    expect(rsvpRefusal({ id: 'i1', status: 'completed', startsAt: earlier }, now)?.status).toBe(409);
    expect(rsvpRefusal({ id: 'i1', status: 'scheduled', startsAt: earlier }, now)).toMatchObject({
      status: 422,
      message: expect.stringContaining('started at 2026-06-10T07:59:59.000Z'),
    });
    // the very start is too late as well
    expect(rsvpRefusal({ id: 'i1', status: 'scheduled', startsAt: now }, now)?.status).toBe(422);
  });

  it('needs a replacement while a declined panelist is on a scheduled interview ahead', () => {
    const panel = (...rsvps: Array<'needs_action' | 'accepted' | 'declined' | 'tentative'>) =>
      rsvps.map((rsvp) => ({ rsvp }));
    expect(needsReplacement({ status: 'scheduled', startsAt: later }, panel('accepted', 'declined'), now)).toBe(true);
    expect(
      needsReplacement({ status: 'scheduled', startsAt: later }, panel('accepted', 'tentative', 'needs_action'), now),
    ).toBe(false);
    expect(needsReplacement({ status: 'scheduled', startsAt: later }, panel(), now)).toBe(false);
    expect(needsReplacement({ status: 'cancelled', startsAt: later }, panel('declined'), now)).toBe(false);
    expect(needsReplacement({ status: 'scheduled', startsAt: earlier }, panel('declined'), now)).toBe(false);
  });
});

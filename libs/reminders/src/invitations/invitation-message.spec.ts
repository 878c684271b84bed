import type { KitRow } from '@app/interviews';
import { composeCandidateInvitation, composeInvitation } from './invitation-message';

const kit = {
  interview: {
    id: '6c1e0e5c-0000-4000-8000-000000000001',
    title: 'Technical interview',
    stage: 'technical',
    startsAt: new Date('2026-12-01T15:00:00Z'),
    endsAt: new Date('2026-12-01T15:45:00Z'),
    timezone: 'America/New_York',
    durationMinutes: 45,
    meetingUrl: 'https://meet.example.com/x',
    location: null,
  },
  candidate: { id: 'c', name: 'Jordan Rivera', email: 'jordan@example.com' },
  position: { id: 'p', title: 'Backend Engineer', department: null, hiringManagerId: 'h' },
  panel: [{ userId: 'u1', role: 'lead' }],
  questions: [],
} as unknown as KitRow;
const recipient = { name: 'Kenji', email: 'kenji@example.com', timezone: 'Asia/Tokyo' };

describe('composeInvitation', () => {
  it("says whether it is new, updated or a removal, in the recipient's time", () => {
    const first = composeInvitation({
      kit,
      method: 'REQUEST',
      update: false,
      recipient,
      kitUrl: 'https://app/interviews/1',
    });
    expect(first.subject).toBe('Invitation: Technical interview: Jordan Rivera at 2026-12-02 00:00 (Asia/Tokyo)');
    expect(first.text).toContain('https://app/interviews/1');
    expect(composeInvitation({ kit, method: 'REQUEST', update: true, recipient, kitUrl: 'k' }).subject).toMatch(
      /^Updated invitation:/,
    );
    const removed = composeInvitation({
      kit,
      method: 'CANCEL',
      update: true,
      recipient,
      kitUrl: 'https://app/interviews/1',
    });
    expect(removed.subject).toMatch(/^Removed from the panel:/);
    expect(removed.text).not.toContain('https://app/interviews/1');
  });

  it('keeps a title with line breaks on one subject line', () => {
    const odd = { ...kit, interview: { ...kit.interview, title: 'A\r\nBcc: x@example.com' } } as KitRow;
    expect(
      composeInvitation({ kit: odd, method: 'REQUEST', update: false, recipient, kitUrl: 'k' }).subject,
    ).not.toMatch(/[\r\n]/);
  });
});

describe('composeCandidateInvitation', () => {
  it("carries the admins' text and the meeting link, and no internal link", () => {
    const mail = composeCandidateInvitation({
      kit,
      method: 'REQUEST',
      update: false,
      recipient: { name: 'Jordan Rivera', email: 'jordan@example.com', timezone: 'America/New_York' },
      text: 'Bring ID.\nSee you soon.',
    });
    expect(mail.text).toContain('Bring ID.\nSee you soon.');
    expect(mail.text).toContain('https://meet.example.com/x');
    expect(mail.text).toContain('2026-12-01 10:00 (America/New_York)');
    expect(mail.text).not.toMatch(/interviews\/|scorecard|kit/i);
  });
});

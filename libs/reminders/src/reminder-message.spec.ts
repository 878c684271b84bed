import type { KitRow } from '@app/interviews';
import { composeReminder, composeWebhook, type MessageContext } from './reminder-message';
import { signWebhook } from './webhook.service';

const ME = { id: 'u-me', name: 'Ada', email: 'ada@example.com', timezone: 'America/New_York' };

function kit(overrides: Partial<KitRow['interview']> = {}): KitRow {
  const question = (id: string, position: number, askedById: string | null, prompt: string) => ({
    id,
    position,
    askedById,
    prompt,
    type: 'technical',
    followUps: [{ id: `${id}-f`, prompt: `Follow ${prompt}` }],
    criteria: [{ id: `${id}-c`, label: `Look ${prompt}`, description: null }],
  });
  return {
    interview: {
      id: 'iv-1',
      title: 'Onsite',
      stage: 'onsite',
      status: 'scheduled',
      timezone: 'Europe/Berlin',
      startsAt: new Date('2026-07-01T14:00:00Z'),
      endsAt: new Date('2026-07-01T15:00:00Z'),
      feedbackDueAt: new Date('2026-07-02T15:00:00Z'),
      meetingUrl: 'https://meet.example.com/abc',
      location: null,
      cancelReason: null,
      ...overrides,
    },
    candidate: { id: 'c-1', name: 'Robin <Reed>', email: 'robin@example.com' },
    position: { id: 'p-1', title: 'Backend Engineer', department: null, hiringManagerId: 'u-hm' },
    panel: [
      { userId: 'u-me', role: 'lead' },
      { userId: 'u-other', role: 'shadow' },
    ],
    questions: [
      question('q1', 0, 'u-me', 'mine'),
      question('q2', 1, 'u-other', 'theirs'),
      question('q3', 2, null, 'shared'),
    ],
  } as unknown as KitRow;
}

const ctx = (kind: string, k = kit()): MessageContext => ({
  kind,
  kit: k,
  recipient: ME,
  about: { id: 'u-me', name: 'Ada' },
  baseUrl: 'https://app.example.com',
});

describe('reminder messages', () => {
  it('prep: my questions and the unassigned ones, with follow-ups and criteria, at my local time', () => {
    const m = composeReminder(ctx('prep'));
    expect(m.to).toBe('ada@example.com');
    expect(m.subject).toBe(
      'Interview kit: Robin <Reed> — Backend Engineer, onsite at 2026-07-01 10:00 (America/New_York)',
    );
    expect(m.text).toContain('1. [technical] mine');
    expect(m.text).toContain('   Follow-up: Follow mine');
    expect(m.text).toContain('   Look for: Look mine');
    expect(m.text).toContain('3. [technical] shared');
    expect(m.text).not.toContain('theirs');
    expect(m.text).toContain('Join: https://meet.example.com/abc');
    expect(m.text).toContain('Scorecard: https://app.example.com/interviews/iv-1/scorecard');
  });

  it('escapes names in the HTML part and links URLs', () => {
    const m = composeReminder(ctx('prep'));
    expect(m.html).toContain('Robin &lt;Reed&gt;');
    expect(m.html).not.toContain('<Reed>');
    expect(m.html).toContain('<a href="https://app.example.com/interviews/iv-1">');
  });

  it('cancellation: says so, with the reason, and no kit', () => {
    const m = composeReminder(ctx('cancellation', kit({ status: 'cancelled', cancelReason: 'Candidate withdrew' })));
    expect(m.subject).toMatch(/^Cancelled: Robin <Reed>/);
    expect(m.text).toContain('has been cancelled');
    expect(m.text).toContain('Reason: Candidate withdrew');
    expect(m.text).not.toContain('Questions to ask');
  });

  it('feedback due, overdue and escalation name the right thing', () => {
    expect(composeReminder(ctx('feedback_due')).subject).toMatch(/^Scorecard due: /);
    expect(composeReminder(ctx('feedback_overdue')).text).toContain('is overdue');
    const esc = composeReminder({ ...ctx('escalation'), about: { id: 'u-other', name: 'Bo' } });
    expect(esc.subject).toMatch(/^Overdue scorecard: Bo for /);
    expect(esc.text).toContain('it was due 2026-07-02 11:00');
  });

  it('webhook body: Slack text with a link, and the fields a receiver reads', () => {
    const c = ctx('feedback_due');
    const body = composeWebhook(c, composeReminder(c));
    // Slack's escaping keeps "<Reed>" from being read as a link
    expect(body.text).toBe(
      'Scorecard due: Robin &lt;Reed&gt; — Backend Engineer, onsite\n<https://app.example.com/interviews/iv-1/scorecard|Open in Scorecards>',
    );
    expect(body).toMatchObject({
      kind: 'feedback_due',
      recipient: { email: 'ada@example.com' },
      interview: { id: 'iv-1', startsAt: '2026-07-01T14:00:00.000Z' },
      link: 'https://app.example.com/interviews/iv-1/scorecard',
    });
  });
});

describe('webhook signature', () => {
  it('is t=<seconds>,v1=<HMAC-SHA256 of "<t>.<body>"> (vector computed with openssl)', () => {
    expect(signWebhook('webhook-secret-0123', '{"text":"hi"}', new Date(1_700_000_000_500))).toBe(
      't=1700000000,v1=29b17a9931247e6a7f12c7694f836a10d6b23faa81ac27e66fa598895888bcb1',
    );
  });
});

import { composeDecline, composeDeclineWebhook, type DeclineMessageContext } from './decline-message';

const context = (over: Partial<DeclineMessageContext> = {}): DeclineMessageContext => ({
  interview: {
    id: 'i1',
    title: 'Systems <interview>',
    startsAt: new Date('2026-06-10T08:30:00Z'),
    timezone: 'Europe/Berlin',
  },
  candidate: { id: 'c1', name: 'Robin Reed' },
  panelist: { id: 'u2', name: 'Theo Panelist' },
  note: 'On leave\nback on the 20th',
  recipient: { id: 'u1', name: 'Rita', email: 'rita@example.com', timezone: 'America/New_York' },
  baseUrl: 'https://sc.example.com',
  ...over,
});

describe('decline notices', () => {
  it("say who declined what, when in the recipient's zone, the note, and where to replace them", () => {
    const m = composeDecline(context());
    expect(m.to).toBe('rita@example.com');
    expect(m.subject).toBe('Declined: Theo Panelist — Systems <interview> with Robin Reed');
    expect(m.text).toContain(
      'Theo Panelist declined Systems <interview> with Robin Reed on 2026-06-10 04:30 (America/New_York).',
    );
    expect(m.text).toContain('Their note:\nOn leave\nback on the 20th');
    expect(m.text).toContain('https://sc.example.com/hiring/interviews/i1');
    // the HTML escapes what people typed
    expect(m.html).toContain('Systems &lt;interview&gt;');
    expect(m.html).not.toContain('<interview>');
  });

  it('leave the note out when there is none; the webhook carries the same facts, Slack-safe', () => {
    const m = composeDecline(context({ note: null }));
    expect(m.text).not.toContain('Their note');
    const body = composeDeclineWebhook(context(), composeDecline(context()));
    expect(body.text).toBe(
      'Declined: Theo Panelist — Systems &lt;interview&gt; with Robin Reed\n<https://sc.example.com/hiring/interviews/i1|Find a replacement>',
    );
    expect(body).toMatchObject({
      kind: 'rsvp_declined',
      panelist: { id: 'u2' },
      interview: { id: 'i1', startsAt: '2026-06-10T08:30:00.000Z' },
      note: 'On leave\nback on the 20th',
    });
  });
});

import type { DecisionResponse } from '@app/hiring';
import {
  composeDecision,
  composeDecisionWebhook,
  outcomeInWords,
  type DecisionMessageContext,
} from './decision-message';

const decision = (over: Partial<DecisionResponse> = {}): DecisionResponse => ({
  id: 'd1',
  candidateId: 'c1',
  decision: 'reject',
  fromStageId: 's1',
  fromStageName: 'Technical',
  toStageId: 's1',
  toStageName: 'Technical',
  fromStatus: 'active',
  toStatus: 'rejected',
  reason: { id: 'r1', label: 'Skills gap' },
  rationale: 'Thin on <design>\nsecond line',
  override: { reason: 'Ana is away' },
  missingAtDecision: [{ userId: 'u9', name: 'Ana Ruiz', interviewId: 'i1', interviewTitle: 'Tech' }],
  decidedBy: { id: 'hm', name: 'Hana Hill' },
  decidedAt: new Date('2026-06-10T08:30:00Z'),
  supersedesId: null,
  ...over,
});
const context = (audience: 'recruiter' | 'panel', d = decision()): DecisionMessageContext => ({
  audience,
  decision: d,
  candidate: { id: 'c1', name: 'Robin Reed', positionTitle: 'Backend Engineer' },
  recipient: { id: 'u1', name: 'Rita', email: 'rita@example.com', timezone: 'Europe/Berlin' },
  baseUrl: 'https://sc.example.com',
});

describe('decision messages', () => {
  it.each([
    [{ decision: 'advance', toStageName: 'Onsite' }, true, 'advanced to Onsite'],
    [{ decision: 'advance', toStageName: null }, true, 'advanced to the next stage'],
    [{ decision: 'move_back', toStageName: 'Screen' }, true, 'moved back to Screen'],
    [{ decision: 'reject' }, true, 'rejected (Skills gap)'],
    [{ decision: 'reject' }, false, 'rejected'],
    [{ decision: 'reject', reason: null }, true, 'rejected'],
    [{ decision: 'hold' }, true, 'put on hold'],
    [{ decision: 'hire' }, true, 'hired'],
    [{ decision: 'withdraw' }, true, 'withdrawn'],
    [{ decision: 'reactivate', toStageName: null }, true, 'reactivated'],
  ] as const)('%j (with reason: %s) reads "%s"', (over, withReason, words) => {
    expect(outcomeInWords(decision(over as Partial<DecisionResponse>), withReason)).toBe(words);
  });

  it('tells recruiters who decided, when (in their zone), the rationale, the override and the debrief link', () => {
    const m = composeDecision(context('recruiter'));
    expect(m.subject).toBe('Decision: Robin Reed — Backend Engineer: rejected (Skills gap)');
    expect(m.text).toContain('Hana Hill decided on Robin Reed for Backend Engineer: rejected (Skills gap).');
    expect(m.text).toContain('Decided: 2026-06-10 10:30 (Europe/Berlin)');
    expect(m.text).toContain('Thin on <design>\nsecond line');
    expect(m.text).toContain('missing from Ana Ruiz. Why: Ana is away');
    expect(m.text).toContain('Debrief: https://sc.example.com/candidates/c1/debrief');
    expect(m.html).toContain('Thin on &lt;design&gt;');
    expect(m.html).not.toContain('<design>');
  });

  it('tells the panel the outcome and thanks them, without rationale, reason, override or decider', () => {
    const m = composeDecision(context('panel'));
    expect(m.subject).toBe('Outcome: Robin Reed — Backend Engineer: rejected');
    expect(m.text).toContain('Thank you for interviewing');
    for (const hidden of ['Thin on', 'Skills gap', 'Ana is away', 'Hana', 'debrief'])
      expect(`${m.subject}${m.text}${m.html}`).not.toContain(hidden);
    const hook = composeDecisionWebhook(context('panel'), m);
    expect(JSON.stringify(hook)).not.toMatch(/Thin on|Skills gap|Ana is away|Hana|debrief/);
    expect(hook).toMatchObject({ kind: 'decision_panel', link: null, decision: { outcome: 'rejected' } });
  });

  it('escapes names in the Slack text of the webhook', () => {
    const c = context('recruiter');
    c.candidate.name = '<!channel> Robin';
    const hook = composeDecisionWebhook(c, composeDecision(c));
    expect(hook.text).toContain('&lt;!channel&gt; Robin');
    expect(hook.text).toContain('<https://sc.example.com/candidates/c1/debrief|Open the debrief>');
  });
});

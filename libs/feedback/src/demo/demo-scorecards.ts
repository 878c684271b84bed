import type { Recommendation } from '../entities/scorecard.entity';

/**
 * What the demo panelists wrote about the demo candidates, for the Backend Engineer set's questions
 * (libs/question-sets/src/demo). Questions are found by the start of their prompt, criteria by label,
 * follow-ups by prompt. Both panelists were in the room for every question, so both rate all of them;
 * the one who asked it writes the fuller notes. Morgan's panel is 2 points apart on
 * "Handles concurrent duplicates", so the debrief has a disagreement to discuss.
 */
export interface DemoQuestionNotes {
  prompt: string;
  notes: string;
  followUps: string[];
  /** Criterion label -> rating 1-4, with an optional note. */
  ratings: Record<string, number | [number, string]>;
}

export interface DemoScorecard {
  candidateEmail: string;
  panelistEmail: string;
  /** Hours after the interview's end that it was submitted (the demo backdates it to look lived-in). */
  submittedAfterHours: number;
  recommendation: Recommendation;
  summary: string;
  questions: DemoQuestionNotes[];
}

const IDEMPOTENT = 'Walk me through how you would design an idempotent payment-capture endpoint';
const SLOW_QUERY = 'A query that used to take 20 ms now takes 4 seconds';
const BROKE_PROD = 'Tell me about a time you shipped something that broke in production';
const TWO_WEEKS = 'Your team is asked to deliver a feature in two weeks';

const KAI = 'kai.becker@demo.scorecards.dev';
const PRIYA = 'priya.shah@demo.scorecards.dev';
const ALEX = 'alex.chen@example.com';
const MORGAN = 'morgan.lee@example.com';

export const DEMO_SCORECARDS: DemoScorecard[] = [
  {
    candidateEmail: ALEX,
    panelistEmail: KAI,
    submittedAfterHours: 2,
    recommendation: 'strong_yes',
    summary:
      'Strongest backend candidate this quarter. Designed the capture endpoint correctly without prompting (key + request hash, unique ' +
      'constraint, stored response) and debugged the slow query from the plan, not from guesses. Slightly quiet on how he would ' +
      'push back on scope, which Priya covered. Advance to onsite; I would like the system design deep dive to go into sharding.',
    questions: [
      {
        prompt: IDEMPOTENT,
        notes:
          'Started by defining it: same key and same body give the same effect and the same response, a different body with the same key ' +
          'is a 422. Stores keys in the payments DB in the same transaction as the capture, 24 h TTL swept by a job. Drew the ' +
          '"charged, then crashed before answering" case himself and answered it with the stored response replayed on retry.',
        followUps: [
          'Where do you store the idempotency key, and for how long?',
          'What happens if two retries arrive at the same moment?',
        ],
        ratings: {
          'Defines idempotency precisely': [4, 'Precise, including the same-key-different-body case.'],
          'Handles concurrent duplicates': [
            3,
            'Unique constraint on the key; needed a nudge to say what the loser of the race returns (409 vs wait).',
          ],
          'Considers failure between steps': 4,
        },
      },
      {
        prompt: SLOW_QUERY,
        notes:
          'Asked for EXPLAIN (ANALYZE, BUFFERS) first, then compared row estimates to actuals; spotted the stale statistics after a bulk ' +
          'import and the switch from index scan to seq scan. Knew a partial index would fit the status filter. For recurrence: ' +
          'p95 latency alert per endpoint and a migration checklist that includes ANALYZE after backfills.',
        followUps: ['What would you look for in the query plan?', 'How would you make sure it does not regress again?'],
        ratings: { 'Starts from evidence': 4, 'Knows index and planner basics': 4, 'Prevents recurrence': 3 },
      },
      {
        prompt: BROKE_PROD,
        notes:
          "Observed Priya's question. A config flag rollout that double-sent invoices; he rolled back himself and wrote the post-mortem.",
        followUps: [],
        ratings: { 'Owns the mistake': 3, 'Structured incident response': 3, 'Lasting improvement': 4 },
      },
      {
        prompt: TWO_WEEKS,
        notes: 'Observed. Reasonable; offered a reduced first slice but did not say who he would bring in.',
        followUps: [],
        ratings: {
          'Makes the trade-offs explicit': 3,
          'Proposes options instead of a flat no': 3,
          'Involves the right people early': 2,
        },
      },
    ],
  },
  {
    candidateEmail: ALEX,
    panelistEmail: PRIYA,
    submittedAfterHours: 5,
    recommendation: 'yes',
    summary:
      'Solid yes. Owns his incidents plainly and the fix he described (a staged rollout with a kill switch, now team standard) shows ' +
      'he changes systems, not just code. On the scope question he gave options rather than a no, but went to the PM alone; I would ' +
      'probe stakeholder handling at the onsite. Technically he was ahead of what I could test.',
    questions: [
      {
        prompt: IDEMPOTENT,
        notes: "Observed Kai's question. Clear and structured; drew the sequence diagram unprompted.",
        followUps: [],
        ratings: {
          'Defines idempotency precisely': 4,
          'Handles concurrent duplicates': 3,
          'Considers failure between steps': 3,
        },
      },
      {
        prompt: SLOW_QUERY,
        notes: 'Observed. Methodical: plan first, then statistics, then the index.',
        followUps: [],
        ratings: { 'Starts from evidence': 3, 'Knows index and planner basics': 4, 'Prevents recurrence': 3 },
      },
      {
        prompt: BROKE_PROD,
        notes:
          'Invoice service sent duplicates to ~1,800 customers after a flag flipped for everyone instead of 5%. He noticed from the ' +
          'support channel, rolled back within 20 minutes, and wrote to finance and support himself with the list of affected ' +
          'customers. Afterwards introduced percentage rollouts with an automatic kill switch on error rate; the team still uses it.',
        followUps: [
          'What did you change in how you work afterwards?',
          'How did you keep the people affected informed?',
        ],
        ratings: {
          'Owns the mistake': [4, 'Said "I skipped the staging check" without being asked.'],
          'Structured incident response': 3,
          'Lasting improvement': 4,
        },
      },
      {
        prompt: TWO_WEEKS,
        notes:
          'Would split it into a two-week slice (read-only dashboard) and the rest behind a flag; listed what he would cut (exports, ' +
          'custom ranges) and why. Went to the PM with the options, but only after committing to an estimate in his head; did not ' +
          'mention bringing design or support in.',
        followUps: ['What would you cut first, and why?'],
        ratings: {
          'Makes the trade-offs explicit': 3,
          'Proposes options instead of a flat no': 4,
          'Involves the right people early': [
            2,
            'Took the options to the PM alone; design and support heard about it afterwards.',
          ],
        },
      },
    ],
  },
  {
    candidateEmail: MORGAN,
    panelistEmail: PRIYA,
    submittedAfterHours: 3,
    recommendation: 'yes',
    summary:
      'Leaning yes. Morgan communicates very well and handled the scope question like a senior: options, costs, who to involve. The ' +
      'technical answers were correct in the end but needed prompting, most visibly on concurrent retries. I would want the debrief ' +
      "to weigh whether Kai's read of the design answer or mine is right before we decide.",
    questions: [
      {
        prompt: IDEMPOTENT,
        notes:
          'Defined idempotency as "no duplicate charges" at first; got to "same response" when I asked what the client sees on retry. ' +
          'First design was select-then-insert on the key. Only after the two-retries follow-up moved to a unique constraint with ' +
          'ON CONFLICT returning the stored result.',
        followUps: [
          'What happens if two retries arrive at the same moment?',
          'Where do you store the idempotency key, and for how long?',
        ],
        ratings: {
          'Defines idempotency precisely': 3,
          'Handles concurrent duplicates': [
            2,
            'Started with a read-then-write check; reached the constraint only after my hint.',
          ],
          'Considers failure between steps': 3,
        },
      },
      {
        prompt: SLOW_QUERY,
        notes:
          'Would look at the slow query log and EXPLAIN; mentioned missing indexes and lock contention as suspects. Did not bring up ' +
          'statistics or row estimates. Prevention was "add an index review to PRs", no monitoring.',
        followUps: ['What would you look for in the query plan?', 'How would you make sure it does not regress again?'],
        ratings: { 'Starts from evidence': 3, 'Knows index and planner basics': 3, 'Prevents recurrence': 2 },
      },
      {
        prompt: BROKE_PROD,
        notes: "Observed Kai's question. Honest about the mistake; the follow-through was thinner.",
        followUps: [],
        ratings: { 'Owns the mistake': 3, 'Structured incident response': 3, 'Lasting improvement': 2 },
      },
      {
        prompt: TWO_WEEKS,
        notes:
          'Observed. The best answer of the loop: three options with costs, and support and sales brought in on day one.',
        followUps: [],
        ratings: {
          'Makes the trade-offs explicit': 4,
          'Proposes options instead of a flat no': 3,
          'Involves the right people early': 4,
        },
      },
    ],
  },
  {
    candidateEmail: MORGAN,
    panelistEmail: KAI,
    submittedAfterHours: 20,
    recommendation: 'no',
    summary:
      'No, narrowly. The capture design ended in the right place and Morgan reasoned well about races once there. But the database ' +
      'answer stayed at "add an index", and the incident story had no lasting change behind it. For a senior role on the payments ' +
      'path I want more depth in operations. Strong on people and scope, which Priya saw more of than I did.',
    questions: [
      {
        prompt: IDEMPOTENT,
        notes:
          "Observed Priya's question. The final design (unique key, ON CONFLICT, stored response) is exactly what we run in production.",
        followUps: [],
        ratings: {
          'Defines idempotency precisely': 3,
          'Handles concurrent duplicates': [
            4,
            'The final design is correct and Morgan explained why a lock-free insert wins; the first sketch was thinking aloud.',
          ],
          'Considers failure between steps': 3,
        },
      },
      {
        prompt: SLOW_QUERY,
        notes: "Observed. Index-first thinking; no mention of the planner's estimates or of checking what changed.",
        followUps: [],
        ratings: { 'Starts from evidence': 3, 'Knows index and planner basics': 2, 'Prevents recurrence': 2 },
      },
      {
        prompt: BROKE_PROD,
        notes:
          'A migration locked the orders table for six minutes at peak. Morgan owned having run it without a lock timeout and led the ' +
          'rollback call. Updated customers through the status page. Asked what changed afterwards: "we are more careful with ' +
          'migrations" - no tooling, no checklist, no lock_timeout default.',
        followUps: [
          'What did you change in how you work afterwards?',
          'How did you keep the people affected informed?',
        ],
        ratings: {
          'Owns the mistake': 2,
          'Structured incident response': 3,
          'Lasting improvement': [2, 'Nothing concrete changed after the incident.'],
        },
      },
      {
        prompt: TWO_WEEKS,
        notes:
          'Asked what the deadline is for before answering. Offered: full scope in six weeks, a two-week slice without bulk import, or ' +
          'two weeks with a second team borrowed. Would involve support and sales on day one since they promised the date.',
        followUps: ['What would you cut first, and why?'],
        ratings: {
          'Makes the trade-offs explicit': 4,
          'Proposes options instead of a flat no': 4,
          'Involves the right people early': 3,
        },
      },
    ],
  },
];

import type { GuideJson } from '../import';

/** The demo library `npm start` loads in demo mode: written for this project, in its own words. */
export const DEMO_LIBRARY: GuideJson[] = [
  {
    format: 'scorecards.question-set',
    version: 1,
    set: {
      name: 'Backend Engineer — core loop',
      description: 'Service design, data modelling, operations and collaboration for backend engineers.',
      positionFamily: 'Backend Engineer',
      level: 'Mid-Senior',
      tags: ['backend', 'apis', 'databases'],
    },
    questions: [
      {
        type: 'technical',
        prompt: 'Walk me through how you would design an idempotent payment-capture endpoint that clients may retry.',
        followUps: [
          { prompt: 'Where do you store the idempotency key, and for how long?', checks: 'whether the candidate thinks about storage cost and expiry' },
          { prompt: 'What happens if two retries arrive at the same moment?', checks: 'understanding of races and locking' },
        ],
        criteria: [
          { label: 'Defines idempotency precisely', description: 'Same request, same effect, same response; not just "no duplicates".' },
          { label: 'Handles concurrent duplicates', description: 'Unique constraint, row lock or compare-and-set, not a read-then-write check.' },
          { label: 'Considers failure between steps', description: 'What the client sees when the process dies after charging but before answering.' },
        ],
        guidance: { whyAsked: 'Retries are everywhere in distributed systems; this shows whether the candidate designs for them from the start.' },
        competencies: ['System design', 'Reliability'],
        timeboxMinutes: 15,
      },
      {
        type: 'technical',
        prompt: 'A query that used to take 20 ms now takes 4 seconds. How do you find out why?',
        followUps: [
          { prompt: 'What would you look for in the query plan?' },
          { prompt: 'How would you make sure it does not regress again?', checks: 'whether they think about monitoring and tests, not only the fix' },
        ],
        criteria: [
          { label: 'Starts from evidence', description: 'Reads the plan and statistics before changing anything.' },
          { label: 'Knows index and planner basics' },
          { label: 'Prevents recurrence', description: 'Alerting on latency, a regression test or a migration review.' },
        ],
        guidance: {},
        competencies: ['Databases', 'Debugging'],
        timeboxMinutes: 10,
      },
      {
        type: 'behavioral',
        prompt: 'Tell me about a time you shipped something that broke in production. What happened next?',
        followUps: [
          { prompt: 'What did you change in how you work afterwards?', checks: 'learning rather than blame' },
          { prompt: 'How did you keep the people affected informed?' },
        ],
        criteria: [
          { label: 'Owns the mistake', description: 'Describes their own part plainly, without blaming others.' },
          { label: 'Structured incident response' },
          { label: 'Lasting improvement', description: 'A concrete change to tooling, process or tests.' },
        ],
        guidance: { framework: 'STAR', frameworkDescription: 'Situation, Task, Action, Result: listen for the result and what was learned.' },
        competencies: ['Ownership', 'Communication'],
        timeboxMinutes: 10,
      },
      {
        type: 'situational',
        prompt: 'Your team is asked to deliver a feature in two weeks that you believe needs six. What do you do?',
        followUps: [{ prompt: 'What would you cut first, and why?', checks: 'product sense and prioritisation' }],
        criteria: [
          { label: 'Makes the trade-offs explicit' },
          { label: 'Proposes options instead of a flat no' },
          { label: 'Involves the right people early' },
        ],
        guidance: {},
        competencies: ['Collaboration', 'Prioritisation'],
        timeboxMinutes: 10,
      },
    ],
  },
  {
    format: 'scorecards.question-set',
    version: 1,
    set: {
      name: 'Product Manager — discovery and delivery',
      description: 'How product managers find the right problem, decide, and get it shipped with a team.',
      positionFamily: 'Product Manager',
      level: 'Senior',
      tags: ['product', 'discovery'],
    },
    questions: [
      {
        type: 'technical',
        prompt: 'How would you decide whether a new onboarding flow worked, two weeks after launch?',
        followUps: [
          { prompt: 'Which metric would you refuse to use, and why?', checks: 'awareness of vanity metrics' },
          { prompt: 'What if the numbers are flat?' },
        ],
        criteria: [
          { label: 'Defines success before launch' },
          { label: 'Chooses leading and lagging indicators' },
          { label: 'Separates noise from signal', description: 'Sample size, seasonality, novelty effects.' },
        ],
        guidance: {},
        competencies: ['Analytics'],
        timeboxMinutes: 12,
      },
      {
        type: 'behavioral',
        prompt: 'Describe a time you said no to a senior stakeholder. How did it go?',
        followUps: [{ prompt: 'Looking back, would you do it the same way?', checks: 'self-reflection' }],
        criteria: [
          { label: 'Grounds the no in evidence or strategy' },
          { label: 'Keeps the relationship working' },
        ],
        guidance: { framework: 'STAR' },
        competencies: ['Stakeholder management'],
        timeboxMinutes: 10,
      },
      {
        type: 'situational',
        prompt: 'Engineering tells you the release will slip by a month, the day before a customer demo. What do you do in the next 24 hours?',
        followUps: [{ prompt: 'What do you tell the customer?' }],
        criteria: [
          { label: 'Gets the facts before reacting' },
          { label: 'Communicates early and honestly' },
          { label: 'Finds a credible plan B' },
        ],
        guidance: {},
        competencies: ['Communication', 'Delivery'],
        timeboxMinutes: 10,
      },
    ],
  },
];

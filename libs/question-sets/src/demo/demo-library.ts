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
          {
            prompt: 'Where do you store the idempotency key, and for how long?',
            checks: 'whether the candidate thinks about storage cost and expiry',
          },
          {
            prompt: 'What happens if two retries arrive at the same moment?',
            checks: 'understanding of races and locking',
          },
        ],
        criteria: [
          {
            label: 'Defines idempotency precisely',
            description: 'Same request, same effect, same response; not just "no duplicates".',
          },
          {
            label: 'Handles concurrent duplicates',
            description: 'Unique constraint, row lock or compare-and-set, not a read-then-write check.',
          },
          {
            label: 'Considers failure between steps',
            description: 'What the client sees when the process dies after charging but before answering.',
          },
        ],
        guidance: {
          whyAsked:
            'Retries are everywhere in distributed systems; this shows whether the candidate designs for them from the start.',
        },
        competencies: ['System design', 'Reliability'],
        timeboxMinutes: 15,
      },
      {
        type: 'technical',
        prompt: 'A query that used to take 20 ms now takes 4 seconds. How do you find out why?',
        followUps: [
          { prompt: 'What would you look for in the query plan?' },
          {
            prompt: 'How would you make sure it does not regress again?',
            checks: 'whether they think about monitoring and tests, not only the fix',
          },
        ],
        criteria: [
          { label: 'Starts from evidence', description: 'Reads the plan and statistics before changing anything.' },
          { label: 'Knows index and planner basics' },
          {
            label: 'Prevents recurrence',
            description: 'Alerting on latency, a regression test or a migration review.',
          },
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
        guidance: {
          framework: 'STAR',
          frameworkDescription: 'Situation, Task, Action, Result: listen for the result and what was learned.',
        },
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
        criteria: [{ label: 'Grounds the no in evidence or strategy' }, { label: 'Keeps the relationship working' }],
        guidance: { framework: 'STAR' },
        competencies: ['Stakeholder management'],
        timeboxMinutes: 10,
      },
      {
        type: 'situational',
        prompt:
          'Engineering tells you the release will slip by a month, the day before a customer demo. What do you do in the next 24 hours?',
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
  // one set per question type, so the bank has something of each kind to filter on and assign
  {
    format: 'scorecards.question-set',
    version: 1,
    set: {
      name: 'Technical screen — SQL and data modelling',
      description: 'A 30-minute technical screen on relational data: modelling, constraints and reading a query plan.',
      positionFamily: 'Data Engineer',
      level: 'Mid',
      tags: ['sql', 'screen'],
    },
    questions: [
      {
        type: 'technical',
        prompt: 'Model orders, order lines and refunds so that a refund can never exceed what was paid.',
        followUps: [
          {
            prompt: 'Which rule lives in the database and which in the code?',
            checks: 'knowing what constraints can enforce',
          },
        ],
        criteria: [
          { label: 'Sound keys and relations' },
          {
            label: 'Enforces the invariant',
            description: 'A constraint, a trigger or a serialised check, not only an if in the code.',
          },
        ],
        guidance: {},
        competencies: ['Databases'],
        timeboxMinutes: 15,
      },
      {
        type: 'technical',
        prompt: 'This report query scans the whole orders table every night. How would you make it cheap?',
        followUps: [{ prompt: 'What would the index cost the writes?' }],
        criteria: [{ label: 'Reads the plan first' }, { label: 'Weighs read and write costs' }],
        guidance: {},
        competencies: ['Databases', 'Performance'],
        timeboxMinutes: 10,
      },
    ],
  },
  {
    format: 'scorecards.question-set',
    version: 1,
    set: {
      name: 'Behavioral — how we work together',
      description: 'Past behaviour on feedback, conflict and learning; for every role and level.',
      positionFamily: 'All roles',
      tags: ['values', 'collaboration'],
    },
    questions: [
      {
        type: 'behavioral',
        prompt: 'Tell me about the hardest piece of feedback you have received. What did you do with it?',
        followUps: [{ prompt: 'How do you know it changed anything?', checks: 'evidence, not intention' }],
        criteria: [{ label: 'Takes feedback without defending' }, { label: 'Shows a concrete change' }],
        guidance: { framework: 'STAR' },
        competencies: ['Growth'],
        timeboxMinutes: 10,
      },
      {
        type: 'behavioral',
        prompt: 'Describe a disagreement with a colleague about how to build something. How was it settled?',
        followUps: [{ prompt: 'What would the colleague say about it?' }],
        criteria: [{ label: 'Argues from evidence' }, { label: 'Keeps the relationship working' }],
        guidance: { framework: 'STAR' },
        competencies: ['Collaboration', 'Communication'],
        timeboxMinutes: 10,
      },
    ],
  },
  {
    format: 'scorecards.question-set',
    version: 1,
    set: {
      name: 'Situational — on call',
      description: 'What the candidate would do in incidents they have not met yet: priorities, calm, communication.',
      positionFamily: 'Engineering',
      tags: ['on-call', 'incidents'],
    },
    questions: [
      {
        type: 'situational',
        prompt:
          'You are on call; checkout errors jump to 20% at 2 a.m. and the last deploy was yours. Walk me through the first 30 minutes.',
        followUps: [{ prompt: 'When do you wake someone up?', checks: 'escalating early rather than heroically' }],
        criteria: [
          { label: 'Mitigates before diagnosing' },
          { label: 'Communicates status early' },
          { label: 'Escalates sensibly' },
        ],
        guidance: {},
        competencies: ['Reliability', 'Ownership'],
        timeboxMinutes: 10,
      },
      {
        type: 'situational',
        prompt: 'A customer reports data from another customer in their export. What do you do?',
        followUps: [{ prompt: 'Who needs to know, and in what order?' }],
        criteria: [{ label: 'Stops the leak first' }, { label: 'Involves security and legal' }],
        guidance: {},
        competencies: ['Security', 'Communication'],
        timeboxMinutes: 10,
      },
    ],
  },
];

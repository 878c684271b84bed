import type { DemoScorecard } from './demo-scorecards';

/**
 * What the panelists wrote after the "Product Manager" interviews (the Product Manager set of
 * libs/question-sets/src/demo): Taylor convinced both (she was hired), Riley convinced neither (rejected).
 */
const ONBOARDING = 'How would you decide whether a new onboarding flow worked';
const SAID_NO = 'Describe a time you said no to a senior stakeholder';
const SLIP = 'Engineering tells you the release will slip by a month';

const INES = 'interviewer@demo.scorecards.dev';
const KAI = 'kai.becker@demo.scorecards.dev';
const PRIYA = 'priya.shah@demo.scorecards.dev';
const TAYLOR = 'taylor.brooks@example.com';
const RILEY = 'riley.park@example.com';

export const DEMO_PM_SCORECARDS: DemoScorecard[] = [
  {
    candidateEmail: TAYLOR,
    panelistEmail: INES,
    submittedAfterHours: 1,
    recommendation: 'strong_yes',
    summary:
      'Clearest product thinking we have seen for this role. Set the success metric before talking about the launch, ' +
      'refused sign-ups as a vanity number, and her stakeholder story had a real cost she owned. Hire.',
    questions: [
      {
        prompt: ONBOARDING,
        notes:
          'Activation (first project shared within 7 days) as the leading indicator, 60-day retention as the lagging one. ' +
          'Would hold back 10% on the old flow and wait for enough sign-ups before reading anything.',
        followUps: ['Which metric would you refuse to use, and why?', 'What if the numbers are flat?'],
        ratings: {
          'Defines success before launch': 4,
          'Chooses leading and lagging indicators': 4,
          'Separates noise from signal': [3, 'Named sample size and novelty; seasonality only when asked.'],
        },
      },
      {
        prompt: SAID_NO,
        notes:
          'Said no to the CRO on a custom build for one deal; brought the churn data, offered a config option instead.',
        followUps: ['Looking back, would you do it the same way?'],
        ratings: { 'Grounds the no in evidence or strategy': 4, 'Keeps the relationship working': 4 },
      },
      {
        prompt: SLIP,
        notes: 'Kai asked this one. First call is to the tech lead for what is actually late, then the account owner.',
        followUps: ['What do you tell the customer?'],
        ratings: {
          'Gets the facts before reacting': 4,
          'Communicates early and honestly': 4,
          'Finds a credible plan B': 3,
        },
      },
    ],
  },
  {
    candidateEmail: TAYLOR,
    panelistEmail: KAI,
    submittedAfterHours: 3,
    recommendation: 'yes',
    summary:
      'Strong on delivery under pressure: demo the part that works, tell the customer the real date the same day. ' +
      'Her plan B cut scope rather than quality. A little optimistic on how fast engineering can re-plan.',
    questions: [
      {
        prompt: ONBOARDING,
        notes: "Observed Ines' question; agreed with her metric choice, holdout group was her own idea.",
        followUps: [],
        ratings: {
          'Defines success before launch': 4,
          'Chooses leading and lagging indicators': 3,
          'Separates noise from signal': 3,
        },
      },
      {
        prompt: SAID_NO,
        notes: 'Good example, evidence first; still works with that CRO.',
        followUps: [],
        ratings: { 'Grounds the no in evidence or strategy': 4, 'Keeps the relationship working': 3 },
      },
      {
        prompt: SLIP,
        notes:
          'Gets the facts from the tech lead before anyone else, tells the customer that evening, demos the finished ' +
          'slice with the rest on a dated roadmap. Plan B assumed a re-plan in a day; I would give it three.',
        followUps: ['What do you tell the customer?'],
        ratings: {
          'Gets the facts before reacting': 4,
          'Communicates early and honestly': 4,
          'Finds a credible plan B': [3, 'Credible, if optimistic on the re-plan.'],
        },
      },
    ],
  },
  {
    candidateEmail: RILEY,
    panelistEmail: PRIYA,
    submittedAfterHours: 2,
    recommendation: 'no',
    summary:
      'Articulate and well prepared, but every answer stayed at the level of frameworks. No metric defined before ' +
      'launch, and the stakeholder story ended with the stakeholder getting what they asked for. Not yet.',
    questions: [
      {
        prompt: ONBOARDING,
        notes: 'Listed many metrics (sign-ups, NPS, time on page) without choosing one or saying what success is.',
        followUps: ['Which metric would you refuse to use, and why?'],
        ratings: {
          'Defines success before launch': [1, 'No success criterion until the end, when prompted.'],
          'Chooses leading and lagging indicators': 2,
          'Separates noise from signal': 2,
        },
      },
      {
        prompt: SAID_NO,
        notes: 'The example was a client project where the no became a yes with a change request.',
        followUps: ['Looking back, would you do it the same way?'],
        ratings: { 'Grounds the no in evidence or strategy': 2, 'Keeps the relationship working': 3 },
      },
      {
        prompt: SLIP,
        notes: 'Kai asked. Would postpone the demo before knowing what is late.',
        followUps: [],
        ratings: {
          'Gets the facts before reacting': 2,
          'Communicates early and honestly': 3,
          'Finds a credible plan B': 2,
        },
      },
    ],
  },
  {
    candidateEmail: RILEY,
    panelistEmail: KAI,
    submittedAfterHours: 4,
    recommendation: 'no',
    summary:
      'Agree with Priya. Good communicator, but reacted before finding out what slipped, and had no plan B beyond ' +
      'moving the date. Would be a better fit for a more junior opening later.',
    questions: [
      {
        prompt: ONBOARDING,
        notes: "Observed Priya's question. Metrics without a decision attached.",
        followUps: [],
        ratings: {
          'Defines success before launch': 2,
          'Chooses leading and lagging indicators': 2,
          'Separates noise from signal': 1,
        },
      },
      {
        prompt: SAID_NO,
        notes: 'Honest about it going badly, little reflection on why.',
        followUps: [],
        ratings: { 'Grounds the no in evidence or strategy': 2, 'Keeps the relationship working': 2 },
      },
      {
        prompt: SLIP,
        notes: 'Cancels the demo first, asks engineering afterwards; no partial demo considered.',
        followUps: ['What do you tell the customer?'],
        ratings: {
          'Gets the facts before reacting': [1, 'Postpones first, asks later.'],
          'Communicates early and honestly': 3,
          'Finds a credible plan B': 1,
        },
      },
    ],
  },
];

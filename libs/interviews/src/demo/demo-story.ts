/**
 * The demo hiring story of "Senior Backend Engineer": who is where, and when their interviews are.
 * Times are chosen inside every panelist's working hours (09:00-18:00 local, winter and summer time alike):
 * Ines is in New York, Kai in Berlin, Priya in Kolkata. New York and Kolkata share no working hour, so
 * Ines and Priya are never on one panel.
 */
export const DEMO_POSITION = 'Senior Backend Engineer';
export const DEMO_MANAGER_EMAIL = 'manager@demo.scorecards.dev';
export const DEMO_INES_EMAIL = 'interviewer@demo.scorecards.dev';
export const DEMO_KAI_EMAIL = 'kai.becker@demo.scorecards.dev';
export const DEMO_PRIYA_EMAIL = 'priya.shah@demo.scorecards.dev';

export const DEMO_CANDIDATES = {
  jordan: { name: 'Jordan Rivera', email: 'jordan.rivera@example.com', notes: 'Referred by the platform team.' },
  sam: { name: 'Sam Okafor', email: 'sam.okafor@example.com' },
  alex: {
    name: 'Alex Chen',
    email: 'alex.chen@example.com',
    notes: 'Eight years on payment systems; applied through the careers page.',
  },
  morgan: {
    name: 'Morgan Lee',
    email: 'morgan.lee@example.com',
    notes: 'Sourced by Rita; currently a backend lead at a logistics start-up.',
  },
  casey: {
    name: 'Casey Nguyen',
    email: 'casey.nguyen@example.com',
    notes: 'Applied last week; recruiter screen to be booked.',
  },
} as const;

/** The plan: competencies the set's questions are tagged with, three stages, templates per stage. */
export const DEMO_COMPETENCIES = [
  { name: 'System design', description: 'Designs services that stay correct under retries, failures and load.' },
  { name: 'Databases', description: 'Finds and fixes data-layer problems from evidence.' },
  { name: 'Ownership', description: 'Owns outcomes, including the mistakes, and leaves things better.' },
  { name: 'Communication', description: 'Keeps the right people informed, early and plainly.' },
];

/** An interview of the story: the day relative to today, the wall time in whose zone, the panel (lead first). */
export interface DemoInterview<K extends string = keyof typeof DEMO_CANDIDATES> {
  candidate: K;
  /** 'next-tuesday', or days back (moved to the Friday before when it falls on a weekend). */
  day: 'next-tuesday' | number;
  time: string;
  timezone: string;
  panel: [lead: string, second: string];
}

export const DEMO_INTERVIEWS: DemoInterview[] = [
  // 10:00 in New York = 16:00 in Berlin (15:00 in the weeks the US and Europe change clocks apart)
  {
    candidate: 'jordan',
    day: 'next-tuesday',
    time: '10:00',
    timezone: 'America/New_York',
    panel: [DEMO_INES_EMAIL, DEMO_KAI_EMAIL],
  },
  // held: 10:00 in London = 11:00 in Berlin = 15:30 in Kolkata (14:30 in summer time)
  { candidate: 'alex', day: 7, time: '10:00', timezone: 'Europe/London', panel: [DEMO_KAI_EMAIL, DEMO_PRIYA_EMAIL] },
  // held: 14:30 in Kolkata = 10:00 in Berlin (11:00 in summer time)
  { candidate: 'morgan', day: 3, time: '14:30', timezone: 'Asia/Kolkata', panel: [DEMO_PRIYA_EMAIL, DEMO_KAI_EMAIL] },
];

/**
 * The second position, "Product Manager", is further along: Taylor was hired and Riley rejected after
 * their product interviews (both scorecards in), Jamie has only applied. Its interviews are held ones, so
 * the hiring home's upcoming and waiting lists stay those of the backend story.
 */
export const DEMO_PM_POSITION = 'Product Manager';

export const DEMO_PM_CANDIDATES = {
  taylor: {
    name: 'Taylor Brooks',
    email: 'taylor.brooks@example.com',
    notes: 'Six years in B2B SaaS product; led the self-serve onboarding rebuild at her last company.',
  },
  riley: {
    name: 'Riley Park',
    email: 'riley.park@example.com',
    notes: 'Moving from consulting into product; referred by Hugo.',
  },
  jamie: {
    name: 'Jamie Alvarez',
    email: 'jamie.alvarez@example.com',
    notes: 'Applied three days ago; recruiter screen not yet booked.',
  },
} as const;

export const DEMO_PM_COMPETENCIES = [
  { name: 'Analytics', description: 'Decides with data, and knows what the data cannot say.' },
  { name: 'Stakeholder management', description: 'Says no with reasons and keeps the relationship working.' },
  { name: 'Communication', description: 'Keeps the right people informed, early and plainly.' },
  { name: 'Delivery', description: 'Gets a credible plan shipped when things slip.' },
];

export const DEMO_PM_INTERVIEWS: Array<DemoInterview<keyof typeof DEMO_PM_CANDIDATES>> = [
  // held: 10:00 in New York = 16:00 in Berlin (15:00 in the weeks the US and Europe change clocks apart)
  {
    candidate: 'taylor',
    day: 10,
    time: '10:00',
    timezone: 'America/New_York',
    panel: [DEMO_INES_EMAIL, DEMO_KAI_EMAIL],
  },
  // held: 14:30 in Kolkata = 10:00 in Berlin (11:00 in summer time)
  { candidate: 'riley', day: 5, time: '14:30', timezone: 'Asia/Kolkata', panel: [DEMO_PRIYA_EMAIL, DEMO_KAI_EMAIL] },
];

/** The calendar date (YYYY-MM-DD, UTC) of a story day, from `now`. */
export function demoDate(day: DemoInterview['day'], now: Date): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  if (day === 'next-tuesday') {
    d.setUTCDate(d.getUTCDate() + ((9 - d.getUTCDay()) % 7 || 7));
  } else {
    d.setUTCDate(d.getUTCDate() - day);
    // nobody interviews at the weekend: Saturday and Sunday become the Friday before
    if (d.getUTCDay() === 6) d.setUTCDate(d.getUTCDate() - 1);
    if (d.getUTCDay() === 0) d.setUTCDate(d.getUTCDate() - 2);
  }
  return d.toISOString().slice(0, 10);
}

import { inferType } from './infer-type';

describe('inferType', () => {
  it.each([
    ['Tell me about a time you missed a deadline.', '"Tell me about a time"'],
    ['Can you tell me about a time when you mentored someone?', '"Tell me about a time when"'],
    ['Tell me about a project you are proud of.', '"Tell me about"'],
    ['Describe a situation when you had to learn a tool quickly.', '"Describe a situation when"'],
    ['Describe a time when a launch slipped.', '"Describe a time when"'],
    ['Describe a trade-off you made under time pressure.', '"Describe a trade-off you made"'],
    ['Give me an example of a decision you made with incomplete data.', '"Give me an example of"'],
    ['Have you ever disagreed with your manager?', '"Have you ever"'],
    ['Share an example of feedback that changed how you work.', '"Share an example"'],
  ])('reads "%s" as behavioral because of %s', (prompt, reason) => {
    expect(inferType(prompt)).toEqual({ type: 'behavioral', reason });
  });

  it.each([
    ['What would you do if a teammate kept missing stand-ups?', '"What would you do if"'],
    ['How would you handle a client who rejects every design?', '"How would you handle"'],
    ['Imagine the checkout page is down on the busiest day of the year.', '"Imagine"'],
    ['Suppose your sprint is cut in half. Which stories stay?', '"Suppose"'],
    ["Let's say the CEO asks for a new dashboard by tomorrow.", `"Let's say"`],
    ['If a stakeholder asks for a metric you know is misleading, what do you say?', '"If …, what"'],
    [
      'A major customer is threatening to leave over a missing feature. How do you respond?',
      'a scenario followed by "How do you"',
    ],
    [
      'The warehouse load has been failing silently for a week. What steps do you take?',
      'a scenario followed by "What"',
    ],
  ])('reads "%s" as situational because of %s', (prompt, reason) => {
    expect(inferType(prompt)).toEqual({ type: 'situational', reason });
  });

  it.each([
    'How would you design a rate limiter for a public API?',
    'What is the difference between a process and a thread?',
    'Explain how an index speeds up a query.',
    'Describe the architecture of a system you know well.',
    // An imperative first sentence is a request, not a scenario.
    'Walk me through how you would debug a memory leak. What tools would you use?',
    'How do you choose a partition key for an event table?',
  ])('reads "%s" as technical', (prompt) => {
    expect(inferType(prompt)).toEqual({
      type: 'technical',
      reason: 'the absence of behavioral or situational wording',
    });
  });

  it('prefers behavioral wording over situational wording in the same prompt', () => {
    expect(inferType('Tell me about a time a release failed. What would you do if it happened again?').type).toBe(
      'behavioral',
    );
  });

  it('only looks at the start of a very long prompt', () => {
    expect(inferType(`${'Context. '.repeat(100)}Tell me about a time you failed.`).type).toBe('technical');
  });
});

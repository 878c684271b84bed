import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inferType } from './infer-type';
import { DEFAULT_SET_NAME, parseGuide } from './parse-guide';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
/** Line `n` (1-based) of a fixture, for asserting text that was copied over verbatim. */
const lineOf = (text: string, n: number) => text.split('\n')[n - 1];
const labels = (q: { criteria: { label: string }[] }) => q.criteria.map((c) => c.label);
const prompts = (q: { followUps: { prompt: string }[] }) => q.followUps.map((f) => f.prompt);

describe('parseGuide: sectioned guide (title, type sections, follow-ups, "what to look for")', () => {
  const text = fixture('sectioned-data-engineer.txt');
  const result = parseGuide(text);

  it('reads the title, position family and intro sentence into the set', () => {
    expect(result.set).toEqual({
      name: 'Data Engineer Interview Questions',
      description: lineOf(text, 2),
      positionFamily: 'Data Engineer',
      tags: [],
    });
  });

  it('finds every question with the type of its section', () => {
    expect(result.questions.map((q) => [q.line, q.type, q.typeInferred])).toEqual([
      [4, 'technical', false],
      [10, 'technical', false],
      [17, 'behavioral', false],
      [24, 'situational', false],
    ]);
    expect(result.report).toMatchObject({
      format: 'text',
      questions: 4,
      followUps: 8,
      criteria: 12,
      inferred: [],
      warnings: [],
    });
  });

  it('reads the follow-up lists', () => {
    expect(prompts(result.questions[0])).toEqual([
      'How would you deal with late-arriving events?',
      'What would you monitor once it is live?',
    ]);
    expect(prompts(result.questions[1])).toEqual([
      'Walk me through a model you designed from scratch.',
      'How do you version a dimension that changes over time?',
    ]);
    expect(result.questions.every((q) => q.followUps.every((f) => f.checks === undefined))).toBe(true);
  });

  it('splits each "what to look for" paragraph into criteria at its list separators', () => {
    // Oxford comma; the parenthesis keeps its commas; "and" inside the first item stays.
    expect(labels(result.questions[0])).toEqual([
      'Knowledge of batch and streaming trade-offs',
      'Idempotent loads (e.g. merge keys, dedup windows)',
      'A plan for backfills and schema drift',
    ]);
    // Semicolons win over commas.
    expect(labels(result.questions[1])).toEqual([
      'Data modelling fundamentals',
      'Awareness of query cost, storage and freshness',
      'Clear reasoning about who consumes the data',
    ]);
    // No Oxford comma: the final "and" separates the last two items.
    expect(labels(result.questions[2])).toEqual([
      'Ownership',
      'Calm communication with stakeholders',
      'A habit of adding safeguards',
    ]);
    expect(labels(result.questions[3])).toEqual([
      'Prioritisation under pressure',
      'Stakeholder updates',
      'Root-cause thinking',
    ]);
  });

  it('keeps guidance, competencies and timebox empty when the guide has none', () => {
    for (const q of result.questions) {
      expect(q.guidance).toEqual({});
      expect(q.competencies).toEqual([]);
      expect(q).not.toHaveProperty('timeboxMinutes');
    }
  });

  it('skips the trailing calls to action and reports them with their line numbers', () => {
    expect(result.report.skipped).toEqual([
      { line: 30, message: 'Skipped: "Add these questions to your Panelist workspace"' },
      { line: 31, message: 'Skipped: "Schedule interviews, share scorecards, and gather feedback…"' },
    ]);
  });

  it('reports what it recognised, line by line', () => {
    expect(result.report.recognised).toEqual(
      expect.arrayContaining([
        { line: 1, message: 'Title "Data Engineer Interview Questions"' },
        { line: 1, message: 'Position family "Data Engineer" (from the title)' },
        { line: 2, message: 'Set description' },
        { line: 3, message: 'Section "Technical Questions": type technical' },
        { line: 4, message: 'Question 1 (technical)' },
        { line: 5, message: '"Follow-up questions" (follow-ups) for question 1' },
        { line: 8, message: '"What to look for" (criteria) for question 1' },
        { line: 9, message: 'Question 1: 3 criteria' },
        { line: 16, message: 'Section "Behavioral Questions": type behavioral' },
        { line: 23, message: 'Section "Situational Questions": type situational' },
      ]),
    );
    const lines = result.report.recognised.map((r) => r.line);
    expect(lines).toEqual([...lines].sort((a, b) => a - b));
  });

  it('gives the same result for CRLF line endings', () => {
    expect(parseGuide(text.replace(/\n/g, '\r\n'))).toEqual(result);
  });

  it('gives the same questions and line numbers with old Mac CR line endings', () => {
    expect(parseGuide(text.replace(/\n/g, '\r')).questions).toEqual(result.questions);
  });
});

describe('parseGuide: single-question guide', () => {
  const text = fixture('single-question-product-designer.txt');
  const result = parseGuide(text);
  const [q] = result.questions;

  it('finds the one question and takes its type from the wording of the guide, not from inference', () => {
    expect(result.questions).toHaveLength(1);
    expect(q).toMatchObject({ line: 2, type: 'behavioral', typeInferred: false, prompt: lineOf(text, 2) });
    expect(inferType(q.prompt).type).toBe('technical');
    expect(result.report.recognised).toContainEqual({
      line: 2,
      message: 'Question 1: type behavioral stated in the text ("behavioral question")',
    });
    expect(result.report.inferred).toEqual([]);
  });

  it('reads why it is asked, the answer framework and the sample answer into guidance', () => {
    expect(q.guidance).toEqual({
      whyAsked: lineOf(text, 5),
      framework: 'STAR',
      frameworkDescription: lineOf(text, 8),
      exampleAnswer: lineOf(text, 10),
    });
    expect(result.report.recognised).toEqual(
      expect.arrayContaining([
        { line: 4, message: '"Why interviewers ask this" (why asked) for question 1' },
        { line: 6, message: '"How to structure your answer" (answer framework) for question 1' },
        { line: 7, message: 'Framework "STAR" for question 1' },
        { line: 9, message: '"Sample answer" (example answer) for question 1' },
        { line: 11, message: '"Follow-up questions to prepare for" (follow-ups) for question 1' },
      ]),
    );
  });

  it('pairs each follow-up with the sentence saying what it checks', () => {
    expect(q.followUps).toEqual([
      {
        prompt: 'How did you convince the team that the original design was the problem?',
        checks: 'whether the designer can turn observations into an argument other people accept',
      },
      {
        prompt: 'What would you have done if the test results had been inconclusive?',
        checks: 'comfort with ambiguity and knowing when more research is worth the cost',
      },
      {
        prompt: 'Which part of the redesign would you change today?',
        checks: 'self-awareness and whether the designer keeps learning after a launch',
      },
    ]);
  });

  it('skips the guide intro and the sign-up line, and warns that there are no criteria', () => {
    expect(result.set).toEqual({
      name: 'Product Designer interview question',
      positionFamily: 'Product Designer',
      tags: [],
    });
    expect(result.report).toMatchObject({ questions: 1, followUps: 3, criteria: 0 });
    expect(result.report.skipped).toEqual([
      { line: 3, message: 'Skipped: "Use this guide to see why hiring teams ask this, how to bui…"' },
      { line: 18, message: 'Skipped: "Try Panelist free for 14 days."' },
    ]);
    expect(result.report.warnings).toEqual([
      { line: 2, message: 'Question 1 has no "what to look for" criteria; add some before publishing' },
    ]);
  });
});

describe('parseGuide: numbered list with commentary and sample answers', () => {
  const text = fixture('numbered-customer-success.txt');
  const result = parseGuide(text);

  it('reads "1." and "2)" items as questions and infers their types', () => {
    expect(result.questions.map((q) => [q.line, q.type, q.typeInferred])).toEqual([
      [5, 'behavioral', true],
      [10, 'situational', true],
      [15, 'technical', true],
      [18, 'behavioral', true],
    ]);
    expect(result.report.inferred).toEqual([
      { line: 5, message: 'Question 1: type behavioral inferred from "Tell me about a time"' },
      { line: 10, message: 'Question 2: type situational inferred from "What would you do"' },
      {
        line: 15,
        message: 'Question 3: type technical inferred from the absence of behavioral or situational wording',
      },
      { line: 18, message: 'Question 4: type behavioral inferred from "Have you ever"' },
    ]);
  });

  it('keeps commentary as "why asked" (even a line ending in "?") and sample answers as example answers', () => {
    const [q1, q2, q3, q4] = result.questions;
    expect(q1.guidance).toEqual({
      whyAsked: `${lineOf(text, 6)}\n${lineOf(text, 7)}`,
      exampleAnswer: lineOf(text, 8).replace('Sample answer: ', ''),
    });
    expect(q2.guidance).toEqual({ whyAsked: lineOf(text, 11), exampleAnswer: lineOf(text, 13) });
    expect(q3.guidance).toEqual({});
    expect(q4.guidance).toEqual({ exampleAnswer: lineOf(text, 19).replace('Sample answer: ', '') });
  });

  it('reads a "Listen for" sentence as criteria', () => {
    expect(result.questions[2].criteria).toEqual([{ label: 'A repeatable system rather than gut feeling' }]);
    expect(result.report).toMatchObject({ questions: 4, followUps: 0, criteria: 1 });
  });

  it('takes the role from the title and the intro as description, skipping marketing', () => {
    expect(result.set).toEqual({
      name: lineOf(text, 1),
      description: lineOf(text, 3),
      positionFamily: 'Customer Success Manager',
      tags: [],
    });
    expect(result.report.skipped).toEqual([
      { line: 2, message: 'Skipped: "Hiring a customer success manager this quarter?"' },
      { line: 21, message: 'Skipped: "Sign up for the weekly hiring newsletter"' },
    ]);
  });

  it('warns about every question without criteria', () => {
    expect(result.report.warnings.map((w) => w.line)).toEqual([5, 10, 18]);
    expect(result.report.warnings[1].message).toBe(
      'Question 2 has no "what to look for" criteria; add some before publishing',
    );
  });
});

describe('parseGuide: questions each followed by a sentence on a strong answer', () => {
  const result = parseGuide(fixture('strong-answer-marketing-analyst.txt'));

  it('reads bulleted questions and splits the strong-answer sentences into criteria', () => {
    expect(result.questions.map((q) => [q.line, q.type])).toEqual([
      [3, 'technical'],
      [6, 'behavioral'],
      [9, 'situational'],
      [12, 'technical'],
      [14, 'technical'],
    ]);
    expect(result.questions.map(labels)).toEqual([
      ['A control group', 'The attribution window', 'How to separate correlation from causation'],
      ['The original assumption', 'The data that challenged it', 'The business result'],
      ['Prioritisation by marginal return', 'A plan to test', 'Honesty about uncertainty'],
      [],
      // No commas: one criterion, "and" and all.
      ['Precise definitions and an example of when each one misleads'],
    ]);
    expect(result.report).toMatchObject({ questions: 5, followUps: 0, criteria: 10 });
  });

  it('reports inferred types, the question without criteria and the skipped footer', () => {
    expect(result.report.inferred.map((r) => r.message)).toEqual([
      'Question 1: type technical inferred from the absence of behavioral or situational wording',
      'Question 2: type behavioral inferred from "Describe a situation when"',
      'Question 3: type situational inferred from "Suppose"',
      'Question 4: type technical inferred from the absence of behavioral or situational wording',
      'Question 5: type technical inferred from the absence of behavioral or situational wording',
    ]);
    expect(result.report.warnings).toEqual([
      { line: 12, message: 'Question 4 has no "what to look for" criteria; add some before publishing' },
    ]);
    expect(result.report.skipped).toEqual([
      { line: 17, message: 'Skipped: "Want more? Download our free analyst scorecard template."' },
    ]);
    expect(result.set).toEqual({
      name: 'Interview questions for a Marketing Analyst',
      positionFamily: 'Marketing Analyst',
      tags: [],
    });
  });
});

describe('parseGuide: layout variants', () => {
  const result = parseGuide(fixture('variants-support-engineer.txt'));
  const [q1, q2, q3, q4] = result.questions;

  it('accepts odd heading case and wording, extra blank lines and a level in the title', () => {
    expect(result.set).toEqual({
      name: 'Senior Support Engineer interview questions',
      positionFamily: 'Support Engineer',
      level: 'Senior',
      tags: [],
    });
    expect(result.questions.map((q) => [q.line, q.type, q.typeInferred])).toEqual([
      [6, 'technical', false],
      [17, 'technical', false],
      [23, 'behavioral', false],
      [32, 'situational', false],
    ]);
    expect(result.report.recognised).toEqual(
      expect.arrayContaining([
        { line: 4, message: 'Section "TECHNICAL questions:": type technical' },
        { line: 22, message: 'Section "Behavioural Interview Questions": type behavioral' },
        { line: 31, message: 'Section "Scenario-based questions": type situational' },
      ]),
    );
    expect(result.report).toMatchObject({
      questions: 4,
      followUps: 7,
      criteria: 10,
      skipped: [],
      warnings: [],
      inferred: [],
    });
  });

  it('reads "*" and "•" bullets, an inline "Follow up:" and a tab-indented list', () => {
    expect(prompts(q1)).toEqual(['What would you ask the customer for first?', 'When do you hand it to engineering?']);
    expect(q1.criteria).toEqual([
      { label: 'Structured triage', description: 'narrows the problem before escalating' },
      { label: 'Log literacy' },
      { label: 'Clear written notes for the next person' },
    ]);
    expect(prompts(q2)).toEqual(['Who should own keeping it current?']);
    expect(prompts(q3)).toEqual(['What did you say in the first minute?', 'How did you follow up afterwards?']);
    expect(prompts(q4)).toEqual(['Who do you notify?', 'What do you tell the customers who wait?']);
  });

  it('reads "What good looks like", inline "Signals:" and semicolon lists', () => {
    expect(labels(q2)).toEqual(['Explains the difference between a workaround and a fix and when each is acceptable']);
    expect(labels(q3)).toEqual(['Empathy', 'Ownership of the next step', 'No blame on other teams']);
    expect(labels(q4)).toEqual([
      'Impact-based triage (customers affected, revenue at risk)',
      'Early communication',
      'Asking for help when needed',
    ]);
  });

  it('reads timebox and competency lines', () => {
    expect(q3).toMatchObject({ timeboxMinutes: 10, competencies: ['Empathy', 'Communication'] });
    expect(result.report.recognised).toContainEqual({ line: 24, message: 'Question 3: Time: 10 min' });
  });
});

describe('parseGuide: spacing and indentation do not change what is read', () => {
  const withoutLines = (questions: { line: number }[]) => questions.map(({ line: _line, ...q }) => q);

  it.each([
    'sectioned-data-engineer.txt',
    'single-question-product-designer.txt',
    'strong-answer-marketing-analyst.txt',
    'variants-support-engineer.txt',
  ])('reads %s the same with two blank lines after every line, or every line tab-indented', (name) => {
    const text = fixture(name);
    const plain = parseGuide(text);
    const spaced = parseGuide(text.split('\n').join('\n\n\n'));
    const indented = parseGuide(text.replace(/^/gm, '\t'));
    expect(withoutLines(spaced.questions)).toEqual(withoutLines(plain.questions));
    expect(spaced.set).toEqual(plain.set);
    expect(spaced.questions[0].line).toBe(plain.questions[0].line * 3 - 2);
    expect(indented.questions).toEqual(plain.questions);
  });
});

describe('parseGuide: smaller text cases', () => {
  it('names an untitled guide from defaults, else with a generic name', () => {
    const text =
      'How do you keep a design system consistent across teams?\nLook for governance, tooling, and documentation.';
    expect(parseGuide(text, 'auto', { name: 'Design systems' }).set).toEqual({ name: 'Design systems', tags: [] });
    expect(parseGuide(text).set).toEqual({ name: DEFAULT_SET_NAME, tags: [] });
    expect(parseGuide(`UX Researcher Interview Questions\n${text}`, 'auto', { name: 'ignored' }).set.name).toBe(
      'UX Researcher Interview Questions',
    );
  });

  it('skips marketing before the title and still reads the title', () => {
    const result = parseGuide(
      'Sign up free to download this guide as a PDF\nQA Engineer Interview Questions\nHow do you decide what to automate?',
    );
    expect(result.set).toEqual({ name: 'QA Engineer Interview Questions', positionFamily: 'QA Engineer', tags: [] });
    expect(result.report.skipped).toEqual([
      { line: 1, message: 'Skipped: "Sign up free to download this guide as a PDF"' },
    ]);
  });

  it('applies a type named in the title to every question', () => {
    const result = parseGuide(
      'Product Designer Behavioral Interview Questions\n1. How do you handle critique of your work?\n2. What is your process for a new feature?',
    );
    expect(result.set.positionFamily).toBe('Product Designer');
    expect(result.questions.map((q) => [q.type, q.typeInferred])).toEqual([
      ['behavioral', false],
      ['behavioral', false],
    ]);
    expect(result.report.recognised).toContainEqual({
      line: 1,
      message: 'Type behavioral for every question (from the title)',
    });
  });

  it('joins a criteria paragraph and a question wrapped over several lines', () => {
    const result = parseGuide(
      'Technical questions\nHow would you migrate a busy table to a new schema\nwithout downtime?\nWhat to look for\nDual writes, a backfill plan,\nand a tested rollback.',
    );
    expect(result.questions[0].prompt).toBe('How would you migrate a busy table to a new schema without downtime?');
    expect(labels(result.questions[0])).toEqual(['Dual writes', 'A backfill plan', 'A tested rollback']);
  });

  it('keeps numbered follow-ups under a numbered question when they are indented', () => {
    const result = parseGuide(
      '1. What is a race condition?\nFollow-ups\n   1. How would you reproduce one?\n   2. How do you fix it?\n2. Describe a time you fixed a flaky test.\nSignals: patience, and a written record.',
    );
    expect(result.questions.map((q) => [q.line, q.followUps.length, q.criteria.length])).toEqual([
      [1, 2, 0],
      [5, 0, 2],
    ]);
  });

  it('skips a block heading that comes before any question', () => {
    const result = parseGuide('What to look for\nHow do you review a pull request?');
    expect(result.questions).toHaveLength(1);
    expect(result.report.skipped).toEqual([{ line: 1, message: 'Skipped: "What to look for"' }]);
  });

  it('reads checks written after a bulleted follow-up and indented under it', () => {
    const result = parseGuide(
      'How do you size a cache?\nFollow-up questions\n- What is your eviction policy?\n    This tests knowledge of LRU and TTLs.',
    );
    expect(result.questions[0].followUps).toEqual([
      { prompt: 'What is your eviction policy?', checks: 'knowledge of LRU and TTLs' },
    ]);
  });

  it('reads "— checks:" written on the follow-up line itself', () => {
    const result = parseGuide(
      'How do you size a cache?\nFollow-up questions\n- What is your eviction policy? — checks: knowledge of LRU',
    );
    expect(result.questions[0].followUps).toEqual([
      { prompt: 'What is your eviction policy?', checks: 'knowledge of LRU' },
    ]);
  });

  it('takes a type stated as "situational question" in the commentary', () => {
    const result = parseGuide(
      'How do you prioritise bugs?\nWhy it is asked: this situational question shows judgement.',
    );
    expect(result.questions[0]).toMatchObject({
      type: 'situational',
      typeInferred: false,
      guidance: { whyAsked: 'this situational question shows judgement.' },
    });
  });

  it('reads an explicit markdown format on a plain-text guide the same way', () => {
    const text = fixture('sectioned-data-engineer.txt');
    const asMarkdown = parseGuide(text, 'markdown');
    expect(asMarkdown.report.format).toBe('markdown');
    expect(asMarkdown.questions).toEqual(parseGuide(text).questions);
  });

  it('flags a line with undecodable characters but still imports the guide', () => {
    const result = parseGuide('Data Engineer Interview Questions\nHow do you model caf\uFFFD orders?');
    expect(result.questions).toHaveLength(1);
    expect(result.report.warnings).toContainEqual({
      line: 2,
      message: 'Line 2 has characters that could not be decoded (shown as �); check the text',
    });
  });
});

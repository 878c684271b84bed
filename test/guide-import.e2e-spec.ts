import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TestApp } from './support/test-app';

const RECRUITER = 'rhea@example.com';
const fixture = (name: string) =>
  readFileSync(join(__dirname, '../libs/question-sets/src/import/fixtures', name), 'utf8');

interface StoredQuestion {
  type: string;
  prompt: string;
  guidance: { whyAsked?: string; exampleAnswer?: string };
}

/** Interview-prep articles as recruiters paste them from the web (issue 16), through the import endpoint. */
describe('guide import: web articles', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start('guide_import');
    await t.createUser(RECRUITER, ['recruiter']);
  });
  afterAll(() => t?.close());

  const importGuide = (content: string) => t.post('/api/v1/question-sets/import', { content }, RECRUITER);

  it('stores one question per listed question, with the explanation as "why asked" and the sample answer as the example', async () => {
    const res = await importGuide(fixture('article-customer-success.md'));
    expect(res.status).toBe(201);
    const { set, report } = res.body;
    expect(set).toMatchObject({
      status: 'draft',
      name: '6 Customer Success Manager Interview Questions (With Sample Answers)',
      questionCount: 4,
    });
    expect(set.questions.map((q: StoredQuestion) => [q.type, q.prompt])).toEqual([
      ['technical', 'Why do you want to work in customer success?'],
      ['technical', 'How do you handle a customer who wants to cancel?'],
      ['behavioral', 'Tell me about a time you turned around an unhappy account.'],
      ['technical', 'How do you prioritise a book of 80 accounts?'],
    ]);
    const [q1, q2, q3, q4] = set.questions as StoredQuestion[];
    expect(q1.guidance.whyAsked).toBe(
      'Interviewers ask this to learn what draws you to the role and whether you understand that\ncustomer success is about outcomes, not just support tickets.',
    );
    expect(q1.guidance.exampleAnswer).toMatch(/^"I enjoy the long game\./);
    expect(q2.guidance.exampleAnswer).toMatch(/^First I listen and ask what outcome they expected/);
    expect(q3.guidance.exampleAnswer).toMatch(/^A logistics customer had filed nine tickets/);
    expect(q4.guidance).toEqual({
      whyAsked: 'Employers want to know that you can organise your time and focus where it matters.',
      exampleAnswer:
        'I segment by renewal date and health score, then spend most of my week on\nat-risk accounts up for renewal this quarter.',
    });
    expect(report).toMatchObject({ format: 'markdown', questions: 4 });
    expect(report.skipped.map((s: { line: number; message: string }) => [s.line, s.message])).toEqual([
      [
        45,
        'Skipped section "How to get an interview for a customer success role" (lines 45–52): not about the interview questions',
      ],
      [54, 'Skipped section "Resume tips" (lines 54–57): not about the interview questions'],
      [59, 'Skipped section "Related articles" (lines 59–62): not about the interview questions'],
    ]);
  });

  it('keeps fenced code in a sample answer and reports a table, from a text/markdown body', async () => {
    const res = await t.request('POST', '/api/v1/question-sets/import', {
      as: RECRUITER,
      raw: fixture('article-data-analyst.md'),
      headers: { 'content-type': 'text/markdown' },
    });
    expect(res.status).toBe(201);
    const questions = res.body.set.questions as StoredQuestion[];
    expect(questions.map((q) => q.prompt)).toEqual([
      'What is the difference between a LEFT JOIN and an INNER JOIN?',
      'How do you deal with missing values in a dataset?',
      'Describe a dashboard you built that changed a decision.',
    ]);
    expect(questions[0].guidance.exampleAnswer).toContain('```sql\n# not a heading');
    expect(res.body.report.skipped.map((s: { line: number }) => s.line)).toEqual([36, 46]);
    expect(res.body.report.skipped[0].message).toBe(
      'Skipped: table (lines 36–39); tables are not imported, write its content as text',
    );
  });

  it('imports the plain-text and bold-line variants once per question', async () => {
    const plain = await importGuide(fixture('article-plain-sales.txt'));
    expect(plain.status).toBe(201);
    expect(plain.body.set.questions.map((q: StoredQuestion) => q.guidance.exampleAnswer?.slice(0, 20))).toEqual([
      'I like solving probl',
      'I note why the prosp',
      'I closed a 120,000 d',
      'Before I tell you ab',
    ]);
    expect(plain.body.report.skipped.map((s: { line: number }) => s.line)).toEqual([24, 28, 32]);
    const bold = await importGuide(fixture('article-bold-product-manager.md'));
    expect(bold.status).toBe(201);
    expect(bold.body.set.questionCount).toBe(3);
    expect(bold.body.report.skipped.map((s: { line: number }) => s.line)).toEqual([24, 28]);
  });

  it('cuts an overlong prompt and sample answer instead of failing the import, and says so', async () => {
    const longPrompt = `How would you ${'really '.repeat(400)}scale this?`;
    const longAnswer = 'lorem '.repeat(3000);
    const res = await importGuide(
      `# Scaling Interview Questions\n\n## 1. ${longPrompt}\n\nSample answer: ${longAnswer}\n\n## 2. What is a queue?\n`,
    );
    expect(res.status).toBe(201);
    const [q1, q2] = res.body.set.questions as StoredQuestion[];
    expect(q1.prompt).toHaveLength(2000);
    expect(q1.prompt.endsWith('…')).toBe(true);
    expect(q1.guidance.exampleAnswer).toHaveLength(10000);
    expect(q2.prompt).toBe('What is a queue?');
    expect(res.body.report.warnings).toEqual(
      expect.arrayContaining([
        { line: 3, message: `Question 1 (line 3) prompt was ${longPrompt.length} characters; cut to 2000` },
        {
          line: 3,
          message: `Question 1 (line 3) example answer was ${longAnswer.trim().length} characters; cut to 10000`,
        },
      ]),
    );
  });

  it('cuts a title longer than a set name may be', async () => {
    const res = await importGuide(`# ${'Very long title '.repeat(20)}\n\n### What is a queue?\n`);
    expect(res.status).toBe(201);
    expect(res.body.set.name).toHaveLength(200);
    expect(res.body.report.warnings).toContainEqual({
      line: 1,
      message: 'The set name was 319 characters; cut to 200',
    });
  });

  it('answers 422 naming the problem when nothing in the body is usable', async () => {
    const headingsOnly = await importGuide(
      '# Interview prep\n\n## How to get an interview\n\nNetwork.\n\n## Resume tips\n\nOne page.\n',
    );
    expect(headingsOnly.status).toBe(422);
    expect(headingsOnly.body.message).toBe('No interview questions found in the guide.');
    const junk = await importGuide(
      Buffer.from(Array.from({ length: 2048 }, (_, i) => ((i * 89) % 255) + 1)).toString('latin1'),
    );
    expect(junk.status).toBe(422);
    expect(junk.body.message).toMatch(/binary data/);
  });
});

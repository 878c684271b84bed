import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GuideFormatError } from './guide-error';
import { MAX_QUESTIONS, MAX_TEXT } from './limits';
import { parseGuide } from './parse-guide';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const prompts = (result: ReturnType<typeof parseGuide>) => result.questions.map((q) => q.prompt);

function errorOf(run: () => unknown): GuideFormatError {
  try {
    run();
  } catch (err) {
    if (err instanceof GuideFormatError) return err;
    throw err;
  }
  throw new Error('expected a GuideFormatError');
}

describe('parseGuide: a web article with a linked question list, "## 1." headings and job-hunting sections', () => {
  const result = parseGuide(fixture('article-customer-success.md'));

  it('imports each listed question once, in list order, at the heading that details it', () => {
    expect(result.report.format).toBe('markdown');
    expect(result.questions.map((q) => [q.line, q.prompt])).toEqual([
      [11, 'Why do you want to work in customer success?'],
      [19, 'How do you handle a customer who wants to cancel?'],
      [27, 'Tell me about a time you turned around an unhappy account.'],
      [38, 'How do you prioritise a book of 80 accounts?'],
    ]);
    expect(result.report.questions).toBe(4);
    expect(result.report.recognised).toContainEqual({ line: 6, message: 'Question 1 (listed)' });
    expect(result.report.recognised).toContainEqual({
      line: 11,
      message: 'Question 1: details of the question listed at line 6',
    });
  });

  it('keeps the explanation as "why asked" and the sample answer (plain, bold or as its own paragraph) as the example answer', () => {
    const [q1, q2, q3] = result.questions;
    expect(q1.guidance).toEqual({
      whyAsked:
        'Interviewers ask this to learn what draws you to the role and whether you understand that\ncustomer success is about outcomes, not just support tickets.',
      exampleAnswer:
        '"I enjoy the long game. In my last role I owned onboarding for twelve mid-market\ncustomers, and seeing them renew because they hit the goals we set together is what keeps me going."',
    });
    expect(q2.guidance.exampleAnswer).toMatch(/^First I listen and ask what outcome/);
    expect(q3.guidance.whyAsked).toMatch(/^Hiring managers use behavioural questions/);
    expect(q3.guidance.exampleAnswer).toMatch(
      /^A logistics customer had filed nine tickets[\s\S]*reference customer\.$/,
    );
  });

  it('skips the unrelated sections whole, sub-headings included, with their line ranges', () => {
    expect(result.report.skipped).toEqual([
      {
        line: 45,
        message:
          'Skipped section "How to get an interview for a customer success role" (lines 45–52): not about the interview questions',
      },
      { line: 54, message: 'Skipped section "Resume tips" (lines 54–57): not about the interview questions' },
      { line: 59, message: 'Skipped section "Related articles" (lines 59–62): not about the interview questions' },
    ]);
    expect(prompts(result)).not.toContain('Polish your LinkedIn profile');
  });

  it('takes the title and the intro for the set', () => {
    expect(result.set).toMatchObject({
      name: '6 Customer Success Manager Interview Questions (With Sample Answers)',
      positionFamily: 'Customer Success Manager',
    });
    expect(result.set.description).toMatch(/^Preparing for a customer success interview\?/);
  });
});

describe('parseGuide: a web article with a setext title, "1)" list, "###" headings, code and a table', () => {
  const text = fixture('article-data-analyst.md');
  const result = parseGuide(text);

  it('reads the setext title and imports each listed question once, with emphasis rendered plain', () => {
    expect(result.set.name).toBe('Data Analyst Interview Questions and Answers');
    expect(result.questions.map((q) => [q.line, q.prompt])).toEqual([
      [11, 'What is the difference between a LEFT JOIN and an INNER JOIN?'],
      [29, 'How do you deal with missing values in a dataset?'],
      [41, 'Describe a dashboard you built that changed a decision.'],
    ]);
  });

  it('keeps a fenced code block inside the example answer, its "#" line never a heading', () => {
    const answer = result.questions[0].guidance.exampleAnswer as string;
    expect(answer).toContain("```sql\n# not a heading: a comment in the candidate's notes\nSELECT c.id, o.total");
    expect(answer.endsWith('Customers without orders show up with a NULL total.')).toBe(true);
    expect(result.questions[0].guidance.whyAsked).toMatch(/^joins are the bread and butter/);
  });

  it('reads a bare "Example:" label, reports the table and the salary section as skipped', () => {
    expect(result.questions[1].guidance.exampleAnswer).toMatch(/^I first ask why the values are missing\./);
    expect(result.questions[1].guidance.exampleAnswer).not.toContain('|');
    expect(result.report.skipped).toEqual([
      { line: 36, message: 'Skipped: table (lines 36–39); tables are not imported, write its content as text' },
      { line: 46, message: 'Skipped section "Salary expectations" (lines 46–49): not about the interview questions' },
    ]);
  });
});

describe('parseGuide: a web article with bold question lines and "*Sample answer:*" / "Example:" labels', () => {
  const result = parseGuide(fixture('article-bold-product-manager.md'));

  it('reads bold numbered lines as questions', () => {
    expect(result.questions.map((q) => [q.line, q.type, q.prompt])).toEqual([
      [5, 'technical', 'How do you decide what to build next?'],
      [12, 'behavioral', 'Tell me about a product you launched that failed.'],
      [19, 'technical', 'How would you improve our mobile app?'],
    ]);
  });

  it('keeps explanations and sample answers under each', () => {
    expect(result.questions.map((q) => q.guidance)).toEqual([
      {
        whyAsked: 'Interviewers want to see a repeatable way of prioritising, not gut feeling.',
        exampleAnswer:
          'I score ideas by reach, impact, confidence and effort, then sanity-check the top\nthree with customers before committing the roadmap.',
      },
      {
        whyAsked: 'This shows whether you take ownership and learn from mistakes.',
        exampleAnswer:
          'We launched a referral feature that nobody used. I ran five customer calls, learned the\nreward was too small, and we doubled it; usage tripled within a month.',
      },
      {
        exampleAnswer:
          'I would start with the onboarding funnel, because the app store reviews mention\nsign-up friction more than anything else.',
      },
    ]);
  });

  it('skips the tips and related articles', () => {
    expect(result.report.skipped.map((s) => s.line)).toEqual([24, 28]);
  });
});

describe('parseGuide: the same article shape pasted as plain text', () => {
  const result = parseGuide(fixture('article-plain-sales.txt'));

  it('imports each listed question once, at the line that repeats and details it', () => {
    expect(result.report.format).toBe('text');
    expect(result.questions.map((q) => [q.line, q.prompt])).toEqual([
      [8, 'Why do you want to work in sales?'],
      [12, 'How do you handle rejection?'],
      [16, 'Tell me about the biggest deal you closed.'],
      [20, 'Sell me this pen.'],
    ]);
    expect(result.report.recognised).toContainEqual({
      line: 12,
      message: 'Question 2: details of the question listed at line 4',
    });
  });

  it('keeps explanations and "Sample answer:" / "Example answer:" / "Example:" paragraphs', () => {
    expect(result.questions.map((q) => q.guidance.exampleAnswer)).toEqual([
      'I like solving problems for people, and sales lets me measure how well I do it every month.',
      'I note why the prospect said no, adjust my pitch, and move on to the next call the same day.',
      'I closed a 120,000 dollar contract with a hospital group after six months, three demos and a pilot.',
      'Before I tell you about the pen, may I ask when you last signed something important?',
    ]);
    expect(result.questions[2]).toMatchObject({ type: 'behavioral', typeInferred: false });
    expect(result.questions[0].guidance.whyAsked).toBe(
      'Hiring managers ask this to see whether you are motivated by more than commission.',
    );
  });

  it('skips the job-hunting sections, the related-article titles in them included', () => {
    expect(result.report.skipped).toEqual([
      {
        line: 24,
        message: 'Skipped section "How to get an interview" (lines 24–26): not about the interview questions',
      },
      { line: 28, message: 'Skipped section "Resume tips" (lines 28–30): not about the interview questions' },
      { line: 32, message: 'Skipped section "Related articles" (lines 32–34): not about the interview questions' },
    ]);
  });
});

describe('parseGuide: an unrelated section between questions in a plain-text guide', () => {
  it('ends at the next typed section heading', () => {
    const result = parseGuide(
      [
        'Support Engineer Interview Questions',
        'Technical questions',
        'How do you debug a slow page?',
        'What to look for',
        'Profiling first.',
        'Tips for interviewers',
        'Keep it friendly.',
        'Behavioral questions',
        'Tell me about a hard customer.',
      ].join('\n'),
    );
    expect(result.questions.map((q) => [q.line, q.type])).toEqual([
      [3, 'technical'],
      [9, 'behavioral'],
    ]);
    expect(result.report.skipped).toEqual([
      { line: 6, message: 'Skipped section "Tips for interviewers" (lines 6–7): not about the interview questions' },
    ]);
  });

  it('ends at the next number of a numbered guide', () => {
    const result = parseGuide(
      '1. What is DNS?\nSample answer: names.\nInterview tips\nBreathe.\n2. What is TCP?\nSample answer: streams.',
    );
    expect(result.questions.map((q) => [q.line, q.prompt, q.guidance.exampleAnswer])).toEqual([
      [1, 'What is DNS?', 'names.'],
      [5, 'What is TCP?', 'streams.'],
    ]);
    expect(result.report.skipped.map((s) => s.line)).toEqual([3]);
  });
});

describe('parseGuide: Markdown read by markdown-it', () => {
  it('renders links, emphasis and code spans in prompts as plain text', () => {
    const result = parseGuide(
      '## 1. How would you *speed up* a [slow query](https://example.com) on `orders`?\n\nWhy we ask: indexes.',
    );
    expect(prompts(result)).toEqual(['How would you speed up a slow query on orders?']);
  });

  it('reads a setext "---" heading that ends in "?" as a question, but not a paragraph above a separator', () => {
    const result = parseGuide(
      'Guide\n=====\n\nHow do you test a queue?\n---\nSample answer: with a real broker.\n\nThis is a long closing remark.\n---\n',
    );
    expect(prompts(result)).toEqual(['How do you test a queue?']);
    expect(result.questions[0].guidance.exampleAnswer).toBe('with a real broker.\n\nThis is a long closing remark.');
  });

  it('never takes a "#" line inside a fenced block for a heading, even before any question', () => {
    const result = parseGuide(
      '# Guide\n\n```\n### Not a question?\n```\n\n### How do you roll back a deploy?\n\nExample answer:\n```\n## step 1\n```',
    );
    expect(prompts(result)).toEqual(['How do you roll back a deploy?']);
    expect(result.questions[0].guidance.exampleAnswer).toBe('```\n## step 1\n```');
    expect(result.report.skipped.map((s) => s.line)).toEqual([3, 4, 5]);
  });

  it('keeps markup in a sample answer that follows an emphasised label', () => {
    const result = parseGuide('### What is a closure?\n\n*Sample answer:* a function **with** its scope.');
    expect(result.questions[0].guidance.exampleAnswer).toBe('a function **with** its scope.');
  });
});

describe('parseGuide: hostile article input', () => {
  it('cuts a huge sample answer and says so, keeping the other questions', () => {
    const huge = 'word '.repeat(30_000);
    const result = parseGuide(
      `## 1. What is a queue?\n\nSample answer: ${huge}\n\n## 2. What is a stack?\n\nSample answer: LIFO.`,
    );
    expect(result.questions[0].guidance.exampleAnswer).toHaveLength(MAX_TEXT);
    expect(result.questions[1].guidance.exampleAnswer).toBe('LIFO.');
    expect(result.report.warnings).toContainEqual({
      line: 1,
      message: `Question 1 (line 1) example answer was ${huge.trim().length} characters; cut to ${MAX_TEXT}`,
    });
  });

  it('survives deeply nested lists and block quotes', () => {
    const nested = Array.from({ length: 1000 }, (_, i) => `${'  '.repeat(i)}- level ${i}`).join('\n');
    const quotes = `${'> '.repeat(5000)}deep`;
    const result = parseGuide(
      `# Guide\n\n## 1. How do you nest?\n\nSample answer:\n\n${nested}\n\n${quotes}\n\n## 2. Why?\n`,
    );
    expect(prompts(result)).toEqual(['How do you nest?', 'Why?']);
    // markdown-it stops at 100 levels and its innermost list would swallow "## 2. Why?" (see blocks.ts)
    expect(result.questions[0].guidance.exampleAnswer).toMatch(/^- level 0\n {2}- level 1\n/);
    expect(result.report.warnings).toContainEqual({
      line: 3,
      message: expect.stringMatching(/^Question 1 \(line 3\) example answer was \d+ characters; cut to 10000$/),
    });
  });

  it('refuses a guide of headings only, none of them a question, naming the problem', () => {
    const err = errorOf(() =>
      parseGuide('# Interview prep\n\n## How to get an interview\n\n## Resume tips\n\n## Conclusion\n'),
    );
    expect(err.message).toBe('No interview questions found in the guide.');
  });

  it('imports question headings without any text under them', () => {
    const result = parseGuide('## Why this company?\n## Why this role?\n');
    expect(prompts(result)).toEqual(['Why this company?', 'Why this role?']);
  });

  it('refuses binary junk', () => {
    const junk = Buffer.from(Array.from({ length: 8192 }, (_, i) => ((i * 89) % 255) + 1))
      .toString('latin1')
      .replace(/#/g, '');
    expect(errorOf(() => parseGuide(`## 1. Q?\n${junk}`)).message).toMatch(/^The guide looks like binary data/);
  });

  // Its speed is measured in linear-time.spec.ts; this checks what a megabyte of article yields.
  it('reads a megabyte-long article, keeping the first 500 questions and reporting the rest', () => {
    const section = (i: number) =>
      `## ${i}. How would you handle case ${i}?\n\nInterviewers ask this to see judgement.\n\nSample answer: I would look at case ${i} first.\n\n`;
    let text = '# Big Interview Questions\n\n';
    for (let i = 1; text.length < 1_000_000; i++) text += section(i);
    const result = parseGuide(text);
    expect(result.questions).toHaveLength(MAX_QUESTIONS);
    expect(result.report.skipped[0].message).toMatch(
      /^Skipped questions 501–\d+ \(from line \d+\): a set holds at most 500 questions$/,
    );
  }, 60_000);
});

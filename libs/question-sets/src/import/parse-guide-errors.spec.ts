import { GuideFormatError } from './guide-error';
import { MAX_INPUT } from './limits';
import { parseGuide } from './parse-guide';

function errorOf(run: () => unknown): GuideFormatError {
  try {
    run();
  } catch (err) {
    if (err instanceof GuideFormatError) return err;
    throw err;
  }
  throw new Error('expected a GuideFormatError');
}

const bullets = (n: number, text: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => `- ${text(i + 1)}`).join('\n');

describe('parseGuide: input that cannot be imported', () => {
  it.each([
    ['an empty string', ''],
    ['whitespace only', '  \n\t\r\n  '],
    ['a byte-order mark only', '\uFEFF'],
  ])('rejects %s', (_name, input) => {
    expect(errorOf(() => parseGuide(input)).message).toBe('The guide is empty');
  });

  it('rejects something that is not a string', () => {
    expect(errorOf(() => parseGuide(42 as unknown as string)).message).toBe('The guide must be text');
  });

  it('rejects NUL bytes, giving the line', () => {
    const err = errorOf(() => parseGuide('Data Engineer Interview Questions\nHow do you\u0000 test pipelines?'));
    expect(err.message).toBe('The guide contains NUL bytes; it looks like a binary file, not text');
    expect(err.line).toBe(2);
  });

  it('rejects binary junk decoded as UTF-8', () => {
    // Bytes 0x01-0xFF in a scrambled order: mostly invalid UTF-8, so mostly replacement characters.
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => ((i * 37) % 255) + 1));
    const err = errorOf(() => parseGuide(bytes.toString('utf8')));
    expect(err.message).toMatch(
      /^The guide looks like binary data or was not saved as UTF-8 \(\d+ of \d+ characters cannot be read\)$/,
    );
  });

  it('rejects text that is mostly replacement characters', () => {
    expect(errorOf(() => parseGuide(`${'\uFFFD'.repeat(40)}\nHow do you scale reads?`)).message).toMatch(
      /^The guide looks like binary data/,
    );
  });

  it('rejects a guide in which no question is found, listing what was skipped', () => {
    const err = errorOf(() => parseGuide('About us\nWe build hiring software.\nSign up today'));
    expect(err.message).toBe('No interview questions found in the guide.');
    expect(err.details).toEqual({ skipped: [{ line: 3, message: 'Skipped: "Sign up today"' }] });
  });

  it('rejects input over the size limit', () => {
    const err = errorOf(() => parseGuide('a'.repeat(MAX_INPUT + 1)));
    expect(err.message).toBe(`The guide is ${MAX_INPUT + 1} characters; at most ${MAX_INPUT} are allowed`);
    expect(err.details).toEqual({ limit: 'MAX_INPUT', max: MAX_INPUT, actual: MAX_INPUT + 1 });
  });
});

describe('parseGuide: parts over a limit are cut or dropped and reported, never fail the import', () => {
  const guide = (followUps: number) =>
    `Queue Engineer Interview Questions\nTechnical questions\nHow do you scale a queue?\nFollow-up questions\n${bullets(followUps, (i) => `Probe ${i}?`)}`;

  it('accepts exactly 100 follow-ups', () => {
    const result = parseGuide(guide(100));
    expect(result.report.followUps).toBe(100);
    expect(result.report.skipped).toEqual([]);
  });

  it('keeps the first 100 of 101 follow-ups, reporting the question and its line', () => {
    const result = parseGuide(guide(101));
    expect(result.questions[0].followUps).toHaveLength(100);
    expect(result.questions[0].followUps[99]).toEqual({ prompt: 'Probe 100?' });
    expect(result.report.followUps).toBe(100);
    expect(result.report.skipped).toEqual([
      { line: 3, message: 'Skipped: Question 1 (line 3) has 101 follow-ups; only the first 100 are kept' },
    ]);
  });

  it('keeps the first 100 of 101 criteria', () => {
    const result = parseGuide(`How do you scale a queue?\nWhat to look for\n${bullets(101, (i) => `Signal ${i}`)}`);
    expect(result.questions[0].criteria.map((c) => c.label).slice(-1)).toEqual(['Signal 100']);
    expect(result.report.skipped).toEqual([
      { line: 1, message: 'Skipped: Question 1 (line 1) has 101 criteria; only the first 100 are kept' },
    ]);
  });

  it('cuts a prompt over 2000 characters to 2000, ending in an ellipsis', () => {
    const result = parseGuide(`Intro question list\nHow ${'x'.repeat(2000)}?`);
    const prompt = result.questions[0].prompt;
    expect(prompt).toHaveLength(2000);
    expect(prompt.startsWith('How xxx')).toBe(true);
    expect(prompt.endsWith('x…')).toBe(true);
    expect(result.report.warnings).toContainEqual({
      line: 2,
      message: 'Question 1 (line 2) prompt was 2005 characters; cut to 2000',
    });
  });

  it('cuts a criterion label over 300 characters', () => {
    const result = parseGuide(`How do you scale a queue?\nWhat to look for\n- ${'y'.repeat(301)}`);
    expect(result.questions[0].criteria[0].label).toBe(`${'y'.repeat(299)}…`);
    expect(result.report.warnings).toContainEqual({
      line: 1,
      message: 'Question 1 (line 1) criterion 1 label was 301 characters; cut to 300',
    });
  });

  it('cuts guidance over 10000 characters and keeps the rest of the question', () => {
    const result = parseGuide(
      `How do you scale a queue?\nSample answer: ${'z'.repeat(10001)}\nWhat to look for\n- Back-pressure`,
    );
    expect(result.questions[0].guidance.exampleAnswer).toHaveLength(10000);
    expect(result.questions[0].criteria).toEqual([{ label: 'Back-pressure' }]);
    expect(result.report.warnings).toEqual([
      { line: 1, message: 'Question 1 (line 1) example answer was 10001 characters; cut to 10000' },
    ]);
  });

  it('never cuts through a surrogate pair', () => {
    const result = parseGuide(`How do you scale a queue?\nSample answer: ${'z'.repeat(9998)}😀😀`);
    const answer = result.questions[0].guidance.exampleAnswer as string;
    expect(answer.endsWith('z…')).toBe(true);
    expect((answer as string & { isWellFormed(): boolean }).isWellFormed()).toBe(true);
  });

  it('keeps the first 500 of 501 questions and reports the rest as skipped', () => {
    const result = parseGuide(Array.from({ length: 501 }, (_, i) => `${i + 1}. What is pattern ${i + 1}?`).join('\n'));
    expect(result.questions).toHaveLength(500);
    expect(result.questions[499].prompt).toBe('What is pattern 500?');
    expect(result.report.skipped).toEqual([
      { line: 501, message: 'Skipped questions 501–501 (from line 501): a set holds at most 500 questions' },
    ]);
  });

  it('leaves out a timebox over a working day', () => {
    const result = parseGuide('How do you scale a queue?\nTimebox: 500 min');
    expect(result.questions[0].timeboxMinutes).toBeUndefined();
    expect(result.report.warnings).toContainEqual({
      line: 1,
      message: 'Question 1 (line 1) has a 500-minute timebox; it is left out (at most 480 minutes)',
    });
  });

  it('cuts a set name, position family and tags to what a set can store', () => {
    const result = parseGuide(
      `# ${'N'.repeat(250)}\n\n- Tags: ${'t'.repeat(60)}, ok\n- Position family: ${'p'.repeat(130)}\n\n### How do you scale a queue?`,
    );
    expect(result.set.name).toHaveLength(200);
    expect(result.set.positionFamily).toHaveLength(120);
    expect(result.set.tags).toEqual([`${'t'.repeat(49)}…`, 'ok']);
    expect(result.report.warnings.map((w) => w.message)).toEqual(
      expect.arrayContaining([
        'The set name was 250 characters; cut to 200',
        'The position family was 130 characters; cut to 120',
        'Tag 1 was 60 characters; cut to 50',
      ]),
    );
  });

  it('stays fast on pathological input near the size limit', () => {
    const inputs = [
      `Q?\nWhat to look for\na${' '.repeat(1_000_000)}b`,
      `Q?\nWhat to look for\n${'.'.repeat(1_000_000)}`,
      `Q?\nWhat to look for\n${'('.repeat(1_000_000)}`,
      `Q?${'\n'.repeat(1_000_000)}`,
      `### ${' #'.repeat(500_000)}x?`,
    ];
    const started = Date.now();
    for (const input of inputs) {
      try {
        parseGuide(input);
      } catch (err) {
        expect(err).toBeInstanceOf(GuideFormatError);
      }
    }
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});

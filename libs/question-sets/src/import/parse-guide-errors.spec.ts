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

const bullets = (n: number, text: (i: number) => string) => Array.from({ length: n }, (_, i) => `- ${text(i + 1)}`).join('\n');

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
    expect(err.message).toMatch(/^The guide looks like binary data or was not saved as UTF-8 \(\d+ of \d+ characters cannot be read\)$/);
  });

  it('rejects text that is mostly replacement characters', () => {
    expect(errorOf(() => parseGuide(`${'\uFFFD'.repeat(40)}\nHow do you scale reads?`)).message).toMatch(/^The guide looks like binary data/);
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

describe('parseGuide: limits', () => {
  const guide = (followUps: number) => `Queue Engineer Interview Questions\nTechnical questions\nHow do you scale a queue?\nFollow-up questions\n${bullets(followUps, (i) => `Probe ${i}?`)}`;

  it('accepts exactly 100 follow-ups', () => {
    expect(parseGuide(guide(100)).report.followUps).toBe(100);
  });

  it('rejects a question with 101 follow-ups, naming the question and its line', () => {
    const err = errorOf(() => parseGuide(guide(101)));
    expect(err.message).toBe('Question 1 (line 3) has 101 follow-ups; at most 100 are allowed');
    expect(err.line).toBe(3);
    expect(err.details).toEqual({ limit: 'MAX_FOLLOW_UPS', max: 100, actual: 101 });
  });

  it('rejects 101 criteria', () => {
    const text = `How do you scale a queue?\nWhat to look for\n${bullets(101, (i) => `Signal ${i}`)}`;
    expect(errorOf(() => parseGuide(text)).message).toBe('Question 1 (line 1) has 101 criteria; at most 100 are allowed');
  });

  it('rejects a prompt over 2000 characters', () => {
    const prompt = `How ${'x'.repeat(2000)}?`;
    expect(errorOf(() => parseGuide(`Intro question list\n${prompt}`)).message).toBe('Question 1 (line 2) prompt is 2005 characters; at most 2000 are allowed');
  });

  it('rejects a criterion label over 300 characters', () => {
    const text = `How do you scale a queue?\nWhat to look for\n- ${'y'.repeat(301)}`;
    expect(errorOf(() => parseGuide(text)).message).toBe('Question 1 (line 1) criterion 1 label is 301 characters; at most 300 are allowed');
  });

  it('rejects guidance over 10000 characters', () => {
    const text = `How do you scale a queue?\nSample answer: ${'z'.repeat(10001)}`;
    expect(errorOf(() => parseGuide(text)).message).toBe('Question 1 (line 1) example answer is 10001 characters; at most 10000 are allowed');
  });

  it('rejects more than 500 questions', () => {
    const text = Array.from({ length: 501 }, (_, i) => `${i + 1}. What is pattern ${i + 1}?`).join('\n');
    expect(errorOf(() => parseGuide(text)).message).toBe('The guide has 501 questions; at most 500 are allowed');
  });

  it('rejects a timebox over a working day', () => {
    expect(errorOf(() => parseGuide('How do you scale a queue?\nTimebox: 500 min')).message).toBe(
      'Question 1 (line 1) has a 500-minute timebox; at most 480 minutes are allowed',
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

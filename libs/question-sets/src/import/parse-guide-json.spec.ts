import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GuideFormatError } from './guide-error';
import { parseGuide } from './parse-guide';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

function validGuide(): Record<string, any> {
  return JSON.parse(fixture('export-security-analyst.json'));
}

function errorOf(run: () => unknown): GuideFormatError {
  try {
    run();
  } catch (err) {
    if (err instanceof GuideFormatError) return err;
    throw err;
  }
  throw new Error('expected a GuideFormatError');
}

describe('parseGuide: JSON export', () => {
  const result = parseGuide(fixture('export-security-analyst.json'));

  it('reads the set and questions exactly, with stated types', () => {
    expect(result.set).toEqual({
      name: 'Security Analyst loop',
      description: 'Screening questions for the security operations team.',
      positionFamily: 'Security Analyst',
      level: 'Mid-level',
      tags: ['security', 'soc'],
    });
    expect(result.questions).toEqual([
      {
        type: 'technical',
        prompt: 'How would you tell a phishing email from a legitimate vendor invoice?',
        followUps: [
          { prompt: 'Which headers do you check first?', checks: 'familiarity with SPF, DKIM and DMARC' },
          { prompt: 'What do you tell the person who reported it?' },
        ],
        criteria: [
          { label: 'Header analysis', description: 'Reads the Received chain and authentication results' },
          { label: 'Safe handling of attachments' },
        ],
        guidance: { whyAsked: 'Phishing triage is a daily task on this team.' },
        competencies: ['Email security'],
        timeboxMinutes: 10,
        line: 14,
        typeInferred: false,
      },
      {
        type: 'situational',
        prompt: 'An alert fires for a login from two countries within five minutes. What do you do?',
        followUps: [],
        criteria: [],
        guidance: {},
        competencies: [],
        line: 29,
        typeInferred: false,
      },
    ]);
  });

  it('reports the import', () => {
    expect(result.report).toEqual({
      format: 'json',
      questions: 2,
      followUps: 2,
      criteria: 2,
      recognised: [
        { line: 1, message: 'Scorecards JSON export (scorecards.question-set, version 1)' },
        { line: 14, message: 'Question 1 (technical)' },
        { line: 29, message: 'Question 2 (situational)' },
      ],
      inferred: [],
      skipped: [],
      warnings: [{ line: 29, message: 'Question 2 has no "what to look for" criteria; add some before publishing' }],
    });
  });

  it('accepts null optional fields and missing lists, and drops empty strings', () => {
    const guide = {
      format: 'scorecards.question-set',
      version: 1,
      set: { name: 'Minimal', description: '', level: null, tags: [] },
      questions: [
        {
          type: 'behavioral',
          prompt: 'Tell me about a time you disagreed with a teammate.',
          guidance: null,
          timeboxMinutes: null,
        },
      ],
    };
    const parsed = parseGuide(JSON.stringify(guide));
    expect(parsed.set).toEqual({ name: 'Minimal', tags: [] });
    expect(parsed.questions[0]).toEqual({
      type: 'behavioral',
      prompt: 'Tell me about a time you disagreed with a teammate.',
      followUps: [],
      criteria: [],
      guidance: {},
      competencies: [],
      line: 1,
      typeInferred: false,
    });
  });
});

describe('parseGuide: JSON of the wrong shape', () => {
  const cases: [string, (g: Record<string, any>) => unknown, string][] = [
    ['a wrong format', (g) => ({ ...g, format: 'other' }), 'format must be "scorecards.question-set"'],
    ['a wrong version', (g) => ({ ...g, version: 2 }), 'version must be 1'],
    [
      'an unknown top-level key',
      (g) => ({ ...g, extra: true }),
      'Unknown key "extra" at the top level; allowed keys are format, version, set, questions',
    ],
    ['no set', ({ set: _set, ...g }) => g, 'set must be an object'],
    ['an empty set name', (g) => ({ ...g, set: { ...g.set, name: ' ' } }), 'set.name must be a non-empty string'],
    ['tags that are not a list', (g) => ({ ...g, set: { ...g.set, tags: 'a, b' } }), 'set.tags must be an array'],
    [
      'a tag with a comma',
      (g) => ({ ...g, set: { ...g.set, tags: ['a, b'] } }),
      'set.tags[0] must not contain a comma',
    ],
    ['questions that are not a list', (g) => ({ ...g, questions: {} }), 'questions must be an array'],
    ['no questions', (g) => ({ ...g, questions: [] }), 'questions must contain at least one question'],
    ['a question that is not an object', (g) => ({ ...g, questions: ['Why?'] }), 'questions[0] must be an object'],
    [
      'an unknown type',
      (g) => ({ ...g, questions: [g.questions[0], g.questions[1], { ...g.questions[0], type: 'open' }] }),
      'questions[2].type must be one of technical, behavioral, situational',
    ],
    [
      'a blank prompt',
      (g) => ({ ...g, questions: [{ ...g.questions[0], prompt: '  ' }] }),
      'questions[0].prompt must be a non-empty string',
    ],
    [
      'a prompt that is a number',
      (g) => ({ ...g, questions: [{ ...g.questions[0], prompt: 7 }] }),
      'questions[0].prompt must be a non-empty string',
    ],
    ['a missing prompt', (g) => ({ ...g, questions: [{ type: 'technical' }] }), 'questions[0].prompt is required'],
    [
      'a criterion without label',
      (g) => ({ ...g, questions: [g.questions[0], { ...g.questions[1], criteria: [{ description: 'x' }] }] }),
      'questions[1].criteria[0].label is required',
    ],
    [
      'checks that are not text',
      (g) => ({ ...g, questions: [{ ...g.questions[0], followUps: [{ prompt: 'Why?', checks: 5 }] }] }),
      'questions[0].followUps[0].checks must be a string',
    ],
    [
      'an unknown follow-up key',
      (g) => ({ ...g, questions: [{ ...g.questions[0], followUps: [{ prompt: 'Why?', hint: 'x' }] }] }),
      'Unknown key "hint" in questions[0].followUps[0]; allowed keys are prompt, checks',
    ],
    [
      'an unknown guidance key',
      (g) => ({ ...g, questions: [{ ...g.questions[0], guidance: { tip: 'x' } }] }),
      'Unknown key "tip" in questions[0].guidance; allowed keys are whyAsked, framework, frameworkDescription, exampleAnswer',
    ],
    [
      'a fractional timebox',
      (g) => ({ ...g, questions: [{ ...g.questions[0], timeboxMinutes: 1.5 }] }),
      'questions[0].timeboxMinutes must be a whole number of minutes from 1 to 480',
    ],
    [
      'a zero timebox',
      (g) => ({ ...g, questions: [{ ...g.questions[0], timeboxMinutes: 0 }] }),
      'questions[0].timeboxMinutes must be a whole number of minutes from 1 to 480',
    ],
    [
      'a competency list with a number',
      (g) => ({ ...g, questions: [{ ...g.questions[0], competencies: ['SQL', 3] }] }),
      'questions[0].competencies[1] must be a string',
    ],
  ];

  it.each(cases)('rejects %s, naming the path', (_name, mutate, message) => {
    const err = errorOf(() => parseGuide(JSON.stringify(mutate(validGuide()), null, 2)));
    expect(err.message).toBe(message);
  });

  it('carries the offending path in the error details', () => {
    const guide = validGuide();
    guide.questions[1].criteria = [{}];
    expect(errorOf(() => parseGuide(JSON.stringify(guide))).details).toEqual({
      path: 'questions[1].criteria[0].label',
    });
  });

  it('rejects a bare array when JSON is asked for', () => {
    const err = errorOf(() => parseGuide(JSON.stringify(validGuide().questions), 'json'));
    expect(err.message).toBe('The JSON must be an object with "format", "version", "set" and "questions"');
  });

  it('reports invalid JSON with its line when JSON is asked for', () => {
    const err = errorOf(() => parseGuide('{\n  "format": "scorecards.question-set",\n  "version": 1,\n}', 'json'));
    expect(err.message).toMatch(/^The guide is not valid JSON: /);
    expect(err.line).toBe(4);
  });

  it('falls back to text for "{" input that is not JSON, and says so when nothing is found', () => {
    const err = errorOf(() => parseGuide('{ "format": "scorecards.question-set", '));
    expect(err.message).toMatch(
      /^No interview questions found in the guide\. The input starts with "\{" but is not valid JSON: /,
    );
  });

  it('applies the limits to JSON, naming the question by its index', () => {
    const guide = validGuide();
    guide.questions[1].followUps = Array.from({ length: 101 }, (_, i) => ({ prompt: `Follow-up ${i + 1}?` }));
    expect(errorOf(() => parseGuide(JSON.stringify(guide))).message).toBe(
      'questions[1] has 101 follow-ups; at most 100 are allowed',
    );
  });

  it('refuses a JSON set name longer than a set can store, rather than cutting a file we wrote', () => {
    const guide = validGuide();
    guide.set.name = 'N'.repeat(201);
    const err = errorOf(() => parseGuide(JSON.stringify(guide)));
    expect(err.message).toBe('The set name is 201 characters; at most 200 are allowed');
    expect(err.details).toEqual({ limit: 'MAX_SET_NAME', max: 200, actual: 201 });
  });
});

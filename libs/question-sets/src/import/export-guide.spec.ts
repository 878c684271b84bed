import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderMarkdown, toJsonExport } from './export-guide';
import type { ParsedQuestion, QuestionDraft, SetDraft } from './guide.types';
import { parseGuide } from './parse-guide';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');
const drafts = (questions: ParsedQuestion[]): QuestionDraft[] =>
  questions.map(({ line: _line, typeInferred: _inferred, ...q }) => q);

const set: SetDraft & { version: number } = {
  name: 'Backend Engineer loop',
  description: 'Questions for the API team.',
  positionFamily: 'Backend Engineer',
  level: 'Senior',
  tags: ['api', 'databases'],
  version: 3,
};

const questions: QuestionDraft[] = [
  {
    type: 'technical',
    prompt: 'How would you design pagination for a large table?',
    followUps: [
      { prompt: 'What breaks with offset pagination?', checks: 'awareness of deep-page cost' },
      { prompt: 'How do clients resume?' },
    ],
    criteria: [
      { label: 'Cursor-based design', description: 'stable ordering key' },
      { label: 'Performance awareness' },
    ],
    guidance: { whyAsked: 'Every list endpoint needs it.' },
    competencies: ['System design', 'Communication'],
    timeboxMinutes: 10,
  },
  {
    type: 'behavioral',
    prompt: 'Tell me about a time you reverted a release.',
    followUps: [],
    criteria: [{ label: 'Ownership' }],
    guidance: {
      framework: 'STAR',
      frameworkDescription: 'Situation, task, action, result.',
      exampleAnswer: 'We shipped a migration that locked a table.\n\nI rolled it back within ten minutes.',
    },
    competencies: [],
  },
];

describe('renderMarkdown', () => {
  it('writes a readable guide with metadata, type sections and labelled blocks', () => {
    expect(renderMarkdown(set, questions)).toBe(
      [
        '<!-- Exported from Scorecards (scorecards.question-set v1). Edit it freely and import it again. -->',
        '# Backend Engineer loop',
        '',
        'Questions for the API team.',
        '',
        '- Position family: Backend Engineer',
        '- Level: Senior',
        '- Tags: api, databases',
        '- Version: 3',
        '',
        '## Technical questions',
        '',
        '### 1. How would you design pagination for a large table?',
        '_Timebox: 10 min_ · _Competencies: System design, Communication_',
        '',
        '**Follow-up questions**',
        '- What breaks with offset pagination? — checks: awareness of deep-page cost',
        '- How do clients resume?',
        '',
        '**What to look for**',
        '- Cursor-based design: stable ordering key',
        '- Performance awareness',
        '',
        '**Why we ask**',
        'Every list endpoint needs it.',
        '',
        '## Behavioral questions',
        '',
        '### 2. Tell me about a time you reverted a release.',
        '',
        '**What to look for**',
        '- Ownership',
        '',
        '**Answer framework: STAR**',
        'Situation, task, action, result.',
        '',
        '**Example of a strong answer**',
        'We shipped a migration that locked a table.',
        '',
        'I rolled it back within ten minutes.',
        '',
      ].join('\n'),
    );
  });

  it('keeps question order by repeating a section when types interleave', () => {
    const mixed = [questions[0], questions[1], { ...questions[0], prompt: 'What is a covering index?' }];
    const md = renderMarkdown({ name: 'Mixed', tags: [] }, mixed);
    expect(md.match(/^## .*$/gm)).toEqual([
      '## Technical questions',
      '## Behavioral questions',
      '## Technical questions',
    ]);
    expect(md).toContain('### 3. What is a covering index?');
  });

  it('escapes prose lines that would otherwise read as structure', () => {
    const md = renderMarkdown({ name: 'Escapes', description: '- Level: not metadata', tags: [] }, [
      { ...questions[1], guidance: { whyAsked: '# not a heading\n**What to look for**' } },
    ]);
    expect(md).toContain('\\- Level: not metadata');
    expect(md).toContain('**Why we ask**\n\\# not a heading\n\\**What to look for**');
  });
});

describe('toJsonExport', () => {
  it('writes the GuideJson shape, omitting empty optional fields and import-only fields', () => {
    const parsed: ParsedQuestion = {
      ...questions[1],
      guidance: { whyAsked: '  ', framework: 'STAR' },
      line: 12,
      typeInferred: true,
    };
    expect(toJsonExport({ ...set, description: '', level: undefined }, [parsed])).toEqual({
      format: 'scorecards.question-set',
      version: 1,
      set: { name: 'Backend Engineer loop', positionFamily: 'Backend Engineer', tags: ['api', 'databases'] },
      questions: [
        {
          type: 'behavioral',
          prompt: 'Tell me about a time you reverted a release.',
          followUps: [],
          criteria: [{ label: 'Ownership' }],
          guidance: { framework: 'STAR' },
          competencies: [],
        },
      ],
    });
  });
});

describe('round trips', () => {
  const { version: _version, ...plainSet } = set;

  it('parses rendered Markdown back to an equal set and equal questions', () => {
    const result = parseGuide(renderMarkdown(set, questions));
    expect(result.set).toEqual(plainSet);
    expect(drafts(result.questions)).toEqual(questions);
    expect(result.report).toMatchObject({ format: 'markdown', inferred: [], skipped: [], warnings: [] });
    expect(result.report.recognised[0]).toEqual({ line: 1, message: 'Scorecards export: read as written' });
    expect(result.report.recognised).toContainEqual({ line: 9, message: 'Version 3 (informational, not imported)' });
  });

  it('parses the JSON export back to an equal set and equal questions', () => {
    const result = parseGuide(JSON.stringify(toJsonExport(set, questions)));
    expect(result.set).toEqual(plainSet);
    expect(drafts(result.questions)).toEqual(questions);
    expect(result.report.format).toBe('json');
  });

  it.each([
    'sectioned-data-engineer.txt',
    'single-question-product-designer.txt',
    'numbered-customer-success.txt',
    'strong-answer-marketing-analyst.txt',
    'variants-support-engineer.txt',
    'handwritten-analytics-engineer.md',
    'list-style-platform-engineer.md',
    'export-security-analyst.json',
  ])('round-trips what was imported from %s through Markdown and JSON', (name) => {
    const imported = parseGuide(fixture(name));
    const qs = drafts(imported.questions);
    for (const exported of [
      renderMarkdown(imported.set, qs),
      JSON.stringify(toJsonExport(imported.set, qs), null, 2),
    ]) {
      const again = parseGuide(exported);
      expect(again.set).toEqual(imported.set);
      expect(drafts(again.questions)).toEqual(qs);
      expect(again.questions.every((q) => !q.typeInferred)).toBe(true);
    }
  });

  it('round-trips content that looks like Markdown structure, marketing or guide headings', () => {
    const tricky: SetDraft = {
      name: 'Data Engineer Interview Questions',
      description:
        '- Level: fake\n# not a heading\n\n**bold line**\n---\n\\backslash\n_underscored_\n<!-- comment -->\nUse these questions in your tool',
      tags: ['etl', 'b c'],
    };
    const trickyQuestions: QuestionDraft[] = [
      {
        type: 'technical',
        prompt: 'Technical questions',
        followUps: [{ prompt: 'Why? (checks: none)' }, { prompt: 'This checks nothing', checks: 'a — b' }],
        criteria: [
          { label: 'Trade-offs: speed', description: 'x: y' },
          { label: '**Bold**' },
          { label: 'A — B' },
          { label: 'Ends with colon:' },
        ],
        guidance: {
          whyAsked:
            '# hash\n**Example of a strong answer**\n  indented line\n\nthird paragraph\n---\nSign up free today',
          framework: 'STAR',
          exampleAnswer: '- list item\n1. numbered\n### 9. Fake question?\nWhat would you do?',
        },
        competencies: ['Design', 'C#'],
        timeboxMinutes: 5,
      },
      {
        type: 'situational',
        prompt: 'Prompt with trailing hashes ##',
        followUps: [],
        criteria: [],
        guidance: { frameworkDescription: 'Short' },
        competencies: [],
      },
      {
        type: 'behavioral',
        prompt: '1. A prompt that starts with a number',
        followUps: [],
        criteria: [],
        guidance: { whyAsked: '\\# already escaped' },
        competencies: [],
      },
    ];
    const fromMarkdown = parseGuide(renderMarkdown(tricky, trickyQuestions));
    expect(fromMarkdown.set).toEqual(tricky);
    expect(drafts(fromMarkdown.questions)).toEqual(trickyQuestions);
    const fromJson = parseGuide(JSON.stringify(toJsonExport(tricky, trickyQuestions)));
    expect(fromJson.set).toEqual(tricky);
    expect(drafts(fromJson.questions)).toEqual(trickyQuestions);
  });

  it('picks up a criterion a person added to the exported Markdown', () => {
    const edited = renderMarkdown(set, questions).replace(
      '- Ownership\n',
      '- Ownership\n- Learning: names what changed afterwards\n',
    );
    expect(parseGuide(edited).questions[1].criteria).toEqual([
      { label: 'Ownership' },
      { label: 'Learning', description: 'names what changed afterwards' },
    ]);
  });
});

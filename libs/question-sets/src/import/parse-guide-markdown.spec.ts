import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseGuide } from './parse-guide';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

describe('parseGuide: hand-written Markdown', () => {
  const result = parseGuide(fixture('handwritten-analytics-engineer.md'));
  const [q1, q2] = result.questions;

  it('detects Markdown and reads the title, description and metadata list', () => {
    expect(result.report.format).toBe('markdown');
    expect(result.set).toEqual({
      name: 'Senior Analytics Engineer Interview Guide',
      description:
        'Questions we use for the analytics engineering loop. Each one lists what a strong answer sounds like.',
      positionFamily: 'Analytics Engineer',
      level: 'Senior',
      tags: ['sql', 'data modelling'],
    });
  });

  it('reads "###" question headings ("Q1:" numbering or none) with the type of their "##" section', () => {
    expect(result.questions.map((q) => [q.line, q.type, q.typeInferred, q.prompt])).toEqual([
      [10, 'technical', false, 'How would you test a dbt model that feeds the revenue dashboard?'],
      [25, 'behavioral', false, 'Tell me about a time you pushed back on a metric definition.'],
    ]);
    expect(result.report).toMatchObject({ questions: 2, followUps: 2, criteria: 5, inferred: [], warnings: [] });
  });

  it('reads the meta line, bold labels with inline text, numbered follow-ups and a "####" label', () => {
    expect(q1).toMatchObject({ timeboxMinutes: 15, competencies: ['Testing', 'SQL'] });
    expect(q1.followUps).toEqual([
      { prompt: 'Which tests would run on every pull request?' },
      { prompt: 'How do you test a model whose source data changes daily?' },
    ]);
    expect(q1.criteria).toEqual([
      { label: 'Schema tests' },
      { label: 'Reconciliation against a trusted source' },
      { label: 'Alerting that reaches a human' },
    ]);
    expect(q1.guidance).toEqual({
      whyAsked:
        'Broken revenue numbers cost trust quickly.\nInterviewers want to hear testing treated as part of modelling.',
    });
  });

  it('reads "label: description" criteria and an inline sample answer', () => {
    expect(q2.criteria).toEqual([
      { label: 'Curiosity', description: 'asked what decision the metric supports' },
      { label: 'Diplomacy' },
    ]);
    expect(q2.guidance).toEqual({
      exampleAnswer:
        'I asked the product lead what decision the metric would drive, showed two definitions side by side, and we agreed on the one that matched the decision.',
    });
  });

  it('skips an untyped section after the questions and reports it', () => {
    expect(result.report.recognised).toContainEqual({ line: 35, message: 'Section "About Panelist": no type stated' });
    expect(result.report.skipped).toEqual([
      { line: 36, message: 'Skipped: "Panelist helps teams run fair interviews. Book a demo today."' },
    ]);
  });
});

describe('parseGuide: list-shaped Markdown', () => {
  const result = parseGuide(fixture('list-style-platform-engineer.md'));

  it('reads numbered questions with nested follow-up bullets and a bold inline criteria label', () => {
    expect(result.report.format).toBe('markdown');
    expect(result.set).toEqual({ name: 'Platform Engineer questions', positionFamily: 'Platform Engineer', tags: [] });
    expect(result.questions.map((q) => [q.line, q.type, q.followUps.length, q.criteria.length])).toEqual([
      [5, 'technical', 2, 3],
      [11, 'technical', 0, 0],
    ]);
    expect(result.questions[0].criteria.map((c) => c.label)).toEqual([
      'Staged rollout',
      'Tested rollback',
      'Clear communication',
    ]);
    expect(result.report.warnings).toEqual([
      { line: 11, message: 'Question 2 has no "what to look for" criteria; add some before publishing' },
    ]);
  });
});

describe('parseGuide: Markdown variants', () => {
  const text = [
    '# Hiring guide',
    '',
    '## 1. How do you onboard a new client?',
    'Follow-up questions:',
    '- What goes in the kickoff deck?',
    'What to look for:',
    'Clear milestones, named owners.',
    '',
    '## Imagine a client misses two deadlines in a row?',
    '__Why we ask__:',
    'Tests judgement.',
    '__How to structure your answer__',
    'CAR',
    'Context, action, result.',
  ].join('\n');
  const result = parseGuide(text);

  it('reads "##" question headings outside type sections and infers their types', () => {
    expect(result.questions.map((q) => [q.line, q.type, q.typeInferred])).toEqual([
      [3, 'technical', true],
      [9, 'situational', true],
    ]);
    expect(result.report.inferred).toEqual([
      { line: 3, message: 'Question 1: type technical inferred from the absence of behavioral or situational wording' },
      { line: 9, message: 'Question 2: type situational inferred from "Imagine"' },
    ]);
  });

  it('reads plain-line labels, "__bold__" labels and a framework name on its own line', () => {
    const [q1, q2] = result.questions;
    expect(q1.followUps).toEqual([{ prompt: 'What goes in the kickoff deck?' }]);
    expect(q1.criteria).toEqual([{ label: 'Clear milestones' }, { label: 'Named owners' }]);
    expect(q2.guidance).toEqual({
      whyAsked: 'Tests judgement.',
      framework: 'CAR',
      frameworkDescription: 'Context, action, result.',
    });
  });

  it('is read literally as text when text is asked for', () => {
    const asText = parseGuide(text, 'text');
    expect(asText.report.format).toBe('text');
    expect(asText.set.name).toBe('# Hiring guide');
    expect(asText.questions[0].prompt).toBe('## 1. How do you onboard a new client?');
  });
});

import { parseCriterionItem, parseFollowUpItem, splitCriteria } from './criteria';

describe('splitCriteria', () => {
  it.each([
    [
      'Understanding of X, Y algorithms, and trade-offs between A and B.',
      ['Understanding of X', 'Y algorithms', 'Trade-offs between A and B'],
    ],
    [
      'Clear structure, good judgement and honest reflection',
      ['Clear structure', 'Good judgement', 'Honest reflection'],
    ],
    ['A, B and trade-offs between C and D', ['A', 'B', 'Trade-offs between C and D']],
    [
      'Curiosity; precise language, not jargon; and follow-through.',
      ['Curiosity', 'Precise language, not jargon', 'Follow-through'],
    ],
    ['Tools (dbt, Airflow, or similar), testing, and docs', ['Tools (dbt, Airflow, or similar)', 'Testing', 'Docs']],
    ['Calm ownership of the outcome and a clear timeline.', ['Calm ownership of the outcome and a clear timeline']],
    ['speed, accuracy, etc.', ['Speed', 'Accuracy']],
    ['clarity, or brevity', ['Clarity', 'Brevity']],
  ])('splits "%s"', (paragraph, expected) => {
    expect(splitCriteria(paragraph)).toEqual(expected);
  });
});

describe('parseCriterionItem', () => {
  it.each([
    ['Ownership: takes responsibility', { label: 'Ownership', description: 'takes responsibility' }],
    ['Ownership — takes responsibility', { label: 'Ownership', description: 'takes responsibility' }],
    ['**Trade-offs: speed**: explains both', { label: 'Trade-offs: speed', description: 'explains both' }],
    ['\\**starred**', { label: '**starred**' }],
    ['Ends with colon:', { label: 'Ends with colon:' }],
    ['Redis/token bucket algorithms', { label: 'Redis/token bucket algorithms' }],
  ])('reads "%s"', (item, expected) => {
    expect(parseCriterionItem(item)).toEqual(expected);
  });
});

describe('parseFollowUpItem', () => {
  it('splits off "— checks:" and leaves other text alone', () => {
    expect(parseFollowUpItem('What broke? — checks: root-cause thinking')).toEqual({
      prompt: 'What broke?',
      checks: 'root-cause thinking',
    });
    expect(parseFollowUpItem('What broke - checks: x')).toEqual({ prompt: 'What broke', checks: 'x' });
    expect(parseFollowUpItem('Who checks: you or QA?')).toEqual({ prompt: 'Who checks: you or QA?' });
  });
});

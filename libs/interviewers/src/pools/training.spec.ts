import { trainingOf } from './training';

describe('trainingOf', () => {
  it.each([
    [true, 0, 2, 2, { stage: 'shadow', completed: 0, remaining: 2 }],
    [true, 1, 2, 2, { stage: 'shadow', completed: 1, remaining: 1 }],
    [true, 2, 2, 2, { stage: 'reverse_shadow', completed: 2, remaining: 2 }],
    [true, 3, 2, 2, { stage: 'reverse_shadow', completed: 3, remaining: 1 }],
    [true, 4, 2, 2, { stage: 'qualified', completed: 4, remaining: 0 }],
    [true, 9, 2, 2, { stage: 'qualified', completed: 9, remaining: 0 }],
    [true, 0, 0, 1, { stage: 'reverse_shadow', completed: 0, remaining: 1 }],
    [true, 0, 0, 0, { stage: 'qualified', completed: 0, remaining: 0 }],
    [false, 0, 2, 2, { stage: 'qualified', completed: 0, remaining: 0 }],
  ])('trainee %s with %i of %i+%i', (trainee, completed, shadows, reverse, expected) => {
    expect(trainingOf(trainee, completed, shadows, reverse)).toEqual(expected);
  });
});

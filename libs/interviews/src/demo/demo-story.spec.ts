import { demoDate } from './demo-story';

describe('demoDate', () => {
  const monday = new Date('2026-11-30T08:00:00Z');

  it('puts the upcoming interview on the next Tuesday, a week ahead when today is Tuesday', () => {
    expect(demoDate('next-tuesday', monday)).toBe('2026-12-01');
    expect(demoDate('next-tuesday', new Date('2026-12-01T23:00:00Z'))).toBe('2026-12-08');
    expect(demoDate('next-tuesday', new Date('2026-12-06T12:00:00Z'))).toBe('2026-12-08');
  });

  it('puts held interviews on weekdays: a Saturday or Sunday becomes the Friday before', () => {
    expect(demoDate(3, monday)).toBe('2026-11-27');
    expect(demoDate(7, monday)).toBe('2026-11-23');
    expect(demoDate(3, new Date('2026-12-01T08:00:00Z'))).toBe('2026-11-27'); // Saturday
    expect(demoDate(3, new Date('2026-12-02T08:00:00Z'))).toBe('2026-11-27'); // Sunday
    expect(demoDate(7, new Date('2026-12-05T08:00:00Z'))).toBe('2026-11-27'); // today Saturday
  });
});

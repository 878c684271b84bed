import { inviteFilename } from './interview-invite.service';

describe('inviteFilename', () => {
  it('names the file after the interview and the candidate', () => {
    expect(inviteFilename('Technical interview', 'Jordan Rivera')).toBe('Technical interview - Jordan Rivera.ics');
  });

  it('keeps no path, quote, control or direction-override character, and stays short', () => {
    const name = inviteFilename('../etc/passwd\r\n"x":*?<>|\u202Eevil', `Zoë ${'é'.repeat(300)}`);
    expect(name).not.toMatch(/[\\/\r\n"*?<>|:\u202e]/);
    expect(name.startsWith('.')).toBe(false);
    expect(Array.from(name).length).toBeLessThanOrEqual(104);
    expect(name.endsWith('.ics')).toBe(true);
    expect(name).toContain('Zoë');
  });

  it('falls back to a plain name when nothing usable is left', () => {
    expect(inviteFilename('\r\n', '/')).toBe('interview.ics');
    expect(inviteFilename('', '')).toBe('interview.ics');
  });
});

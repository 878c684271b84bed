import ICAL from 'ical.js';
import { isAmbiguous, localDateTime, transitions, utcStamp, vtimezone } from './timezone';

const H = 3_600_000;
const M = 60_000;

/** The sub-components of a VTIMEZONE as `KIND DTSTART FROM>TO NAME` strings. */
function rules(lines: string[]): string[] {
  const out: string[] = [];
  let current: Record<string, string> = {};
  for (const line of lines) {
    const [name, value] = [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1)];
    if (name === 'BEGIN' && value !== 'VTIMEZONE') current = {};
    else if (name === 'END' && value !== 'VTIMEZONE')
      out.push(`${value} ${current.DTSTART} ${current.TZOFFSETFROM}>${current.TZOFFSETTO} ${current.TZNAME ?? '-'}`);
    else current[name] = value;
  }
  return out;
}

describe('utcStamp', () => {
  it('formats a UTC instant as YYYYMMDDTHHMMSSZ, dropping milliseconds', () => {
    expect(utcStamp(new Date('2024-03-05T07:08:09.999Z'))).toBe('20240305T070809Z');
  });
});

describe('localDateTime', () => {
  it.each([
    ['2024-01-15T09:00:00Z', 'Europe/Berlin', '20240115T100000'],
    ['2024-07-15T09:00:00Z', 'Europe/Berlin', '20240715T110000'],
    ['2024-07-15T04:30:00Z', 'Asia/Kolkata', '20240715T100000'],
    ['2024-07-15T04:15:00Z', 'Asia/Kathmandu', '20240715T100000'],
    ['2024-01-01T04:59:59Z', 'America/New_York', '20231231T235959'],
    ['2024-10-05T15:30:00Z', 'Australia/Lord_Howe', '20241006T023000'],
    ['2024-07-15T00:00:00Z', 'UTC', '20240715T000000'],
  ])('%s in %s is %s', (instant, timezone, expected) => {
    expect(localDateTime(new Date(instant), timezone)).toBe(expected);
  });

  it('writes midnight as 00, not 24', () => {
    expect(localDateTime(new Date('2024-01-14T23:00:00Z'), 'Europe/Berlin')).toBe('20240115T000000');
  });
});

describe('transitions', () => {
  it('finds the exact instants and offsets of Berlin’s changes', () => {
    expect(transitions('Europe/Berlin', Date.UTC(2024, 0, 1), Date.UTC(2025, 0, 1))).toEqual([
      { at: Date.parse('2024-03-31T01:00:00Z'), from: 1 * H, to: 2 * H },
      { at: Date.parse('2024-10-27T01:00:00Z'), from: 2 * H, to: 1 * H },
    ]);
  });

  it('finds Lord Howe’s 30-minute changes', () => {
    expect(transitions('Australia/Lord_Howe', Date.UTC(2024, 0, 1), Date.UTC(2025, 0, 1))).toEqual([
      { at: Date.parse('2024-04-06T15:00:00Z'), from: 11 * H, to: 10 * H + 30 * M },
      { at: Date.parse('2024-10-05T15:30:00Z'), from: 10 * H + 30 * M, to: 11 * H },
    ]);
  });

  it('finds none for zones without DST', () => {
    expect(transitions('Asia/Kolkata', Date.UTC(2023, 0, 1), Date.UTC(2026, 0, 1))).toEqual([]);
    expect(transitions('Asia/Kathmandu', Date.UTC(2023, 0, 1), Date.UTC(2026, 0, 1))).toEqual([]);
  });
});

describe('vtimezone', () => {
  it('describes Berlin from the year before to the year after, one sub-component per change', () => {
    const lines = vtimezone('Europe/Berlin', new Date('2024-06-01T00:00:00Z'));
    expect(lines.slice(0, 3)).toEqual(['BEGIN:VTIMEZONE', 'TZID:Europe/Berlin', 'X-LIC-LOCATION:Europe/Berlin']);
    expect(lines.at(-1)).toBe('END:VTIMEZONE');
    expect(rules(lines)).toEqual([
      'DAYLIGHT 20230326T020000 +0100>+0200 CEST',
      'STANDARD 20231029T030000 +0200>+0100 CET',
      'DAYLIGHT 20240331T020000 +0100>+0200 CEST',
      'STANDARD 20241027T030000 +0200>+0100 CET',
      'DAYLIGHT 20250330T020000 +0100>+0200 CEST',
      'STANDARD 20251026T030000 +0200>+0100 CET',
    ]);
  });

  it('describes New York with its abbreviations', () => {
    expect(rules(vtimezone('America/New_York', new Date('2024-06-01T00:00:00Z'))).slice(2, 4)).toEqual([
      'DAYLIGHT 20240310T020000 -0500>-0400 EDT',
      'STANDARD 20241103T020000 -0400>-0500 EST',
    ]);
  });

  it('describes Lord Howe’s half-hour daylight saving', () => {
    expect(rules(vtimezone('Australia/Lord_Howe', new Date('2024-06-01T00:00:00Z'))).slice(2, 4)).toEqual([
      'STANDARD 20240407T020000 +1100>+1030 LHST',
      'DAYLIGHT 20241006T020000 +1030>+1100 LHDT',
    ]);
  });

  it('gives a zone without changes a single STANDARD since 1970', () => {
    expect(rules(vtimezone('Asia/Kolkata', new Date('2024-06-01T00:00:00Z')))).toEqual([
      'STANDARD 19700101T000000 +0530>+0530 IST',
    ]);
    expect(rules(vtimezone('Asia/Kathmandu', new Date('2024-06-01T00:00:00Z')))).toEqual([
      'STANDARD 19700101T000000 +0545>+0545 -',
    ]);
  });

  it('adds a base rule when the only change comes after the event', () => {
    expect(rules(vtimezone('Asia/Almaty', new Date('2024-01-15T09:00:00Z')))).toEqual([
      'STANDARD 19700101T000000 +0600>+0600 -',
      'STANDARD 20240301T000000 +0600>+0500 -',
    ]);
    expect(rules(vtimezone('Asia/Almaty', new Date('2024-06-15T09:00:00Z')))).toEqual([
      'STANDARD 20240301T000000 +0600>+0500 -',
    ]);
  });

  // ical.js resolves a TZID time against our definition alone, so this checks every sub-component.
  // (Only local -> UTC, the direction parsing uses: ical.js's own convertToZone is off near changes.)
  it.each([
    'Europe/Berlin',
    'America/New_York',
    'Australia/Lord_Howe',
    'Asia/Kathmandu',
    'America/Sao_Paulo',
    'Europe/Dublin',
  ])('lets ical.js map the wall time of every half hour of the year back to its instant (%s)', (timezone) => {
    const calendar = ['BEGIN:VCALENDAR', ...vtimezone(timezone, new Date('2024-06-01T00:00:00Z')), 'END:VCALENDAR'];
    const zone = new ICAL.Timezone(
      new ICAL.Component(ICAL.parse(calendar.join('\r\n'))).getFirstSubcomponent('vtimezone')!,
    );
    const mismatches: string[] = [];
    for (let t = Date.UTC(2024, 0, 1); t < Date.UTC(2025, 0, 1); t += 30 * M) {
      const instant = new Date(t);
      if (isAmbiguous(instant, timezone)) continue;
      const [, y, mo, d, h, mi, s] = /^(\d{4})(\d\d)(\d\d)T(\d\d)(\d\d)(\d\d)$/
        .exec(localDateTime(instant, timezone))!
        .map(Number);
      const time = new ICAL.Time({ year: y, month: mo, day: d, hour: h, minute: mi, second: s }, zone);
      if (time.toJSDate().getTime() !== t)
        mismatches.push(`${time.toString()} -> ${time.toJSDate().toISOString()}, not ${instant.toISOString()}`);
    }
    expect(mismatches).toEqual([]);
  });
});

describe('isAmbiguous', () => {
  it.each([
    ['2024-10-27T00:30:00Z', 'Europe/Berlin', true], // 02:30 CEST, repeated at 02:30 CET
    ['2024-10-27T01:30:00Z', 'Europe/Berlin', true], // 02:30 CET
    ['2024-10-27T01:00:00Z', 'Europe/Berlin', true], // 02:00 CET, also 02:00 CEST
    ['2024-10-27T02:00:00Z', 'Europe/Berlin', false], // 03:00 CET
    ['2024-10-26T23:59:59Z', 'Europe/Berlin', false], // 01:59:59 CEST
    ['2024-03-31T00:30:00Z', 'Europe/Berlin', false], // spring forward repeats nothing
    ['2024-04-06T14:45:00Z', 'Australia/Lord_Howe', true], // 01:45 LHDT, repeated at 01:45 LHST
    ['2024-04-06T15:35:00Z', 'Australia/Lord_Howe', false], // 02:05 LHST
    ['2024-07-15T04:30:00Z', 'Asia/Kolkata', false],
  ])('%s in %s: %s', (instant, timezone, expected) => {
    expect(isAmbiguous(new Date(instant), timezone)).toBe(expected);
  });
});

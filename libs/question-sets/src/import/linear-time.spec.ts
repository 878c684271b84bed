import { GuideFormatError } from './guide-error';
import { MAX_INPUT } from './limits';
import { isExportMarker } from './markdown/syntax';
import { parseGuide } from './parse-guide';

/**
 * Every pattern the importer runs over a pasted guide must be linear: a 1 MB guide once took
 * 34.8 s (a quadratic pattern in the Markdown detection) and blocked the event loop meanwhile.
 * Ten times the input may take about ten times as long; a quadratic pattern takes about 100 times.
 */
const SHAPES: Record<string, (n: number) => string> = {
  'a comment line repeating the export marker word': (n) =>
    `<!-- ${'scorecards.question-set '.repeat(Math.floor(n / 24))}`,
  'one line without breaks': (n) => `What do you do? ${'a'.repeat(n)}`,
  'runs of whitespace': (n) => `# Title\n1. What? ${' \t'.repeat(n / 2)}x`,
  'heading hashes and spaces': (n) => `# ${'# '.repeat(n / 2)}x`,
  'bold markers without an end': (n) => `**${'_ *'.repeat(n / 3)}`,
  'criteria separators': (n) => `1. What?\nWhat to look for:\n- ${'a — '.repeat(n / 4)}`,
  'meta parts': (n) => `1. What?\nTimebox: 10 · ${'_*'.repeat(n / 2)}x`,
  'many short questions': (n) => '1. Why?\n'.repeat(n / 8),
  'deeply nested list items': (n) =>
    `## Q?\n${Array.from({ length: n / 30 }, (_, i) => `${' '.repeat(i % 50)}- *x*`).join('\n')}`,
  'a fence never closed': (n) => `## Q?\n\n\`\`\`\n${'# x\n'.repeat(n / 4)}`,
  'listed questions detailed by headings': (n) => {
    const count = n / 60;
    const list = Array.from({ length: count }, (_, i) => `${i + 1}. Why case ${i}?`).join('\n');
    const details = Array.from({ length: count }, (_, i) => `## Why case ${i}?\nSample answer: ok.`).join('\n');
    return `# T\n\n${list}\n\n${details}`;
  },
};

/** The best of `runs` parses, in ms (a GuideFormatError is an answer too: only the time matters). */
function fastest(text: string, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    try {
      parseGuide(text);
    } catch (e) {
      if (!(e instanceof GuideFormatError)) throw e;
    }
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

describe('guide import runs in linear time', () => {
  jest.setTimeout(120_000);

  it.each(Object.keys(SHAPES))(
    '%s: 10x the input takes at most ~10x the time, and 1 MB takes seconds at most',
    (shape) => {
      const make = SHAPES[shape];
      const tSmall = fastest(make(40_000));
      const tLarge = fastest(make(400_000));
      // 40x leaves room for GC, JIT and a loaded machine (CI runs beside other suites); the quadratic
      // marker pattern measured ~100x, and took about 5 s at this size, far above the 2 s floor
      expect(tLarge).toBeLessThan(Math.max(40 * tSmall, 2000));
      const megabyte = make(1_000_000);
      expect(megabyte.length).toBeLessThanOrEqual(MAX_INPUT);
      expect(fastest(megabyte, 1)).toBeLessThan(10_000);
    },
  );

  it('still recognises the export marker, and only as a whole comment line', () => {
    expect(
      isExportMarker(
        '<!-- Exported from Scorecards (scorecards.question-set v1). Edit it freely and import it again. -->',
      ),
    ).toBe(true);
    expect(isExportMarker('  <!--scorecards.question-set-->  ')).toBe(true);
    expect(isExportMarker('<!-- scorecards.question-sets -->')).toBe(false);
    expect(isExportMarker('<!-- scorecards.question-set')).toBe(false);
    expect(isExportMarker('text <!-- scorecards.question-set -->')).toBe(false);
    expect(isExportMarker('<!-->')).toBe(false);
  });
});

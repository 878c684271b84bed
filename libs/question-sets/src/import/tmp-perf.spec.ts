import { parseGuide } from './parse-guide';
const shapes: Record<string, (n: number) => string> = {
  bold: (n) => `**${'_ *'.repeat(n / 3)}`,
  meta: (n) => `1. What?\nTimebox: 10 · ${'_*'.repeat(n / 2)}x`,
  links: (n) => `## Q?\n${'[a]('.repeat(n / 4)}`,
  nested: (n) => `## Q?\n${Array.from({ length: n / 40 }, (_, i) => ' '.repeat((i % 30) * 2) + '- item').join('\n')}`,
  quotes: (n) => `## Q?\n${'> '.repeat(n / 2)}x`,
  text: (n) => `# T\n## 1. Q?\n${'Sample answer: lorem ipsum dolor sit amet.\n'.repeat(n / 43)}`,
};
for (const [k, f] of Object.entries(shapes)) {
  const t = performance.now();
  try { parseGuide(f(1_000_000)); } catch (e) { /* */ }
  console.log(k, Math.round(performance.now() - t), 'ms');
}
it('runs', () => undefined);

const rules = new Intl.PluralRules('en-GB');

/** The word for a count: `noun(1, 'question')` is "question", `noun(0, 'question')` "questions". */
export function noun(n: number, one: string, other = `${one}s`): string {
  return rules.select(n) === 'one' ? one : other;
}

/** A count with its word: "1 question", "3 questions", "1 criterion" / "2 criteria" with `other`. */
export function plural(n: number, one: string, other = `${one}s`): string {
  return `${n} ${noun(n, one, other)}`;
}

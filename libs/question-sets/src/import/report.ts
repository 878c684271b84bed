import type { ImportFormat, ImportReport, QuestionDraft, ReportLine } from './guide.types';

const EXCERPT_CHARS = 60;

/** Collects report entries in any order; `build` sorts them by line so the report reads top to bottom. */
export class ReportBuilder {
  private readonly recognised: ReportLine[] = [];
  private readonly inferred: ReportLine[] = [];
  private readonly skipped: ReportLine[] = [];
  private readonly warnings: ReportLine[] = [];

  recognise(line: number, message: string): void {
    this.recognised.push({ line, message });
  }

  infer(line: number, message: string): void {
    this.inferred.push({ line, message });
  }

  skip(line: number, text: string): void {
    this.skipped.push({ line, message: `Skipped: "${excerpt(text)}"` });
  }

  /** A skipped part described in full ("Skipped: table (lines 4–9) …") rather than quoted. */
  skipMessage(line: number, message: string): void {
    this.skipped.push({ line, message });
  }

  warn(line: number, message: string): void {
    this.warnings.push({ line, message });
  }

  get skippedLines(): ReportLine[] {
    return [...this.skipped];
  }

  build(format: ImportFormat, questions: QuestionDraft[]): ImportReport {
    return {
      format,
      questions: questions.length,
      followUps: questions.reduce((n, q) => n + q.followUps.length, 0),
      criteria: questions.reduce((n, q) => n + q.criteria.length, 0),
      recognised: byLine(this.recognised),
      inferred: byLine(this.inferred),
      skipped: byLine(this.skipped),
      warnings: byLine(this.warnings),
    };
  }
}

export function excerpt(text: string, max = EXCERPT_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

function byLine(entries: ReportLine[]): ReportLine[] {
  // Array.prototype.sort is stable, so entries on one line keep the order they were reported in.
  return [...entries].sort((a, b) => a.line - b.line);
}

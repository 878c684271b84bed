import { Injectable, NotFoundException } from '@nestjs/common';
import { DetailedHttpException } from '@app/common';
import type { AuthUser } from '@app/auth';
import { GuideFormatError, parseGuide, renderMarkdown, toJsonExport } from './import';
import type { ImportFormatOption } from './dto/import-guide.dto';
import { ImportPreviewResponse, ImportResultResponse } from './dto/question-set.response';
import { toQuestionDraft, toSetDraft } from './question-set.mapper';
import { QuestionSetRepository } from './question-set.repository';
import { QuestionSetsService } from './question-sets.service';

export interface ExportFile {
  body: string;
  contentType: string;
  filename: string;
}

@Injectable()
export class QuestionSetImportService {
  constructor(
    private readonly sets: QuestionSetsService,
    private readonly repo: QuestionSetRepository,
  ) {}

  /** Parses a pasted guide and stores it as one draft set, all or nothing. */
  async import(
    user: AuthUser,
    content: string,
    format: ImportFormatOption = 'auto',
    name?: string,
  ): Promise<ImportResultResponse> {
    const parsed = this.parse(content, format, name);
    const set = name ? { ...parsed.set, name } : parsed.set;
    const id = await this.sets.createDraft(
      user,
      set,
      parsed.questions.map(({ line: _line, typeInferred: _t, ...q }) => q),
    );
    return { set: await this.sets.get(user, id), report: parsed.report };
  }

  /** What import would store, and its report, without storing anything. */
  preview(content: string, format: ImportFormatOption = 'auto', name?: string): ImportPreviewResponse {
    const parsed = this.parse(content, format, name);
    const s = parsed.set;
    return {
      name: name || s.name,
      description: s.description ?? null,
      positionFamily: s.positionFamily ?? null,
      level: s.level ?? null,
      tags: s.tags,
      questions: parsed.questions.map((q) => ({
        line: q.line,
        type: q.type,
        typeInferred: q.typeInferred,
        prompt: q.prompt,
        followUps: q.followUps,
        criteria: q.criteria,
        competencies: q.competencies,
        timeboxMinutes: q.timeboxMinutes ?? null,
      })),
      report: parsed.report,
    };
  }

  private parse(content: string, format: ImportFormatOption, name?: string) {
    try {
      return parseGuide(content, format, { name });
    } catch (e) {
      if (e instanceof GuideFormatError) {
        throw new DetailedHttpException(422, e.message, {
          ...(e.line ? { line: e.line } : {}),
          ...(e.details !== undefined ? { problem: e.details } : {}),
        });
      }
      throw e;
    }
  }

  async export(user: AuthUser, id: string, format: 'json' | 'markdown' = 'json'): Promise<ExportFile> {
    await this.sets.get(user, id); // visibility rules
    const set = await this.repo.findSet(id);
    if (!set) throw new NotFoundException(`Question set ${id} not found`);
    const questions = (await this.repo.findQuestions(id)).map(toQuestionDraft);
    const base = `${
      set.name
        .replace(/[^A-Za-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .toLowerCase() || 'question-set'
    }-v${set.version}`;
    if (format === 'markdown') {
      return {
        body: renderMarkdown({ ...toSetDraft(set), version: set.version }, questions),
        contentType: 'text/markdown; charset=utf-8',
        filename: `${base}.md`,
      };
    }
    return {
      body: JSON.stringify(toJsonExport(toSetDraft(set), questions), null, 2),
      contentType: 'application/json; charset=utf-8',
      filename: `${base}.json`,
    };
  }
}

import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiBody,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiErrors } from '@app/common';
import { ApiKeyScope, Authenticated, CurrentUser, Role } from '@app/auth';
import type { AuthUser } from '@app/auth';
import { Idempotent } from '@app/idempotency';
import { ExportQueryDto, ImportGuideDto } from './dto/import-guide.dto';
import { AddQuestionDto, ReorderQuestionsDto, RevisionQueryDto, UpdateQuestionDto } from './dto/question.dto';
import {
  CreateQuestionSetDto,
  ListQuestionSetsQueryDto,
  PublishDto,
  UpdateQuestionSetDto,
} from './dto/question-set.dto';
import {
  ImportPreviewResponse,
  ImportResultResponse,
  QuestionSetPage,
  QuestionSetResponse,
} from './dto/question-set.response';
import { GuideBody } from './guide-body.decorator';
import { QuestionSetImportService } from './question-set-import.service';
import { QuestionSetsService } from './question-sets.service';
import { QuestionsService } from './questions.service';

const WRITE = { roles: [Role.Admin, Role.Recruiter] };

@ApiTags('question-sets')
@Controller('question-sets')
@Authenticated()
export class QuestionSetsController {
  constructor(
    private readonly sets: QuestionSetsService,
    private readonly questions: QuestionsService,
    private readonly io: QuestionSetImportService,
  ) {}

  /** Lists sets with question counts. Recruiters and admins see drafts too; others see published sets. */
  @Get()
  @ApiKeyScope('question_sets')
  @ApiErrors(400, 401)
  list(@CurrentUser() user: AuthUser, @Query() q: ListQuestionSetsQueryDto): Promise<QuestionSetPage> {
    return this.sets.list(user, q);
  }

  /** Creates a draft set, optionally with questions. */
  @Post()
  @Idempotent()
  @ApiKeyScope('question_sets')
  @Authenticated(WRITE)
  @ApiErrors(400, 401, 403)
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateQuestionSetDto): Promise<QuestionSetResponse> {
    return this.sets.create(user, dto);
  }

  /**
   * Imports a pasted guide (plain text, Markdown, or the JSON export) as a draft set, with a report of
   * what was recognised, inferred and skipped, by line. Send JSON `{content, format?, name?}`, or the
   * guide itself as text/plain or text/markdown.
   */
  @Post('import')
  @Idempotent()
  @Authenticated(WRITE)
  @ApiConsumes('application/json', 'text/plain', 'text/markdown')
  @ApiBody({ type: ImportGuideDto })
  @ApiCreatedResponse({ type: ImportResultResponse })
  @ApiErrors(400, 401, 403, 413, 422)
  import(@CurrentUser() user: AuthUser, @GuideBody() dto: ImportGuideDto): Promise<ImportResultResponse> {
    return this.io.import(user, dto.content, dto.format, dto.name);
  }

  /** Reads a pasted guide like import does and returns what it would store, with the report; stores nothing. */
  @Post('import/preview')
  @Idempotent()
  @Authenticated(WRITE)
  @HttpCode(200)
  @ApiConsumes('application/json', 'text/plain', 'text/markdown')
  @ApiBody({ type: ImportGuideDto })
  @ApiOkResponse({ type: ImportPreviewResponse })
  @ApiErrors(400, 401, 403, 413, 422)
  previewImport(@GuideBody() dto: ImportGuideDto): ImportPreviewResponse {
    return this.io.preview(dto.content, dto.format, dto.name);
  }

  /** A set with its questions in order. */
  @Get(':id')
  @ApiKeyScope('question_sets')
  @ApiErrors(400, 401, 404)
  get(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<QuestionSetResponse> {
    return this.sets.get(user, id);
  }

  /** Edits name, description, family, level or tags. On a published set this creates and returns the next draft version. */
  @Patch(':id')
  @ApiKeyScope('question_sets')
  @Authenticated(WRITE)
  @ApiErrors(400, 401, 403, 404, 409)
  update(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: UpdateQuestionSetDto,
  ): Promise<QuestionSetResponse> {
    return this.sets.update(user, id, dto);
  }

  /** Deletes a draft. Published sets are archived instead. */
  @Delete(':id')
  @Authenticated(WRITE)
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiErrors(400, 401, 403, 404, 409)
  remove(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<void> {
    return this.sets.remove(user, id);
  }

  /** Adds a question (at `position`, default the end). */
  @Post(':id/questions')
  @Idempotent()
  @ApiKeyScope('question_sets')
  @Authenticated(WRITE)
  @ApiErrors(400, 401, 403, 404, 409)
  addQuestion(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: AddQuestionDto,
  ): Promise<QuestionSetResponse> {
    return this.questions.add(user, id, dto);
  }

  /** Reorders all questions of the set. */
  @Post(':id/questions/reorder')
  @Idempotent()
  @Authenticated(WRITE)
  @HttpCode(200)
  @ApiOkResponse({ type: QuestionSetResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  reorder(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: ReorderQuestionsDto,
  ): Promise<QuestionSetResponse> {
    return this.questions.reorder(user, id, dto);
  }

  /** Edits a question; `position` moves it. */
  @Patch(':id/questions/:questionId')
  @Authenticated(WRITE)
  @ApiErrors(400, 401, 403, 404, 409)
  updateQuestion(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('questionId') questionId: string,
    @Body() dto: UpdateQuestionDto,
  ): Promise<QuestionSetResponse> {
    return this.questions.update(user, id, questionId, dto);
  }

  /** Removes a question; `?revision=` is the set's current revision. */
  @Delete(':id/questions/:questionId')
  @Authenticated(WRITE)
  @ApiOkResponse({ type: QuestionSetResponse })
  @ApiErrors(400, 401, 403, 404, 409)
  removeQuestion(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Param('questionId') questionId: string,
    @Query() q: RevisionQueryDto,
  ): Promise<QuestionSetResponse> {
    return this.questions.remove(user, id, questionId, q.revision);
  }

  /** Publishes a draft: it becomes read-only and visible to hiring managers and interviewers. Every question needs criteria (else 422). */
  @Post(':id/publish')
  @Idempotent()
  @ApiKeyScope('question_sets')
  @Authenticated(WRITE)
  @HttpCode(200)
  @ApiOkResponse({ type: QuestionSetResponse })
  @ApiErrors(400, 401, 403, 404, 409, 422)
  publish(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Body() dto: PublishDto,
  ): Promise<QuestionSetResponse> {
    return this.sets.publish(user, id, dto.revision);
  }

  /** Archives a set: it stays readable for what used it, and leaves the default lists. */
  @Post(':id/archive')
  @Idempotent()
  @Authenticated(WRITE)
  @HttpCode(200)
  @ApiOkResponse({ type: QuestionSetResponse })
  @ApiErrors(400, 401, 403, 404)
  archive(@CurrentUser() user: AuthUser, @Param('id') id: string): Promise<QuestionSetResponse> {
    return this.sets.archive(user, id);
  }

  /** Downloads the set as JSON (re-importable) or Markdown. */
  @Get(':id/export')
  @ApiOkResponse({
    description: 'The set as a file: JSON (re-importable) or Markdown',
    content: { 'application/json': { schema: { type: 'object' } }, 'text/markdown': { schema: { type: 'string' } } },
  })
  @ApiErrors(400, 401, 404)
  async export(
    @CurrentUser() user: AuthUser,
    @Param('id') id: string,
    @Query() q: ExportQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const file = await this.io.export(user, id, q.format);
    reply
      .header('content-type', file.contentType)
      .header('content-disposition', `attachment; filename="${file.filename}"`);
    return file.body;
  }
}

import type { ExecutionContext } from '@nestjs/common';
import { BadRequestException, createParamDecorator } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { assertCleanInput, flattenValidationErrors } from '@app/common';
import { ImportGuideDto, ImportQueryDto } from './dto/import-guide.dto';

/**
 * The guide to import, from either body: JSON `{content, format?, name?}`, or the guide itself
 * as text/plain or text/markdown with `?format=&name=` (what `curl --data-binary @guide.txt` sends).
 */
export const GuideBody = createParamDecorator((_: unknown, ctx: ExecutionContext): ImportGuideDto => {
  const req = ctx.switchToHttp().getRequest<{ body: unknown; query: Record<string, unknown> }>();
  const fromText = typeof req.body === 'string' || Buffer.isBuffer(req.body);
  const input = fromText ? { ...req.query, content: String(req.body) } : (req.body ?? {});
  // A custom parameter is not seen by the global pipe's input check, so it runs here. The guide
  // itself (`content`) is left to the parser, which refuses binary text and invalid Unicode with a 422.
  if (!fromText && (typeof input !== 'object' || input === null || Array.isArray(input))) {
    const messages = [
      'The body must be a JSON object {content, format?, name?}, or the guide itself as text/plain or text/markdown',
    ];
    throw new BadRequestException({ message: messages[0], details: [{ field: 'body', messages }] });
  }
  const body = (
    typeof input === 'object' && input !== null && !Array.isArray(input) ? input : { value: input }
  ) as Record<string, unknown>;
  const { content, ...rest } = body;
  assertCleanInput(typeof content === 'string' ? rest : body, 'body');
  if (fromText) assertCleanInput(req.query ?? {}, 'query');
  const dto = plainToInstance(fromText ? ImportGuideDto : ImportGuideDto, input);
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: !fromText });
  if (fromText) {
    const query = validateSync(plainToInstance(ImportQueryDto, req.query ?? {}), {
      whitelist: true,
      forbidNonWhitelisted: true,
    });
    errors.push(...query);
  }
  if (errors.length) {
    const details = flattenValidationErrors(errors);
    const message = details.flatMap((d) => d.messages).join('; ');
    throw new BadRequestException({ message, details });
  }
  return dto;
});

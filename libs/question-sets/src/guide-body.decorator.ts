import { BadRequestException, createParamDecorator, ExecutionContext } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { flattenValidationErrors } from '@app/common';
import { ImportGuideDto, ImportQueryDto } from './dto/import-guide.dto';

/**
 * The guide to import, from either body: JSON `{content, format?, name?}`, or the guide itself
 * as text/plain or text/markdown with `?format=&name=` (what `curl --data-binary @guide.txt` sends).
 */
export const GuideBody = createParamDecorator((_: unknown, ctx: ExecutionContext): ImportGuideDto => {
  const req = ctx.switchToHttp().getRequest<{ body: unknown; query: Record<string, unknown> }>();
  const fromText = typeof req.body === 'string' || Buffer.isBuffer(req.body);
  const input = fromText ? { ...req.query, content: String(req.body) } : (req.body ?? {});
  const dto = plainToInstance(fromText ? ImportGuideDto : ImportGuideDto, input);
  const errors = validateSync(dto, { whitelist: true, forbidNonWhitelisted: !fromText });
  if (fromText) {
    const query = validateSync(plainToInstance(ImportQueryDto, req.query ?? {}), { whitelist: true, forbidNonWhitelisted: true });
    errors.push(...query);
  }
  if (errors.length) {
    const details = flattenValidationErrors(errors);
    const message = details.flatMap((d) => d.messages).join('; ');
    throw new BadRequestException({ message, details });
  }
  return dto;
});

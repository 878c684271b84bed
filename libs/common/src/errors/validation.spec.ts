import 'reflect-metadata';
import { HttpException } from '@nestjs/common';
import { IsString, Matches, MinLength } from 'class-validator';
import { createValidationPipe } from './validation';

class NameDto {
  @IsString()
  name: string;
}

/** Two rules with one message, as `@IsUpdatedSince` has: the caller reads it once. */
class SinceDto {
  @MinLength(20, { message: 'since must be an instant' })
  @Matches(/Z$/, { message: 'since must be an instant' })
  since: string;
}

async function refusal(promise: Promise<unknown>): Promise<{ status: number; body: any }> {
  try {
    await promise;
  } catch (e) {
    if (e instanceof HttpException) return { status: e.getStatus(), body: e.getResponse() };
    throw e;
  }
  throw new Error('not refused');
}

describe('createValidationPipe', () => {
  const pipe = createValidationPipe({ maxDepth: 3 });

  it('names a message once when two rules of a field share it', async () => {
    const r = await refusal(pipe.transform({ since: 'yesterday' }, { type: 'body', metatype: SinceDto }));
    expect(r.body.message).toBe('since must be an instant');
    expect(r.body.details).toEqual([{ field: 'since', messages: ['since must be an instant'] }]);
  });

  it('refuses a NUL in the body before class-transformer, naming the field', async () => {
    const r = await refusal(pipe.transform({ name: 'a\u0000' }, { type: 'body', metatype: NameDto }));
    expect(r.status).toBe(400);
    expect(r.body.details).toEqual([{ field: 'name', messages: ['name must not contain NUL characters'] }]);
  });

  it('names a path parameter by its name and a query value by its key', async () => {
    expect(
      (await refusal(pipe.transform('x\ud800', { type: 'param', data: 'id', metatype: String }))).body.details[0].field,
    ).toBe('id');
    expect(
      (await refusal(pipe.transform({ q: '\u0000' }, { type: 'query', metatype: Object }))).body.details[0].field,
    ).toBe('q');
  });

  it('applies the configured depth, even to arguments that have no DTO', async () => {
    const r = await refusal(pipe.transform({ a: { b: { c: {} } } }, { type: 'body', metatype: Object }));
    expect(r.body.message).toBe('a.b.c is nested too deeply (at most 3 levels)');
    await expect(pipe.transform({ a: { b: {} } }, { type: 'body', metatype: Object })).resolves.toEqual({
      a: { b: {} },
    });
  });

  it('leaves custom parameters (the signed-in user) alone and still validates DTOs', async () => {
    await expect(pipe.transform({ name: '\u0000' }, { type: 'custom', metatype: Object })).resolves.toEqual({
      name: '\u0000',
    });
    expect((await refusal(pipe.transform({ name: 1 }, { type: 'body', metatype: NameDto }))).status).toBe(400);
  });
});

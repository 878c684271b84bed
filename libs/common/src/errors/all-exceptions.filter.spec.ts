import { BadRequestException, ConflictException } from '@nestjs/common';
import { errorBody } from './all-exceptions.filter';
import { conflict } from './app-exceptions';

describe('errorBody', () => {
  it('hides the internals of unexpected errors and keeps the request id', () => {
    const { body, internal } = errorBody(new Error('relation "secret_table" does not exist at /srv/app.js:12'), 'req-1');
    expect(internal).toBe(true);
    expect(body).toEqual({ statusCode: 500, error: 'Internal Server Error', message: expect.not.stringContaining('secret_table'), requestId: 'req-1' });
  });

  it('keeps the message and details of HTTP errors', () => {
    expect(errorBody(new ConflictException('taken'), 'r').body).toEqual({ statusCode: 409, error: 'Conflict', message: 'taken', requestId: 'r' });
    expect(errorBody(conflict('stale', { currentVersion: 3 }), 'r').body).toEqual({ statusCode: 409, error: 'Conflict', message: 'stale', details: { currentVersion: 3 }, requestId: 'r' });
    expect(errorBody(new BadRequestException(['a is wrong', 'b is wrong']), 'r').body.message).toBe('a is wrong; b is wrong');
  });

  it('maps PostgreSQL format errors to 400 and serialization failures to 409', () => {
    expect(errorBody(Object.assign(new Error('invalid input syntax for type uuid'), { code: '22P02' }), 'r').body.statusCode).toBe(400);
    expect(errorBody(Object.assign(new Error('could not serialize'), { code: '40001' }), 'r').body.statusCode).toBe(409);
  });
});

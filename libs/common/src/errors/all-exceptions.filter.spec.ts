import { BadRequestException, ConflictException, ServiceUnavailableException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { AllExceptionsFilter, errorBody, isDatabaseUnavailable } from './all-exceptions.filter';
import { conflict } from './app-exceptions';

describe('errorBody', () => {
  it('hides the internals of unexpected errors and keeps the request id', () => {
    const { body, internal } = errorBody(
      new Error('relation "secret_table" does not exist at /srv/app.js:12'),
      'req-1',
    );
    expect(internal).toBe(true);
    expect(body).toEqual({
      statusCode: 500,
      error: 'Internal Server Error',
      message: expect.not.stringContaining('secret_table'),
      requestId: 'req-1',
    });
  });

  it('keeps the message and details of HTTP errors', () => {
    expect(errorBody(new ConflictException('taken'), 'r').body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'taken',
      requestId: 'r',
    });
    expect(errorBody(conflict('stale', { currentVersion: 3 }), 'r').body).toEqual({
      statusCode: 409,
      error: 'Conflict',
      message: 'stale',
      details: { currentVersion: 3 },
      requestId: 'r',
    });
    expect(errorBody(new BadRequestException(['a is wrong', 'b is wrong']), 'r').body.message).toBe(
      'a is wrong; b is wrong',
    );
  });

  it('maps PostgreSQL format errors to 400 and serialization failures to 409', () => {
    expect(
      errorBody(Object.assign(new Error('invalid input syntax for type uuid'), { code: '22P02' }), 'r').body.statusCode,
    ).toBe(400);
    expect(errorBody(Object.assign(new Error('could not serialize'), { code: '40001' }), 'r').body.statusCode).toBe(
      409,
    );
  });

  describe('database unavailability', () => {
    const withCode = (message: string, code?: string) => Object.assign(new Error(message), code ? { code } : {});
    const unavailable: Array<[string, unknown]> = [
      ['ECONNREFUSED', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
      ['ECONNRESET', withCode('read ECONNRESET', 'ECONNRESET')],
      ['ETIMEDOUT', withCode('connect ETIMEDOUT', 'ETIMEDOUT')],
      ['pg: terminated', new Error('Connection terminated unexpectedly')],
      ['pg: connect timeout', new Error('timeout exceeded when trying to connect')],
      ['pg: terminated by timeout', new Error('Connection terminated due to connection timeout')],
      ['57P01 admin shutdown', withCode('terminating connection due to administrator command', '57P01')],
      ['57P02 crash shutdown', withCode('terminating connection because of crash of another server process', '57P02')],
      ['57P03 cannot connect now', withCode('the database system is starting up', '57P03')],
      ['08006 connection failure', withCode('connection failure', '08006')],
      ['08001 cannot establish', withCode('could not connect', '08001')],
      ['53300 too many connections', withCode('sorry, too many clients already', '53300')],
      [
        'AggregateError of refusals',
        Object.assign(new AggregateError([withCode('a', 'ECONNREFUSED'), withCode('b', 'ECONNREFUSED')], ''), {
          code: 'ECONNREFUSED',
        }),
      ],
      [
        'QueryFailedError wrapping 57P01',
        new QueryFailedError('SELECT 1', [], withCode('terminating connection due to administrator command', '57P01')),
      ],
      [
        'QueryFailedError wrapping a lost socket',
        new QueryFailedError('INSERT', [], new Error('Connection terminated unexpectedly')),
      ],
      [
        'TypeORM CannotConnect',
        Object.assign(new Error('cannot connect'), { name: 'CannotConnectAlreadyConnectedError' }),
      ],
      ['cause chain', new Error('outer', { cause: withCode('x', 'ECONNREFUSED') })],
    ];
    it.each(unavailable)('%s is a 503 that tells the client to retry', (_name, error) => {
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(errorBody(error, 'r').body).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'The database is unavailable; retry shortly',
        requestId: 'r',
      });
    });

    const notUnavailable: Array<[string, unknown]> = [
      ['unique violation', withCode('duplicate key', '23505')],
      ['syntax error', withCode('syntax error', '42601')],
      [
        'QueryFailedError of a constraint',
        new QueryFailedError('INSERT', [], withCode('violates foreign key constraint', '23503')),
      ],
      ['a plain bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
      ['a 5-character code in another class', withCode('x', '58030')],
      ['null', null],
      ['a string', 'ECONNREFUSED'],
    ];
    it.each(notUnavailable)('%s is not taken for an outage', (_name, error) => {
      expect(isDatabaseUnavailable(error)).toBe(false);
      expect(errorBody(error, 'r').body.statusCode).not.toBe(503);
    });

    function render(exception: unknown) {
      const headers: Record<string, string> = {};
      const sent: { status?: number; body?: unknown } = {};
      const reply = {
        getHeader: (k: string) => headers[k.toLowerCase()],
        header(k: string, v: string) {
          headers[k.toLowerCase()] = v;
          return reply;
        },
        status(s: number) {
          sent.status = s;
          return reply;
        },
        send(b: unknown) {
          sent.body = b;
          return reply;
        },
      };
      const host = { switchToHttp: () => ({ getRequest: () => ({ id: 'req-9' }), getResponse: () => reply }) };
      new AllExceptionsFilter().catch(exception, host as never);
      return { headers, ...sent };
    }

    it('sends Retry-After with every 503, also a ServiceUnavailableException thrown by the app', () => {
      const down = render(new QueryFailedError('SELECT 1', [], withCode('x', '57P01')));
      expect(down.status).toBe(503);
      expect(down.headers['retry-after']).toBe('5');
      const busy = render(new ServiceUnavailableException('Too many password checks at once; retry shortly'));
      expect(busy.status).toBe(503);
      expect(busy.headers['retry-after']).toBe('5');
      expect(render(new Error('bug')).headers['retry-after']).toBeUndefined();
      expect(render(new BadRequestException('no')).headers['retry-after']).toBeUndefined();
    });
  });
});

import { findInputProblem } from './input-guard';

const limits = { maxDepth: 32, maxEntries: 1000 };

function nested(depth: number): unknown {
  let v: unknown = 'leaf';
  for (let i = 0; i < depth; i++) v = i % 2 ? { a: v } : [v];
  return v;
}

describe('findInputProblem', () => {
  it('accepts ordinary input, emoji included', () => {
    expect(findInputProblem({ name: 'Ada 👩‍💻', list: [1, 'two', { three: null }] }, 'body', limits)).toBeNull();
  });

  it('names the field of a NUL byte in a nested string', () => {
    expect(findInputProblem({ questions: [{ prompt: 'ok' }, { prompt: 'a\u0000b' }] }, 'body', limits)).toEqual({
      field: 'questions.1.prompt',
      message: expect.stringContaining('NUL'),
    });
  });

  it('names a lone surrogate, high or low, in a value or in a key', () => {
    expect(findInputProblem({ email: 'a\ud800@x.com' }, 'body', limits)?.field).toBe('email');
    expect(findInputProblem({ list: ['\udc00'] }, 'body', limits)?.field).toBe('list.0');
    const keyed = findInputProblem({ ['k\ud800']: 1 }, 'body', limits)!;
    expect(keyed.field).toBe('k\\ud800');
    expect(keyed.message).toMatch(/lone surrogate/);
  });

  it('refuses a NUL in a key, escaping it in the path it names', () => {
    expect(findInputProblem({ a: { ['x\u0000']: 1 } }, 'body', limits)?.field).toBe('a.x\\u0000');
  });

  it('names the root for a bad top-level string (a query value or a path param)', () => {
    expect(findInputProblem('abc\u0000', 'id', limits)?.field).toBe('id');
  });

  it('refuses depth beyond the limit without recursion, even 100,000 deep', () => {
    expect(findInputProblem(nested(32), 'body', limits)).toBeNull();
    expect(findInputProblem(nested(33), 'body', limits)?.message).toMatch(/nested too deeply/);
    expect(findInputProblem(nested(100_000), 'body', limits)?.message).toMatch(/nested too deeply/);
  });

  it('caps the keys and elements counted over the whole tree (two keys plus the elements; 1000 is the limit)', () => {
    expect(findInputProblem({ a: new Array(600).fill(0), b: new Array(398).fill(0) }, 'body', limits)).toBeNull();
    expect(findInputProblem({ a: new Array(600).fill(0), b: new Array(399).fill(0) }, 'body', limits)?.message).toMatch(
      /too many values/,
    );
  });

  it('leaves raw byte bodies alone', () => {
    expect(findInputProblem(Buffer.alloc(10_000, 0), 'body', limits)).toBeNull();
  });
});

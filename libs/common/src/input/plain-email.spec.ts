import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { IsPlainEmail, plainEmailProblem } from './plain-email';

class Dto {
  @IsPlainEmail()
  email: string;
}

const check = (email: unknown) => {
  const dto = plainToInstance(Dto, { email });
  return { dto, errors: validateSync(dto) };
};

describe('IsPlainEmail', () => {
  it.each(['ada@example.com', 'a.b+tag@sub.example.co.uk', "o'brien@x.io", 'x@xn--bcher-kva.example'])(
    'accepts %s',
    (email) => {
      expect(plainEmailProblem(email)).toBeNull();
    },
  );

  it.each([
    ['"a b"@x.com', /whitespace/],
    ['"ab"@x.com', /local part/],
    ['a b@x.com', /whitespace/],
    ['Ada <ada@x.com>', /whitespace/],
    ['<ada@x.com>', /local part|domain/],
    ['a\ud800@x.com', /lone surrogates/],
    ['a\u0000@x.com', /control/],
    ['a@b@x.com', /plain address/],
    ['a..b@x.com', /local part/],
    ['a@[127.0.0.1]', /domain/],
    ['a@localhost', /domain/],
    ['a@-x.com', /domain/],
    [`${'a'.repeat(65)}@x.com`, /local part/],
    [`a@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(60)}.${'f'.repeat(10)}.com`, /at most 254/],
  ])('refuses %s', (email, why) => {
    expect(plainEmailProblem(email)).toMatch(why);
  });

  it('lower-cases and trims the value, and names the field', () => {
    expect(check(' Ada@Example.COM ').dto.email).toBe('ada@example.com');
    expect(check(' Ada@Example.COM ').errors).toHaveLength(0);
    const { errors } = check('"a b"@x.com');
    expect(errors[0].property).toBe('email');
    expect(Object.values(errors[0].constraints!)[0]).toMatch(/^email /);
    expect(check(42).errors).toHaveLength(1);
  });

  it('stays fast on a long hostile value', () => {
    const t = Date.now();
    for (let i = 0; i < 1000; i++) plainEmailProblem(`${'a.'.repeat(120)}@${'b-'.repeat(60)}`);
    expect(Date.now() - t).toBeLessThan(2000);
  });
});

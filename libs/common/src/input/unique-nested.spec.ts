import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import { IsArray, IsString, validateSync, ValidateNested } from 'class-validator';
import { EachIsObject, IsNestedObject } from './nested';
import { firstDuplicate, UniqueBy } from './unique';

class Item {
  @IsString()
  id: string;
}

class Holder {
  @IsArray()
  @EachIsObject()
  @UniqueBy('id', (i: Item) => i?.id)
  @ValidateNested({ each: true })
  @Type(() => Item)
  items: Item[];

  @IsNestedObject()
  @ValidateNested()
  @Type(() => Item)
  one: Item;
}

const messages = (plain: object) =>
  validateSync(plainToInstance(Holder, plain), { forbidUnknownValues: true }).flatMap((e) => [
    ...Object.values(e.constraints ?? {}),
    ...(e.children ?? []).flatMap((c) => Object.values(c.constraints ?? {})),
  ]);

describe('firstDuplicate', () => {
  it('finds the first repeat and skips keyless entries', () => {
    expect(firstDuplicate(['a', 'b', 'a'], (x) => x)).toEqual({ index: 2, first: 0, key: 'a' });
    expect(firstDuplicate([{}, {}, { id: 'x' }], (x: any) => x.id)).toBeNull();
  });
});

describe('EachIsObject, IsNestedObject, UniqueBy', () => {
  it('accept well-formed input', () => {
    expect(messages({ items: [{ id: 'a' }, { id: 'b' }], one: { id: 'c' } })).toEqual([]);
  });

  it('refuse an array, a string or a number where an object belongs, naming the element', () => {
    expect(messages({ items: [{ id: 'a' }, [{ id: 'b' }]], one: { id: 'c' } })).toContain(
      'items.1 must be an object, not an array',
    );
    expect(messages({ items: ['x'], one: { id: 'c' } })).toContain('items.0 must be an object, not a string');
    expect(messages({ items: [], one: [{ id: 'c' }] })).toContain('one must be an object, not an array');
    expect(messages({ items: [], one: 7 })).toContain('one must be an object, not a number');
  });

  it('refuse an object where the array belongs', () => {
    expect(messages({ items: { id: 'a' }, one: { id: 'c' } }).join(' ')).toMatch(/items must be an array/);
  });

  it('refuse a duplicate, naming both places', () => {
    expect(messages({ items: [{ id: 'a' }, { id: 'b' }, { id: 'a' }], one: { id: 'c' } })).toContain(
      'items.2 names id a twice (also items.0)',
    );
  });
});

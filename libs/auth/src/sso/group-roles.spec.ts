import { groupsOf, rolesForGroups } from './group-roles';

const ORDER = ['admin', 'recruiter', 'hiring_manager', 'interviewer'];

describe('group to role mapping', () => {
  it('grants the union of the mapped roles in a stable order, and nothing for unmapped groups', () => {
    const mapping = { eng: ['interviewer'], leads: ['hiring_manager', 'interviewer'], people: ['recruiter'] };
    expect(rolesForGroups(['leads', 'people', 'eng'], mapping, ORDER)).toEqual([
      'recruiter',
      'hiring_manager',
      'interviewer',
    ]);
    expect(rolesForGroups(['sales'], mapping, ORDER)).toEqual([]);
    // a group named like an Object.prototype member grants nothing
    expect(rolesForGroups(['constructor', '__proto__', 'toString'], mapping, ORDER)).toEqual([]);
  });

  it('reads a groups claim that is an array or a single string, and ignores anything else', () => {
    expect(groupsOf(['a', 1, 'b', null])).toEqual(['a', 'b']);
    expect(groupsOf('a')).toEqual(['a']);
    expect(groupsOf({ a: 1 })).toEqual([]);
    expect(groupsOf(undefined)).toEqual([]);
  });
});

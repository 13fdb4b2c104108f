import { describe, expect, it } from 'vitest'

import {
  canAdministerSchoolAccounts,
  DEFAULT_BOARD_ROLES,
  isDistrictUser,
  overseenSchools,
  overseenTiers,
  overseesSchool,
  relationId,
  rolesInSchool,
  SCHOOL_ACCOUNT_ADMIN_ROLES,
  SCHOOL_MANAGER_ROLES,
  SCHOOL_ROLES,
  schoolsWhereUserHas,
} from './roles.ts'

const user = {
  id: 1,
  memberships: [
    { school: 10, roles: ['teacher', 'team-leader'], department: 'Tổ Toán' },
    { school: { id: 20 }, roles: ['principal'] },
  ],
}

describe('roles', () => {
  it('holds roles per school', () => {
    expect(rolesInSchool(user, 10).sort()).toEqual(['teacher', 'team-leader'])
    expect(rolesInSchool(user, '20')).toEqual(['principal'])
    expect(rolesInSchool(user, 30)).toEqual([])
  })
  it('finds the schools where a role is held', () => {
    expect(schoolsWhereUserHas(user, ['principal'])).toEqual([20])
    expect(schoolsWhereUserHas(user)).toEqual([10, 20])
  })
  it('lets only account admins of that school, or the district admin, grant roles', () => {
    expect(canAdministerSchoolAccounts(user, 20)).toBe(true)
    expect(canAdministerSchoolAccounts(user, 10)).toBe(false)
    const districtAdmin = { id: 2, districtRoles: ['district-admin'], oversight: { tiers: [1], schools: [10] } }
    expect(canAdministerSchoolAccounts(districtAdmin, 10)).toBe(true)
    // Only the schools of their tier.
    expect(canAdministerSchoolAccounts(districtAdmin, 20)).toBe(false)
    expect(canAdministerSchoolAccounts({ id: 2, districtRoles: ['district-admin'] }, 10)).toBe(false)
    expect(canAdministerSchoolAccounts({ id: 3, districtRoles: ['district-officer'] }, 10)).toBe(false)
    expect(isDistrictUser({ id: 3, districtRoles: ['district-officer'] })).toBe(true)
    expect(isDistrictUser(user)).toBe(false)
  })
  it('gives a district user the schools of their tier, nobody else any', () => {
    const officer = { id: 3, districtRoles: ['district-officer'], oversight: { tiers: [1, 2], schools: [10, '11'] } }
    expect(overseesSchool(officer, 10)).toBe(true)
    expect(overseesSchool(officer, { id: 11 })).toBe(true)
    expect(overseesSchool(officer, 12)).toBe(false)
    expect(overseenSchools(officer)).toEqual([10, '11'])
    expect(overseenTiers(officer)).toEqual([1, 2])
    // A school member holding no district role oversees nothing, whatever its account carries.
    expect(overseenSchools({ ...user, oversight: { tiers: [1], schools: [10] } })).toEqual([])
  })
  it('nests the role groups: board and account admins among the managers, managers among the school roles', () => {
    for (const role of SCHOOL_MANAGER_ROLES) expect(SCHOOL_ROLES).toContain(role)
    for (const role of [...DEFAULT_BOARD_ROLES, ...SCHOOL_ACCOUNT_ADMIN_ROLES]) expect(SCHOOL_MANAGER_ROLES).toContain(role)
    expect(SCHOOL_ROLES).toHaveLength(7)
  })
  it('reads a relation id from an id or a populated document, null for anything else', () => {
    expect(relationId(7)).toBe(7)
    expect(relationId('7')).toBe('7')
    expect(relationId({ id: 7, name: 'Tổ 1' })).toBe(7)
    for (const value of [null, undefined, {}, { id: null }, { id: {} }, [], true]) expect(relationId(value)).toBeNull()
  })
})

import { relationId, rolesInSchool, type RoleHolder } from '../roles.ts'
import { DEFAULT_BOARD_ROLES } from '../roles.ts'

/**
 * Who may file into a folder (seed 001 Art. 9, seed 004 §I.3). A folder names kinds of people, not
 * accounts, so the template holds for every school: the board, the school admin, the team leader of
 * the folder's department, its members, the teacher whose folder it is, the school's staff (clerk,
 * nurse, librarian, equipment, Đoàn–Đội); and the school admin may add named people (`extraFilers`).
 */
export const FILER_KINDS = ['board', 'school-admin', 'department-leader', 'department-member', 'folder-owner', 'staff'] as const
export type FilerKind = (typeof FILER_KINDS)[number]

/** Whether a folder's files need the board's approval, with the department's leader first or not. */
export const APPROVAL_KINDS = ['none', 'board', 'leader-then-board'] as const
export type ApprovalKind = (typeof APPROVAL_KINDS)[number]

type ID = number | string
export type FolderRights = {
  school: unknown
  department?: unknown
  owner?: unknown
  filers?: readonly string[] | null
  extraFilers?: readonly unknown[] | null
  acceptsFiles?: boolean | null
  closed?: boolean | null
}

/** The one rule of filing: may `actor` put a document (or a new version) into `folder`? */
export function mayFileInto(actor: RoleHolder | null | undefined, folder: FolderRights): boolean {
  if (!actor || folder.closed || folder.acceptsFiles === false) return false
  const school = relationId(folder.school)
  if (school === null) return false
  const held = rolesInSchool(actor, school)
  if (held.length === 0) return false
  if ((folder.extraFilers ?? []).some((u) => String(relationId(u)) === String(actor.id))) return true
  const department = relationId(folder.department ?? null)
  const inDepartment = (leader: boolean) =>
    department !== null &&
    (actor.memberships ?? []).some(
      (m) => String(relationId(m.school)) === String(school) && String(relationId(m.department ?? null)) === String(department) && (!leader || (m.roles ?? []).includes('team-leader')),
    )
  return (folder.filers ?? []).some((kind) => {
    switch (kind as FilerKind) {
      case 'board':
        return held.some((r) => DEFAULT_BOARD_ROLES.includes(r))
      case 'school-admin':
        return held.includes('school-admin')
      case 'department-leader':
        return inDepartment(true)
      case 'department-member':
        return inDepartment(false)
      case 'folder-owner':
        return String(relationId(folder.owner ?? null)) === String(actor.id)
      case 'staff':
        return held.includes('staff')
      default:
        return false
    }
  })
}

export const sameId = (a: unknown, b: unknown): boolean => {
  const x = relationId(a)
  const y = relationId(b)
  return x !== null && y !== null && String(x) === String(y)
}

export type { ID }

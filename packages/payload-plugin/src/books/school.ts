import { fullSchoolName } from '@truongso/registry'
import type { PayloadRequest } from 'payload'

import { message } from '../translations/index.ts'
import type { BookHeading } from './decree30.ts'

type ID = number | string

/** The school as the books name it. */
export type BookSchool = { id: ID; slug: string; name: string; officialName: string; managingBody: string; place: string }

export type BookOptions = {
  /** The managing body's line above the school's name; since 2025 it may be a ward's People's Committee. */
  managingBody?: string
  /** The place of the date line. */
  place?: string
}

/** "TH Lê Độ" → "Trường Tiểu học Lê Độ": the appendix's short name with its level spelled out. */
export const officialSchoolName = fullSchoolName

export async function bookSchool(req: PayloadRequest, schoolId: ID): Promise<BookSchool | null> {
  const school = (await req.payload.db.findOne({ collection: 'schools', where: { id: { equals: schoolId } }, req })) as { id: ID; name?: unknown; slug?: unknown } | null
  if (!school) return null
  const options = (req.payload.config.custom?.truongsoBooks ?? {}) as BookOptions
  const name = String(school.name ?? '')
  return {
    id: school.id,
    slug: String(school.slug ?? school.id),
    name,
    officialName: officialSchoolName(name),
    managingBody: options.managingBody ?? message(null, 'books.managing-body-default'),
    place: options.place ?? message(null, 'books.place-default'),
  }
}

export const bookHeadingOf = (school: BookSchool, date: Date, draft: boolean): BookHeading => ({ managingBody: school.managingBody, school: school.officialName, place: school.place, date, draft })

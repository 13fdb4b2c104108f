import type { GlobalConfig, Payload } from 'payload'

import { dayOf } from '../calendar/days.ts'
import { currentUser, hasDistrictRole } from '../roles.ts'

export const PUBLIC_HOLIDAYS_SLUG = 'public-holidays'

/**
 * Ngày nghỉ lễ, Tết: the days off that are not fixed by date (Tết Nguyên đán, Giỗ Tổ Hùng Vương, a
 * moved day), entered by the district admin each year as the government announces them. The
 * fixed-date holidays are in calendar/workingDays.ts. Read by the disclosure tracker's "within 10
 * working days" rule.
 */
export function publicHolidaysGlobal(): GlobalConfig {
  return {
    slug: PUBLIC_HOLIDAYS_SLUG,
    label: { vi: 'Ngày nghỉ lễ, Tết', en: 'Public holidays' },
    admin: {
      group: { vi: 'Website', en: 'Website' },
      description: {
        vi: 'Ngày nghỉ theo lịch âm và ngày nghỉ bù do Chính phủ công bố hằng năm (Tết Nguyên đán, Giỗ Tổ Hùng Vương…). Các ngày 1/1, 30/4, 1/5, 1/9, 2/9 đã được tính sẵn. Dùng để tính hạn "10 ngày làm việc" của Thông tư 09/2024.',
        en: 'Lunar-calendar holidays and moved days the government announces each year (Tết, Hùng Kings’ day…). 1/1, 30/4, 1/5, 1/9 and 2/9 are built in. Used for Circular 09’s "10 working days".',
      },
    },
    access: { read: ({ req }) => Boolean(req.user), update: ({ req }) => hasDistrictRole(currentUser(req), 'district-admin') },
    fields: [
      {
        name: 'days',
        type: 'array',
        label: { vi: 'Ngày nghỉ', en: 'Days off' },
        labels: { singular: { vi: 'Ngày nghỉ', en: 'Day off' }, plural: { vi: 'Ngày nghỉ', en: 'Days off' } },
        fields: [
          { name: 'date', type: 'date', required: true, label: { vi: 'Ngày', en: 'Date' }, admin: { date: { pickerAppearance: 'dayOnly', displayFormat: 'dd/MM/yyyy' } } },
          { name: 'name', type: 'text', required: true, label: { vi: 'Tên ngày nghỉ', en: 'Name' } },
        ],
      },
    ],
  }
}

/** The listed days off (YYYY-MM-DD). */
export async function listedHolidays(payload: Payload): Promise<string[]> {
  const global = (await payload.findGlobal({ slug: PUBLIC_HOLIDAYS_SLUG as never, depth: 0, overrideAccess: true })) as { days?: { date?: unknown }[] | null }
  return (global.days ?? []).map((d) => dayOf(d.date)).filter((d): d is string => d !== null)
}

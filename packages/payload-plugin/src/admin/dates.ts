import type { Config, Field } from 'payload'

/**
 * Vietnamese date display for every date field: Payload's date picker falls back to the American
 * MM/dd/yyyy (1 December showed as 12/01/2026) whenever a field has no displayFormat of its own;
 * config.admin.dateFormat only reaches list cells. So every date field gets dd/MM/yyyy (and a
 * 24-hour clock when it has a time).
 */
export const DATE_FORMATS = {
  day: 'dd/MM/yyyy',
  dayAndTime: 'dd/MM/yyyy HH:mm',
  time: 'HH:mm',
  month: 'MM/yyyy',
} as const

type DateAdmin = { pickerAppearance?: string; displayFormat?: string; timeFormat?: string }

function formatsFor(appearance: string | undefined): Pick<DateAdmin, 'displayFormat' | 'timeFormat'> {
  switch (appearance) {
    case 'dayAndTime':
      return { displayFormat: DATE_FORMATS.dayAndTime, timeFormat: DATE_FORMATS.time }
    case 'timeOnly':
      return { displayFormat: DATE_FORMATS.time, timeFormat: DATE_FORMATS.time }
    case 'monthOnly':
      return { displayFormat: DATE_FORMATS.month }
    default:
      return { displayFormat: DATE_FORMATS.day }
  }
}

function visit(fields: Field[] | undefined): void {
  for (const field of fields ?? []) {
    if (field.type === 'date') {
      const admin = (field.admin ??= {}) as { date?: DateAdmin }
      const date = (admin.date ??= {})
      const formats = formatsFor(date.pickerAppearance)
      date.displayFormat ??= formats.displayFormat
      if (formats.timeFormat) date.timeFormat ??= formats.timeFormat
    }
    if ('fields' in field && Array.isArray(field.fields)) visit(field.fields)
    if (field.type === 'tabs') for (const tab of field.tabs) visit(tab.fields)
    if (field.type === 'blocks') for (const block of field.blocks) if (typeof block === 'object') visit(block.fields)
  }
}

/** Gives every date field of every collection and global the Vietnamese display formats. */
export function applyVietnameseDateFormats(config: Config): void {
  for (const collection of config.collections ?? []) visit(collection.fields)
  for (const global of config.globals ?? []) visit(global.fields)
}

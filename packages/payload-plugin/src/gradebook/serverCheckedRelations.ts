import { validations, type Config, type Field, type Validate } from 'payload'

/**
 * The gradebook's relations are checked by its save hooks, not by Payload's filterOptions lookups.
 *
 * The multi-tenant plugin gives every relationship a `filterOptions` (same school as the user), and
 * Payload validates such a field by *reading the related document as the user*: for one mark that
 * was five reads (student, class, subject, teaching assignment, school), each running those
 * collections' read access and afterRead hooks — two thirds of a grid cell's save, all of it inside
 * the write transaction. The save hooks (hooks.ts checkMark / checkTermRecord) already decide what
 * those lookups would: the subject is of the class's grade, year and school, the student is enrolled
 * in the class, the writer teaches it (or is its homeroom teacher), and the server sets the school
 * and the teaching assignment. So these fields keep Payload's own shape checks (required, id) and
 * drop the lookup; the admin's pickers still filter by school (filterOptions stays on the field).
 */
export function withServerCheckedRelations(config: Config, slugs: readonly string[]): Config {
  for (const collection of config.collections ?? []) {
    if (!slugs.includes(collection.slug)) continue
    collection.fields = collection.fields.map(withoutFilterLookup)
  }
  return config
}

const relationshipWithoutLookup: Validate = (value, options) =>
  validations.relationship(value as never, { ...(options as Parameters<typeof validations.relationship>[1]), filterOptions: undefined })

function withoutFilterLookup(field: Field): Field {
  if (field.type !== 'relationship' || field.validate) return field
  return { ...field, validate: relationshipWithoutLookup } as Field
}

import { ENROLMENT_TAG, slugify, type Snapshot, type SnapshotPost } from '@truongso/snapshot'

/** Posts tagged for enrolment (any section, however the tag was capitalised), newest first. */
export function enrolmentPosts(site: Snapshot): SnapshotPost[] {
  const tag = slugify(ENROLMENT_TAG)
  return site.posts.filter((p) => p.tags.some((t) => slugify(t) === tag))
}

/** Posts that carry a photo album, newest first. */
export function albums(site: Snapshot): SnapshotPost[] {
  return site.posts.filter((p) => p.gallery.length > 0)
}

/** The page of photo `n` (from 1) of an album. */
export const photoPath = (album: string, n: number) => `/thu-vien-anh/${album}/${n}/`

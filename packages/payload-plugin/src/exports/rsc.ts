export { PasswordReminderBanner } from '../components/PasswordReminderBanner/index.tsx'
export { ReviewQueue } from '../components/ReviewQueue/index.tsx'
export { DisclosureCompliance } from '../components/DisclosureCompliance/index.tsx'

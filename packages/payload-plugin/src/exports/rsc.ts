export { PasswordReminderBanner } from '../components/PasswordReminderBanner/index.tsx'

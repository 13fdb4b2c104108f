// Admin views that render client components: their own entry, so importing the server components
// (rsc.ts) in Node — tests render them — never loads @payloadcms/ui's client bundle and its CSS.
export { GradebookView } from '../components/GradebookView/index.tsx'
export { GradebookCorrectionsView } from '../components/GradebookCorrections/index.tsx'
export { GradebookResultsView } from '../components/GradebookResults/index.tsx'
export { GradebookProgress } from '../components/GradebookProgress/index.tsx'
export { AttendanceView } from '../components/AttendanceView/index.tsx'
export { TimetableView } from '../components/TimetableView/index.tsx'
export { TeachingPlansView } from '../components/TeachingPlans/index.tsx'
export { ClassLogView } from '../components/ClassLogView/index.tsx'
export { EducationRecordsView, LessonPlansView } from '../components/EducationRecords/index.tsx'
export { BooksView } from '../components/BooksView/index.tsx'
export { OversightView } from '../components/OversightView/index.tsx'

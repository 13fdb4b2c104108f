export { NoButton, WorkflowActions, WorkflowSaveDraft, WorkflowStatus } from '../components/WorkflowActions/index.tsx'
export { ExcelImportPanel } from '../components/ExcelImportPanel/index.tsx'
export { ClassFilter } from '../components/ClassFilter/index.tsx'
export { ClassRoster } from '../components/ClassRoster/index.tsx'

export { NoButton, WorkflowActions } from '../components/WorkflowActions/index.tsx'
export { StudentImportPanel } from '../components/StudentImportPanel/index.tsx'

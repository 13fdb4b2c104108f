export { NoButton, WorkflowActions } from '../components/WorkflowActions/index.tsx'
export { ExcelImportPanel } from '../components/ExcelImportPanel/index.tsx'

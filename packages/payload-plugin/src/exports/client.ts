export { NoButton, WorkflowActions } from '../components/WorkflowActions/index.tsx'

export { progressEndpoint } from './endpoint.ts'
export { GRADEBOOK_PROGRESS_PATH } from './path.ts'

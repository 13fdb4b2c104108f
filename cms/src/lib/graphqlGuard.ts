import { message, messageEn } from '@truongso/payload-plugin'
import { GraphQLError, Kind, type ASTNode, type DocumentNode, type ValidationRule } from 'graphql'

/** Deeper selections than any admin or site query needs. */
const MAX_DEPTH = 30

/**
 * Payload's query-complexity rule expands fragment spreads recursively while the other rules run,
 * so a fragment cycle (A spreads B spreads A) overflows the stack before graphql's own
 * NoFragmentCyclesRule can report it: a 500 with no body. This runs first, on the parsed
 * document and without recursion; a cyclic or too-deep query keeps only its fragments (the
 * complexity rule then has no operation to expand, graphql still names the cycle) and is refused.
 */
export function graphqlValidationRules(args: { document?: DocumentNode }): ValidationRule[] {
  const document = args.document
  if (!document || !(hasFragmentCycle(document) || depthOf(document) > MAX_DEPTH)) return []
  ;(args as { document: DocumentNode }).document = {
    ...document,
    definitions: document.definitions.filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION),
  }
  const refusal: ValidationRule = (context) => ({
    Document() {
      context.reportError(
        new GraphQLError(`${message(null, 'input.graphql-too-complex')} / ${messageEn('input.graphql-too-complex')}`),
      )
    },
  })
  return [refusal]
}

/** Names of the fragments spread anywhere under a node (iterative walk). */
function spreadsUnder(node: ASTNode): string[] {
  const names: string[] = []
  const stack: ASTNode[] = [node]
  while (stack.length) {
    const current = stack.pop() as ASTNode & { selectionSet?: { selections: readonly ASTNode[] } }
    if (current.kind === Kind.FRAGMENT_SPREAD) names.push(current.name.value)
    if (current.selectionSet) stack.push(...current.selectionSet.selections)
  }
  return names
}

function hasFragmentCycle(document: DocumentNode): boolean {
  const edges = new Map<string, string[]>()
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) edges.set(definition.name.value, spreadsUnder(definition))
  }
  // Depth-first search with colours, on an explicit stack.
  const state = new Map<string, 'open' | 'done'>()
  for (const start of edges.keys()) {
    if (state.has(start)) continue
    const stack: { name: string; next: number }[] = [{ name: start, next: 0 }]
    state.set(start, 'open')
    while (stack.length) {
      const top = stack[stack.length - 1]!
      const targets = edges.get(top.name) ?? []
      if (top.next >= targets.length) {
        state.set(top.name, 'done')
        stack.pop()
        continue
      }
      const target = targets[top.next++]!
      if (state.get(target) === 'open') return true
      if (!state.has(target) && edges.has(target)) {
        state.set(target, 'open')
        stack.push({ name: target, next: 0 })
      }
    }
  }
  return false
}

function depthOf(document: DocumentNode): number {
  let max = 0
  const stack: { node: ASTNode; depth: number }[] = document.definitions.map((node) => ({ node, depth: 0 }))
  while (stack.length) {
    const { node, depth } = stack.pop()!
    max = Math.max(max, depth)
    const selections = (node as { selectionSet?: { selections: readonly ASTNode[] } }).selectionSet?.selections ?? []
    for (const child of selections) stack.push({ node: child, depth: depth + 1 })
  }
  return max
}

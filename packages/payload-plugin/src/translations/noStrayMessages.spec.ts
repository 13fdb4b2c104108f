import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

import ts from 'typescript'
import { describe, expect, it } from 'vitest'

/**
 * Every user-facing message lives in translations/ (Vietnamese and English). This scans the plugin's
 * and the CMS's source for string literals with Vietnamese letters anywhere else and allows only
 * what is not a message: field labels (`label`, `labels`, `{ vi, en }` label pairs and the
 * field shorthands `text`/`date`/`richText`), Excel column headers and the template's example row,
 * data values (select options, defaults, literal types), Payload's own i18n overrides, seed data.
 */
const src = path.resolve(import.meta.dirname, '..')
const ROOTS = [src, path.resolve(src, '../../../cms/src')]
const SKIPPED_DIRS = new Set(['translations', 'seed', 'node_modules'])
// Payload's own catalogue overrides (its i18n keys), and generated types.
const SKIPPED_FILES = new Set(['i18nOverrides.ts', 'payload-types.ts'])

const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i
// Properties whose values are labels or column headers, at any depth below them.
const LABEL_PROPERTIES = new Set(['label', 'labels', 'singular', 'plural', 'description', 'placeholder', 'group', 'header', 'aliases', 'translations'])
// Properties whose values are data, not text for a person to read.
const DATA_PROPERTIES = new Set(['options', 'defaultValue', 'value'])
// Field shorthands taking the label as (name, vi, en): the records' text/date, the introduction's richText, the history's idField.
const LABEL_HELPERS = new Set(['text', 'date', 'richText', 'idField'])
// Values of the data itself (the sex column, the comment subjects' Đ/CĐ), compared and stored as such.
const DATA_VALUES = new Set(['Nam', 'Nữ', 'nữ', 'Đ', 'CĐ'])

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) yield* sourceFiles(path.join(dir, entry.name))
    } else if (/\.tsx?$/.test(entry.name) && !/\.spec\.tsx?$/.test(entry.name) && !SKIPPED_FILES.has(entry.name)) {
      yield path.join(dir, entry.name)
    }
  }
}

const propertyName = (node: ts.Node): string | null =>
  ts.isPropertyAssignment(node) && (ts.isIdentifier(node.name) || ts.isStringLiteral(node.name)) ? node.name.text : null

const isLabelPair = (node: ts.Node): boolean =>
  ts.isObjectLiteralExpression(node) &&
  node.properties.length === 2 &&
  node.properties.every((p) => ['vi', 'en'].includes(propertyName(p) ?? ''))

function allowed(literal: ts.Node): boolean {
  const text = (literal as ts.LiteralLikeNode).text
  if (DATA_VALUES.has(text.trim())) return true
  for (let node: ts.Node = literal, parent = literal.parent; parent; node = parent, parent = parent.parent) {
    if (ts.isLiteralTypeNode(parent) || ts.isTypeNode(parent)) return true
    const name = propertyName(parent)
    if (name && (LABEL_PROPERTIES.has(name) || DATA_PROPERTIES.has(name))) return true
    if (ts.isCallExpression(parent) && node !== parent.expression) {
      const callee = parent.expression
      if (ts.isIdentifier(callee) && LABEL_HELPERS.has(callee.text)) return true
      // The Excel template's example row.
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'addRow') return true
    }
    // A { vi, en } pair is a label (passed to a field helper, under `label`, in a `…Labels` map),
    // unless it is a message in disguise: picked by language on the spot (`{ vi, en }[lang]`) or
    // a constant of its own (`const refusal = { vi, en }`).
    if (isLabelPair(parent)) {
      let holder: ts.Node = parent.parent
      while (ts.isParenthesizedExpression(holder) || ts.isAsExpression(holder) || ts.isSatisfiesExpression(holder)) holder = holder.parent
      if (ts.isElementAccessExpression(holder)) return false
      if (ts.isCallExpression(holder)) return true
      if (ts.isVariableDeclaration(holder) && !(ts.isIdentifier(holder.name) && /(Labels?|Group)$/.test(holder.name.text))) return false
    }
    if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) && /(Labels?|Group)$/.test(parent.name.text)) return true
  }
  return false
}

export function strayMessages(): string[] {
  const found: string[] = []
  for (const root of ROOTS) {
    for (const file of sourceFiles(root)) {
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS)
      const visit = (node: ts.Node): void => {
        const literal =
          ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node) || ts.isJsxText(node)
        if (literal && VIETNAMESE.test(node.text) && !allowed(node)) {
          const { line } = source.getLineAndCharacterOfPosition(node.getStart())
          found.push(`${path.relative(path.resolve(src, '../../..'), file)}:${line + 1} ${node.text.trim().slice(0, 60)}`)
        }
        ts.forEachChild(node, visit)
      }
      visit(source)
    }
  }
  return found
}

describe('user-facing messages', () => {
  it('live in the translations catalogue: no Vietnamese literal elsewhere but labels, column headers and data', () => {
    expect(strayMessages()).toEqual([])
  })

  it('the check tells a stray message from a label or a column header', () => {
    const sample = ts.createSourceFile(
      'x.ts',
      [
        "throw new Error('Không tìm thấy lớp.')",
        "const refusal = { vi: 'Chỉ quản trị', en: 'Only admins' }[lang]",
        "const field = { name: 'x', label: { vi: 'Lớp', en: 'Class' } }",
        "const column = { key: 'fullName', header: 'Họ và tên' }",
      ].join('\n'),
      ts.ScriptTarget.Latest,
      true,
    )
    const literals: ts.Node[] = []
    const visit = (node: ts.Node): void => {
      if (ts.isStringLiteral(node) && VIETNAMESE.test(node.text)) literals.push(node)
      ts.forEachChild(node, visit)
    }
    visit(sample)
    expect(literals.map(allowed)).toEqual([false, false, true, true])
  })
})

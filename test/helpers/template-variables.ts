/**
 * The variables each template receives, read from the view types with the TypeScript checker:
 * the source of docs/templates.md's tables and of src/render/template-fields.ts, so neither can
 * drift from the types (test/template-variables.test.ts compares them).
 */
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import type { FieldInfo } from '../../src/render/template-fields.js'

const DATA_FILE = fileURLToPath(new URL('../../src/render/template-data.ts', import.meta.url))

/** A field with its documentation, as the types say. */
export interface DocumentedField {
  name: string
  type: string
  doc: string
  optional: boolean
  list: boolean
  fields: DocumentedField[] | null
  /** The type's name, for a table of its own (`CaseView`), or null for a literal object. */
  typeName: string | null
}

/** The templates and the interface each receives, in template-data.ts. */
export const TEMPLATE_TYPES = { 'report.hbs': 'ReportTemplateData', 'slides.hbs': 'DeckTemplateData' } as const

/** Every template's fields, walked from its data type. */
export function readTemplateVariables(): Record<keyof typeof TEMPLATE_TYPES, DocumentedField[]> {
  const program = ts.createProgram([DATA_FILE], { strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, skipLibCheck: true })
  const checker = program.getTypeChecker()
  const source = program.getSourceFile(DATA_FILE)!
  const exports = checker.getExportsOfModule(checker.getSymbolAtLocation(source)!)
  const result = {} as Record<keyof typeof TEMPLATE_TYPES, DocumentedField[]>
  for (const [template, typeName] of Object.entries(TEMPLATE_TYPES) as Array<[keyof typeof TEMPLATE_TYPES, string]>) {
    const symbol = exports.find((candidate) => candidate.name === typeName)!
    result[template] = fieldsOf(checker, checker.getDeclaredTypeOfSymbol(symbol), new Set())
  }
  return result
}

function fieldsOf(checker: ts.TypeChecker, type: ts.Type, seen: Set<ts.Type>): DocumentedField[] {
  const members = type.isUnion() ? type.types : [type]
  const fields = new Map<string, DocumentedField>()
  for (const member of members) {
    for (const property of checker.getPropertiesOfType(member)) {
      const field = fieldOf(checker, property, seen)
      const earlier = fields.get(property.name)
      // Slides of different kinds share names (`rows`: a number on the agenda, a list on the overview): a template may read either.
      fields.set(property.name, earlier ? mergeFields(earlier, field) : field)
    }
  }
  return [...fields.values()]
}

function fieldOf(checker: ts.TypeChecker, property: ts.Symbol, seen: Set<ts.Type>): DocumentedField {
  const declaration = property.valueDeclaration ?? property.declarations?.[0]
  const propertyType = declaration ? checker.getTypeOfSymbolAtLocation(property, declaration) : checker.getTypeOfSymbol(property)
  const value = checker.getNonNullableType(propertyType)
  const list = checker.isArrayType(value)
  const item = list ? checker.getTypeArguments(value as ts.TypeReference)[0] : value
  // A list of lists (a table's rows of cells) is not an object: its items' array methods are no fields.
  const object = isObjectLike(item) && !checker.isArrayType(item) && !seen.has(item)
  return {
    name: property.name,
    type: checker.typeToString(propertyType, undefined, ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType),
    doc: ts.displayPartsToString(property.getDocumentationComment(checker)).replace(/\s+/g, ' ').trim(),
    optional: (property.flags & ts.SymbolFlags.Optional) !== 0,
    list,
    fields: object ? fieldsOf(checker, item, new Set([...seen, item])) : null,
    typeName: object ? namedType(item) : null,
  }
}

function mergeFields(a: DocumentedField, b: DocumentedField): DocumentedField {
  if (a.type === b.type && a.doc === b.doc) return a
  const fields = a.fields && b.fields ? fieldsUnion(a.fields, b.fields) : (a.fields ?? b.fields)
  return {
    name: a.name,
    type: a.type === b.type ? a.type : `${a.type} | ${b.type}`,
    doc: [a.doc, b.doc].filter((doc, index, all) => doc && all.indexOf(doc) === index).join(' / '),
    optional: a.optional || b.optional,
    list: a.list || b.list,
    fields,
    typeName: a.typeName === b.typeName ? a.typeName : [a.typeName, b.typeName].filter(Boolean).join(' or ') || null,
  }
}

function fieldsUnion(a: DocumentedField[], b: DocumentedField[]): DocumentedField[] {
  const merged = new Map(a.map((field) => [field.name, field]))
  for (const field of b) merged.set(field.name, merged.has(field.name) ? mergeFields(merged.get(field.name)!, field) : field)
  return [...merged.values()]
}

function isObjectLike(type: ts.Type): boolean {
  const parts = type.isUnion() ? type.types : [type]
  return parts.every((part) => (part.flags & ts.TypeFlags.Object) !== 0 || part.isIntersection())
}

function namedType(type: ts.Type): string | null {
  const name = (type.aliasSymbol ?? type.getSymbol())?.name
  return name && !name.startsWith('__') ? name : null
}

/** The runtime form template-fields.ts holds: names, lists and nested fields, no documentation. */
export function toFieldInfo(fields: DocumentedField[]): Record<string, FieldInfo> {
  return Object.fromEntries(fields.map((field) => [field.name, { ...(field.typeName ? { type: field.typeName } : {}), ...(field.list ? { list: true } : {}), ...(field.fields ? { fields: toFieldInfo(field.fields) } : {}) }]))
}

/** src/render/template-fields.ts as generated from the types. */
export function templateFieldsModule(): string {
  const variables = readTemplateVariables()
  const data = Object.fromEntries(Object.entries(variables).map(([template, fields]) => [template, toFieldInfo(fields)]))
  return `/**
 * The fields each template receives, generated from the types in template-data.ts by
 * test/helpers/template-variables.ts (UPDATE=1 npx vitest run test/template-variables.test.ts
 * rewrites it): what the check of a user's template holds its variables to.
 */

/** One field: a list (of items with \`fields\`) or a value, with its own fields when it is an object. */
export interface FieldInfo {
  /** The type's name when it is a named object type (\`CaseView\`). */
  type?: string
  list?: true
  fields?: Record<string, FieldInfo>
}

/** Each template's fields. */
export const TEMPLATE_FIELDS: Record<string, Record<string, FieldInfo>> = ${JSON.stringify(data, null, 1).replace(/\n\s*/g, ' ')}
`
}

/** The Markdown tables of docs/templates.md: one per template and one per named type below it, each type once. */
export function variablesMarkdown(partials: Record<string, string[]>): string {
  const variables = readTemplateVariables()
  const out: string[] = []
  const done = new Set<string>()
  const table = (title: string, fields: DocumentedField[], note = '') => {
    out.push(`### ${title}`, '')
    if (note) out.push(note, '')
    out.push('| variable | type | what |', '|---|---|---|')
    for (const field of fields) {
      const type = field.typeName ? `${field.list ? 'list of ' : ''}[${field.typeName}](#${field.typeName.toLowerCase()})${field.optional || /null/.test(field.type) ? ' or nothing' : ''}` : `\`${field.type.replace(/\|/g, '\\|')}\``
      out.push(`| \`${field.name}\` | ${type} | ${field.doc.replace(/\|/g, '\\|') || '—'} |`)
    }
    out.push('')
    for (const field of fields) {
      if (field.fields && field.typeName && !done.has(field.typeName)) {
        done.add(field.typeName)
        const users = Object.entries(partials).filter(([, types]) => types.includes(field.typeName!)).map(([partial]) => `\`partials/${partial}.hbs\``)
        table(field.typeName, field.fields, users.length > 0 ? `What ${users.join(', ')} receive${users.length === 1 ? 's' : ''} in casebook's templates.` : '')
      }
    }
  }
  for (const [template, fields] of Object.entries(variables)) {
    const own = Object.entries(partials).filter(([, types]) => types.includes(`${template}'s own data`)).map(([partial]) => `\`partials/${partial}.hbs\``)
    table(`\`${template}\``, fields, own.length > 0 ? `Also what ${own.join(', ')} receive${own.length === 1 ? 's' : ''} in casebook's templates.` : '')
  }
  return out.join('\n')
}

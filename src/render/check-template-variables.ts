/**
 * A template's variables held to the fields it receives (template-fields.ts), by walking
 * Handlebars' own syntax tree: `{{tittle}}` renders nothing and Handlebars says nothing, so
 * casebook says it, at the file and line. Blocks (`each`, `with`) and partials carry the
 * context down as Handlebars does; `../` climbs, `@root` starts again at the top.
 */
import type { FieldInfo } from './template-fields.js'
import { editDistance } from '../text/edit-distance.js'

/** What one variable or include is found to be, at its place in its file. */
export interface TemplateFinding {
  file: string
  line: number
  column: number
  message: string
  /** A missing partial stops the build; the rest are warnings. */
  kind: 'unknown-variable' | 'unknown-label' | 'missing-partial'
}

/** A parsed template: its file and Handlebars' syntax tree. */
export interface ParsedTemplate {
  file: string
  ast: HbsNode
}

/** The part of Handlebars' syntax tree the walk reads (hbs.AST, loosely: its nodes vary in shape). */
export interface HbsNode {
  type: string
  loc?: { start: { line: number; column: number } }
  [key: string]: unknown
}

interface Scope {
  /** Null when the fields are not known (a value of no declared shape): nothing under it is checked. */
  fields: Record<string, FieldInfo> | null
  type?: string
}

/** What the walk needs besides the template. */
export interface VariableCheck {
  root: Record<string, FieldInfo>
  partials: ReadonlyMap<string, ParsedTemplate>
  helpers: readonly string[]
  /** Labels `{{t "key"}}` may name; absent, labels are not checked. */
  labels?: ReadonlySet<string>
  /** Told which type each partial is included with, for docs/templates.md. */
  onPartial?: (name: string, type: string | undefined) => void
}

/** Every unknown variable, unknown label and missing partial reachable from `template`. */
export function checkTemplateVariables(template: ParsedTemplate, check: VariableCheck): TemplateFinding[] {
  const findings: TemplateFinding[] = []
  const visited = new Set<string>()
  const rootScope: Scope = { fields: check.root }

  const find = (file: string, node: HbsNode, kind: TemplateFinding['kind'], message: string) => {
    const start = node.loc?.start ?? { line: 1, column: 0 }
    findings.push({ file, line: start.line, column: start.column + 1, kind, message })
  }

  /** The value `path` names in `stack`, reporting a name that is not there; null when unknown. */
  const resolve = (file: string, path: HbsNode, stack: Scope[]): { fields: Record<string, FieldInfo> | null; list: boolean; type?: string } | null => {
    const parts = path.parts as string[]
    let scope: Scope | undefined
    let names = parts
    if (path.data) {
      if (parts[0] !== 'root') return null
      scope = rootScope
      names = parts.slice(1)
    } else scope = stack[stack.length - 1 - (path.depth as number)]
    if (!scope || !scope.fields) return null
    let fields: Record<string, FieldInfo> | null = scope.fields
    let current: { fields: Record<string, FieldInfo> | null; list: boolean; type?: string } = { fields, list: false, type: scope.type }
    for (const [index, name] of names.entries()) {
      if (!fields) return null
      if (current.list && (name === 'length' || /^\d+$/.test(name))) {
        if (name === 'length') return null
        continue
      }
      const field: FieldInfo | undefined = Object.hasOwn(fields, name) ? fields[name] : undefined
      if (!field) {
        const known = Object.keys(fields).sort()
        const near = closest(name, known)
        const where = index === 0 ? 'here' : `in ${names.slice(0, index).join('.')}`
        find(file, path, 'unknown-variable', `“${path.original as string}” is no variable ${where}${near ? `; did you mean “${near}”?` : ''} (there are: ${known.join(', ')}); it renders as nothing`)
        return null
      }
      current = { fields: field.fields ?? null, list: field.list === true, type: field.type }
      fields = current.fields
    }
    return current
  }

  const expression = (file: string, node: HbsNode | undefined, stack: Scope[]): void => {
    if (!node) return
    if (node.type === 'PathExpression') resolve(file, node, stack)
    else if (node.type === 'SubExpression') call(file, node, stack)
  }

  /** A helper's arguments; a `t` with a literal key is checked against the catalogs' labels. */
  const call = (file: string, node: HbsNode, stack: Scope[]): void => {
    const params = (node.params as HbsNode[]) ?? []
    const helper = (node.path as HbsNode).original as string
    if (helper === 't' && check.labels && params[0]?.type === 'StringLiteral') {
      const key = params[0].value as string
      if (!check.labels.has(key)) {
        const near = closest(key, [...check.labels])
        find(file, params[0], 'unknown-label', `{{t "${key}"}}: no catalog has the label “${key}”${near ? `; did you mean “${near}”?` : ''} (add it to locales/<locale>.json under "messages")`)
      }
    }
    for (const param of params) expression(file, param, stack)
    for (const pair of ((node.hash as HbsNode | undefined)?.pairs as HbsNode[] | undefined) ?? []) expression(file, pair.value as HbsNode, stack)
  }

  const isHelperCall = (node: HbsNode) => ((node.params as unknown[]).length > 0 || node.hash !== undefined) || check.helpers.includes(((node.path as HbsNode).original as string) ?? '')

  const program = (file: string, node: HbsNode | undefined, stack: Scope[]): void => {
    for (const statement of ((node?.body as HbsNode[]) ?? [])) visit(file, statement, stack)
  }

  const visit = (file: string, node: HbsNode, stack: Scope[]): void => {
    switch (node.type) {
      case 'MustacheStatement':
        if (isHelperCall(node)) call(file, node, stack)
        else expression(file, node.path as HbsNode, stack)
        return
      case 'BlockStatement':
        return block(file, node, stack)
      case 'PartialStatement':
      case 'PartialBlockStatement':
        return partial(file, node, stack)
      default:
        return
    }
  }

  const block = (file: string, node: HbsNode, stack: Scope[]): void => {
    const path = node.path as HbsNode
    const name = path.original as string
    const params = (node.params as HbsNode[]) ?? []
    let inner: Scope | null = null
    if (name === 'each' || name === 'with') {
      // `{{#each this}}` inside `{{#each rows}}` walks a list of lists (a table's cells): the field
      // tables describe objects, not a list's items' items, so what is inside goes unchecked.
      const itself = params[0]?.type === 'PathExpression' && (params[0].parts as string[]).length === 0
      const value = params[0]?.type === 'PathExpression' && !itself ? resolve(file, params[0], stack) : null
      if (params[0] && params[0].type !== 'PathExpression') expression(file, params[0], stack)
      inner = { fields: value?.fields ?? null, type: value?.type }
    } else if (check.helpers.includes(name)) {
      call(file, node, stack)
    } else {
      // `{{#cases}}…{{/cases}}`: Handlebars iterates a list and enters an object.
      const value = resolve(file, path, stack)
      inner = { fields: value?.fields ?? null, type: value?.type }
    }
    program(file, node.program as HbsNode, inner ? [...stack, inner] : stack)
    program(file, node.inverse as HbsNode | undefined, stack)
  }

  const partial = (file: string, node: HbsNode, stack: Scope[]): void => {
    const nameNode = node.name as HbsNode
    const name = (nameNode.original ?? nameNode.value) as string
    const params = (node.params as HbsNode[]) ?? []
    const pairs = ((node.hash as HbsNode | undefined)?.pairs as HbsNode[] | undefined) ?? []
    for (const pair of pairs) expression(file, pair.value as HbsNode, stack)
    const target = check.partials.get(name)
    if (!target) {
      const near = closest(name, [...check.partials.keys()])
      find(file, node, 'missing-partial', `{{> ${name}}} includes a partial there is no file for (partials/${name}.hbs)${near ? `; did you mean “${near}”?` : ''}; the partials there are: ${[...check.partials.keys()].sort().join(', ')}`)
      return
    }
    let scope: Scope = stack[stack.length - 1]
    if (params[0]?.type === 'PathExpression') {
      const value = resolve(file, params[0], stack)
      scope = { fields: value?.fields ?? null, type: value?.type }
    } else if (params[0]) scope = { fields: null }
    // Hash arguments (`kind="intro"`) join the partial's context.
    if (scope.fields && pairs.length > 0) scope = { ...scope, fields: { ...scope.fields, ...Object.fromEntries(pairs.map((pair) => [pair.key as string, {}])) } }
    check.onPartial?.(name, scope.type)
    const key = `${name}\0${scope.type ?? ''}\0${scope.fields ? Object.keys(scope.fields).join(',') : '?'}`
    if (visited.has(key)) return
    visited.add(key)
    program(target.file, target.ast, [...stack, scope])
    if (node.type === 'PartialBlockStatement') program(file, node.program as HbsNode, stack)
  }

  program(template.file, template.ast, [rootScope])
  return findings
}

/** The name in `names` nearest to `name` (at most a third of its letters apart), for “did you mean”. */
function closest(name: string, names: string[]): string | null {
  let best: string | null = null
  let bestDistance = Math.max(1, Math.floor(name.length / 3)) + 1
  for (const candidate of names) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}


/**
 * A user's templates folder, checked before anything renders, each problem at the designer's own
 * file and line: a variable or label no view or catalog has, a stylesheet a browser would read
 * differently than written, an image that is not there, a file casebook never reads. A template
 * that cannot render (a syntax error, a missing partial) is a config error; the rest are warnings.
 */
import { slideProperties, unreadableSizeMessage } from './slides/slide-style.js'
import { readFile } from 'node:fs/promises'
import { relative, sep } from 'node:path'
import type { Position } from 'unist'
import { VFile } from 'vfile'
import { listFiles } from '../code-fingerprint.js'
import type { Format } from '../config/config-schema.js'
import { findTemplateFile } from '../config/template-dirs.js'
import { ConfigError } from '../errors.js'
import { report } from '../messages/report.js'
import { checkTemplateVariables, type HbsNode, type ParsedTemplate } from './check-template-variables.js'
import { checkStylesheet } from './check-stylesheet.js'
import { partialFiles, templateRoot } from './template-engine.js'
import { TEMPLATE_FIELDS } from './template-fields.js'
import { inlineTemplateImages } from './template-images.js'
import { templateReads, templatesRead } from './registry.js'
import { explainTemplateError } from './template-syntax-error.js'

/** Handlebars' own helpers and casebook's (template-engine.ts registers these). */
export const TEMPLATE_HELPERS = ['if', 'unless', 'each', 'with', 'lookup', 'log', 't', 'eq'] as const

/** Each format's page template and stylesheet. */
const PAGES: Partial<Record<Format, { template: string; styles: string }>> = {
  html: { template: 'report.hbs', styles: 'report.css' },
  pdf: { template: 'report.hbs', styles: 'report.css' },
  slides: { template: 'slides.hbs', styles: 'slides.css' },
  handout: { template: 'slides.hbs', styles: 'slides.css' },
  // slides.pptx is drawn at the sizes slides.css sets, from the same deck view.
  pptx: { template: 'slides.hbs', styles: 'slides.css' },
}

/**
 * The problems of the user's folder (`dirs[0]`, when there are two) for `formats`, as files with
 * warnings; `labels` are the keys the catalogs offer. casebook's own templates are held to the
 * same checks by its tests, so a build without a folder of its own checks nothing.
 */
export async function checkTemplates(dirs: string[], formats: readonly Format[], labels: ReadonlySet<string>): Promise<VFile[]> {
  if (dirs.length < 2) return []
  const user = dirs[0]
  const files = new Map<string, VFile>()
  const fileFor = async (path: string) => {
    let file = files.get(path)
    if (!file) files.set(path, (file = new VFile({ path, value: await readFile(path, 'utf8') })))
    return file
  }
  const own = (path: string) => path.startsWith(user)
  const pages = [...new Map(formats.map((format) => PAGES[format]).filter((page) => page !== undefined).map((page) => [page.template, page])).values()]
  const partials = await partialFiles(dirs)
  const parsed = new Map<string, ParsedTemplate>()
  const parse = async (path: string) => {
    const ast = await parseTemplate(path)
    parsed.set(path, { file: path, ast })
    return parsed.get(path)!
  }
  const partialTemplates = new Map<string, ParsedTemplate>()
  for (const [name, path] of partials) partialTemplates.set(name, await parse(path))
  for (const page of pages) {
    const path = findTemplateFile(dirs, page.template)
    if (!path) continue
    const template = await parse(path)
    const findings = checkTemplateVariables(template, { root: TEMPLATE_FIELDS[page.template], partials: partialTemplates, helpers: TEMPLATE_HELPERS, labels })
    for (const finding of findings) {
      if (finding.kind === 'missing-partial') throw new ConfigError(`${finding.file}:${finding.line}:${finding.column}: ${finding.message}`)
      const file = await fileFor(finding.file)
      const point = at(finding.line, finding.column)
      // A partial both pages include is reported once.
      if (!file.messages.some((message) => message.reason === finding.message && message.line === finding.line)) {
        report(file, finding.message, { place: point, ruleId: finding.kind === 'unknown-label' ? 'template-unknown-label' : 'template-unknown-variable', severity: 'warning' })
      }
    }
    const styles = findTemplateFile(dirs, page.styles)
    if (styles && own(styles)) {
      const file = await fileFor(styles)
      if (!file.messages.some((message) => message.ruleId === 'template-css')) {
        for (const problem of checkStylesheet(String(file.value), styles)) report(file, problem.message, { place: at(problem.line, problem.column), ruleId: 'template-css', severity: 'warning' })
        // The deck is filled for the sizes its stylesheet sets; one casebook cannot read is said at its line.
        if (page.styles === 'slides.css') {
          for (const size of slideProperties(String(file.value), styles).unreadable) report(file, unreadableSizeMessage(size.name), { place: at(size.line, size.column), ruleId: 'template-css', severity: 'warning' })
        }
      }
      imageProblems(file, user, 'css')
    }
  }
  for (const path of parsed.keys()) if (own(path)) imageProblems(await fileFor(path), templateRoot(dirs, path), 'html')
  for (const path of await unreadFiles(user)) {
    const file = new VFile({ path })
    report(file, unreadMessage(relative(user, path).split(sep).join('/')), { ruleId: 'template-unused-file', severity: 'warning' })
    files.set(path, file)
  }
  return [...files.values()].filter((file) => file.messages.length > 0)
}

/** Handlebars' syntax tree of a template file; a syntax error is a config error at its line, in words. */
async function parseTemplate(path: string): Promise<HbsNode> {
  const source = await readFile(path, 'utf8')
  // The compiler (not only the runtime a build renders with) is loaded for a user's templates alone.
  const { default: handlebars } = await import('handlebars')
  try {
    return handlebars.parse(source) as unknown as HbsNode
  } catch (error) {
    const problem = explainTemplateError(error, source)
    throw new ConfigError(`${path}${problem.line ? `:${problem.line}` : ''}: template syntax error: ${problem.reason}`, { cause: error })
  }
}

function imageProblems(file: VFile, base: string, kind: 'html' | 'css'): void {
  if (file.messages.some((message) => message.ruleId === 'template-image')) return
  for (const problem of inlineTemplateImages(String(file.value), base, kind).problems) {
    report(file, `${problem.reason}; it is left as written`, { place: at(problem.line, problem.column), ruleId: 'template-image', severity: 'warning' })
  }
}

/** Files in the user's folder no format reads (dot files are the user's own business). */
async function unreadFiles(user: string): Promise<string[]> {
  const all = Object.values(templatesRead).flat()
  const files = (await listFiles(user)).filter((path) => !relative(user, path).split(sep).some((part) => part.startsWith('.')))
  return files
    .filter((path) => {
      const name = relative(user, path).split(sep).join('/')
      if (name.startsWith('partials/')) return !name.endsWith('.hbs')
      if (name.startsWith('locales/')) return !name.endsWith('.json')
      return !all.some((read) => templateReads(read, name))
    })
    .sort()
}

function unreadMessage(name: string): string {
  const known = ['report.hbs', 'report.css', 'slides.hbs', 'slides.css', 'slides.js', 'partials/<name>.hbs', 'locales/<locale>.json', 'images and fonts the templates name']
  const near = known.find((candidate) => candidate.toLowerCase() === name.toLowerCase() || sameLetters(candidate, name))
  return `casebook reads no file named ${name} in the templates folder, so it changes nothing${near ? `; did you mean ${near}?` : ''} (casebook reads ${known.join(', ')})`
}

/** Two names a typo apart: the same length ±1 and at most two letters differ, in order. */
function sameLetters(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1 || a.includes('<')) return false
  let differences = 0
  for (let i = 0, j = 0; i < a.length || j < b.length; ) {
    if (a[i] === b[j]) {
      i++
      j++
      continue
    }
    if (++differences > 2) return false
    if (a.length > b.length) i++
    else if (b.length > a.length) j++
    else {
      i++
      j++
    }
  }
  return differences <= 2
}

function at(line: number, column: number): Position {
  const point = { line, column }
  return { start: point, end: point }
}

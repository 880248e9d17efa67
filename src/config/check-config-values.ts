/**
 * What the schema cannot see in a config: locale codes that name no catalog, items
 * listed twice, paths that lead nowhere. Each problem names the file and the key,
 * so no setting is passed over in silence.
 */
import { statSync } from 'node:fs'
import { browserPathProblem } from '../browser/find-browser.js'
import { availableLocales, canonicalLocaleCode, describeLocales, matchLocale } from './locale-code.js'
import { templateDirs } from './template-dirs.js'
import type { Config } from './config-schema.js'

/** A config after the schema, with its paths made absolute. */
interface ResolvedValues extends Omit<Config, 'brand'> {
  templatesDir?: string
}

/**
 * Checks `config` (read from `file`) and returns it with locale codes spelled as their
 * catalogs spell them (`zh-cn` → zh-CN); the problems come back as one message per line.
 */
export function checkConfigValues<T extends ResolvedValues>(config: T, file: string): { config: T; problems: string[] } {
  const problems: string[] = []
  const problem = (key: string, message: string) => problems.push(`${file}: config key “${key}”: ${message}`)
  const available = availableLocales(templateDirs(config.templatesDir))
  const result = { ...config }

  const templates = config.templatesDir && pathProblem(config.templatesDir, 'folder')
  if (templates) problem('templates', `${config.templatesDir} ${templates}`)
  const referenceDoc = config.docx.referenceDoc && pathProblem(config.docx.referenceDoc, 'file')
  if (referenceDoc) problem('docx.referenceDoc', `${config.docx.referenceDoc} ${referenceDoc}`)
  const pptxTemplate = config.pptx.template && pathProblem(config.pptx.template, 'file')
  if (pptxTemplate) problem('pptx.template', `${config.pptx.template} ${pptxTemplate}`)
  const browserProblem = config.browser.path ? browserPathProblem(config.browser.path) : null
  if (browserProblem) problem('browser.path', `${config.browser.path} ${browserProblem}; name a Chrome or Chromium executable, or leave the key out`)

  if (config.locales) {
    const locales: string[] = []
    config.locales.forEach((code, index) => {
      const match = matchLocale(code, available)
      if (!match) problem(`locales`, `no catalog for “${code}” (item ${index + 1}); ${describeLocales(available)}`)
      else if (locales.includes(match)) problem('locales', `${match} is listed twice`)
      else locales.push(match)
    })
    result.locales = locales
  }
  if (config.lang !== undefined) {
    const code = canonicalLocaleCode(config.lang)
    const match = code && matchLocale(code, available)
    if (!code) problem('lang', `“${config.lang}” is not a language code; use one such as zh-CN, zh-TW or en`)
    // Without `locales` the pack is built in the source's language, which then needs a catalog.
    else if (!match && !config.locales) problem('lang', `no catalog for “${config.lang}”, the locale built when the config has no \`locales\`; ${describeLocales(available)}`)
    else result.lang = match ?? code
  }
  const formats = new Set<string>()
  for (const format of config.formats) {
    if (formats.has(format)) problem('formats', `${format} is listed twice`)
    formats.add(format)
  }
  return { config: result, problems }
}

/** “does not exist”, “is a file, not a folder” …; null when `path` is the `kind` wanted. */
function pathProblem(path: string, kind: 'file' | 'folder'): string | null {
  const info = statSync(path, { throwIfNoEntry: false })
  if (!info) return 'does not exist'
  if (kind === 'folder' && !info.isDirectory()) return 'is not a folder'
  if (kind === 'file' && !info.isFile()) return 'is not a file'
  return null
}

/** What a build will make and where: the config, the input, the out folder, the formats, the template folders and, once the document is read, the locales. */
import { resolve } from 'node:path'
import type { Format } from '../config/config-schema.js'
import { findConfig, loadConfig, type ResolvedConfig } from '../config/load-config.js'
import { templateDirs } from '../config/template-dirs.js'
import { UsageError } from '../errors.js'
import { availableLocales, catalogLocales, describeLocales, matchLocale } from '../config/locale-code.js'
import { isMarkdown } from '../parse/source-names.js'
import type { ParsedDocument } from '../types.js'
import type { BuildOptions } from './build-types.js'
import { checkOutFolder, outSetting } from './check-out-folder.js'

/** A build's settings, each resolved from the options, then the config, then the defaults. */
export interface BuildPlan {
  config: ResolvedConfig
  input: string
  out: string
  formats: Format[]
  /** The template folders, the user's first. */
  dirs: string[]
}

/** Reads the config and resolves the build's settings; an out folder that would hold the input is a usage error. */
export async function planBuild(options: BuildOptions): Promise<BuildPlan> {
  const cwd = options.cwd ?? process.cwd()
  const config = await loadConfig(await findConfig(options.config, options.input, cwd))
  const input = resolve(cwd, options.input ?? config.input ?? 'content')
  const out = resolve(cwd, options.out ?? config.out ?? 'out')
  checkOutFolder(input, out, outSetting(options.out, config, cwd), cwd)
  return { config, input, out, formats: options.formats ?? config.formats, dirs: templateDirs(config.templatesDir) }
}

/** The locales to build: asked for, configured, or by default one pack in the document's own language. */
export function planLocales(options: BuildOptions, plan: BuildPlan, document: ParsedDocument): string[] {
  // Checked against the catalogs now, before the output folder is made or locked (the config's were, when it was read).
  if (options.locales) return catalogLocales(options.locales, plan.dirs)
  return plan.config.locales ?? [ownLocale(document, plan.dirs)]
}

/**
 * The locale of the document's own language, as its catalog spells it. The config's `lang` was
 * checked against the catalogs when it was read; one from front matter is named here with its file.
 */
function ownLocale(document: ParsedDocument, dirs: string[]): string {
  const lang = document.tree.data.lang
  const available = availableLocales(dirs)
  const match = matchLocale(lang, available)
  if (match) return match
  const markdown = document.files.filter((file) => isMarkdown(file.path)).map((file) => file.path)
  const where = markdown.length > 0 ? `${markdown.join(', ')}: front matter “lang: ${lang}”` : `The document's language “${lang}”`
  throw new UsageError(
    `${where} asks for a ${lang} pack, and there is no catalog for ${lang}; ${describeLocales(available)}. Name the locales to build with --locale, or add locales/${lang}.json to the folder the config's “templates” names`,
  )
}

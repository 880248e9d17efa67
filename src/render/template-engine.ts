/**
 * Handlebars templates from the template folders (the user's first), with a
 * `t` helper bound to one locale. Template mistakes name the file and line.
 */
import { readFile, readdir } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import type Handlebars from 'handlebars'
import { ConfigError } from '../errors.js'
import { findTemplateFile } from '../config/template-dirs.js'
import type { Locale } from '../locale/load-locale.js'
import { precompiledTemplates } from './template-cache.js'
import { inlineTemplateImages } from './template-images.js'

/** Renders a named template with a view; `source` is the text of it and its partials. */
export type RenderTemplate = ((view: object) => string) & { source: string }

/** Loads `name` (e.g. `report.hbs`) and every partial under `partials/`, for one locale. */
export async function loadTemplate(dirs: string[], name: string, locale: Locale): Promise<RenderTemplate> {
  const file = findTemplateFile(dirs, name)
  if (!file) throw new ConfigError(`Template not found: ${name} (looked in ${dirs.join(', ')})`)
  const partials = await partialFiles(dirs)
  const files = [file, ...partials.values()]
  // Relative images are embedded before compiling: the data URIs are then part of the text the compiled templates are cached by.
  const sources = await Promise.all(files.map(async (path) => inlineTemplateImages(await readFile(path, 'utf8'), templateRoot(dirs, path), 'html').text))
  const { default: runtime } = (await import('handlebars/runtime.js')) as unknown as { default: typeof Handlebars }
  const helpers: Record<string, Handlebars.HelperDelegate> = {
    // A label no catalog has was named at its line by check-templates.ts; the page shows the key, as i18n libraries do.
    t: (key: string, options: Handlebars.HelperOptions) => (Object.hasOwn(locale.messages, key) ? locale.t(key, options.hash) : key),
    eq: (a: unknown, b: unknown) => a === b,
  }
  const [main, ...partialSpecs] = await precompiledTemplates(
    files.map((path, index) => ({ file: path, source: sources[index] })),
    runtime.VERSION,
    Object.keys(helpers),
  )
  const env = runtime.create()
  env.registerHelper(helpers)
  ;[...partials.keys()].forEach((partial, index) => env.registerPartial(partial, env.template(partialSpecs[index])))
  const template = env.template(main)
  const render = (view: object) => {
    try {
      return template(view)
    } catch (error) {
      throw new ConfigError(`${file}: ${(error as Error).message}`, { cause: error })
    }
  }
  return Object.assign(render, { source: sources.join('\n') })
}

/** Reads a template asset such as a stylesheet, the user's copy first; a stylesheet's relative `url()`s are embedded. */
export async function readTemplateAsset(dirs: string[], name: string): Promise<string> {
  const file = findTemplateFile(dirs, name)
  if (!file) throw new ConfigError(`Template asset not found: ${name}`)
  const text = await readFile(file, 'utf8')
  return name.endsWith('.css') ? inlineTemplateImages(text, dirname(file), 'css').text : text
}

/** The template folder `file` is in: a page's relative URLs, a partial's too, are relative to it. */
export function templateRoot(dirs: string[], file: string): string {
  return dirs.find((dir) => file.startsWith(join(dir, '/'))) ?? dirname(file)
}

/** Partials by name; a user's partial replaces the built-in one of the same name. */
export async function partialFiles(dirs: string[]): Promise<Map<string, string>> {
  const partials = new Map<string, string>()
  for (const dir of [...dirs].reverse()) {
    const folder = join(dir, 'partials')
    const names = await readdir(folder).catch(() => [] as string[])
    for (const name of names.filter((entry) => entry.endsWith('.hbs')).sort()) {
      partials.set(basename(name, '.hbs'), join(folder, name))
    }
  }
  return partials
}

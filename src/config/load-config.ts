/** Finds, reads and validates the config file; relative paths in it resolve against its folder. */
import { existsSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import * as v from 'valibot'
import { ConfigError } from '../errors.js'
import { DEFAULT_BRAND, type Brand } from './brand.js'
import { checkConfigValues } from './check-config-values.js'
import { brandSchema, configSchema, describeValue, type BrandConfig, type Config } from './config-schema.js'
import { resolveBrand } from './resolve-brand.js'
import { errnoCode, errnoMeaning } from '../io/fs-errors.js'

/** Names a config file may have, looked up in this order. */
export const CONFIG_NAMES = ['casebook.yaml', 'casebook.yml', 'casebook.json']

/** A validated config, with the file it came from (null for defaults) and paths made absolute. */
export interface ResolvedConfig extends Omit<Config, 'brand'> {
  file: string | null
  /** The house style, resolved (logo read, fonts found); casebook's own when the config sets none. */
  brand: Brand
  /** Absolute template override folder, if any. */
  templatesDir?: string
}

/**
 * Finds the config: `explicit`, else a config in the working directory, else one
 * in the input's folder (the default content/ keeps its config beside the document).
 */
export async function findConfig(explicit: string | undefined, input: string | undefined, cwd = process.cwd()): Promise<string | null> {
  if (explicit) {
    const info = await stat(resolve(cwd, explicit)).catch(() => null)
    if (!info) throw new ConfigError(`Config file not found: ${explicit}`)
    if (info.isDirectory()) {
      // The config file in it, if there is one, is most likely what was meant.
      const inside = CONFIG_NAMES.map((name) => join(explicit, name)).find((candidate) => existsSync(resolve(cwd, candidate)))
      throw new ConfigError(`--config ${explicit} is a folder; name a config file (${CONFIG_NAMES.join(', ')})${inside ? `, such as ${inside}` : ''}`)
    }
    return explicit
  }
  const folders = [cwd]
  if (input) {
    const inputPath = resolve(cwd, input)
    const isFolder = await stat(inputPath).then((info) => info.isDirectory(), () => false)
    folders.push(isFolder ? inputPath : dirname(inputPath))
  } else {
    folders.push(join(cwd, 'content'))
  }
  for (const folder of folders) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(folder, name)
      if (existsSync(candidate)) return candidate
    }
  }
  // brand.yml is read beside a config; without one it would be ignored in silence.
  const brand = folders.map((folder) => join(folder, BRAND_FILE)).find((path) => existsSync(path))
  if (brand) throw new ConfigError(`${brand}: casebook reads ${BRAND_FILE} beside a config file, and there is none; add a casebook.yaml beside it (casebook init writes one), or name one with --config`)
  return null
}

/** Reads and validates a config file; null gives the defaults. */
export async function loadConfig(file: string | null): Promise<ResolvedConfig> {
  if (!file) return { ...v.parse(configSchema, {}), file: null, brand: DEFAULT_BRAND }
  let raw: unknown
  try {
    const text = await readFile(file, 'utf8')
    raw = file.endsWith('.json') ? JSON.parse(text) : (await import('./parse-yaml.js')).parseYaml(text)
  } catch (error) {
    const code = errnoCode(error)
    // YAML's message ends its first line with a colon before a picture of the place; the line is enough.
    const reason = code ? errnoMeaning(code) : (error as Error).message.split('\n')[0].replace(/:\s*$/, '')
    throw new ConfigError(`${file}: cannot read config: ${reason}`, { cause: error })
  }
  const result = v.safeParse(configSchema, raw ?? {})
  if (!result.success) throw new ConfigError(formatIssues(file, result.issues))
  const base = dirname(resolve(file))
  const { brand: writtenBrand, ...config } = result.output
  const brand = await readBrand(file, base, writtenBrand, config.images.maxBytes)
  const checked = checkConfigValues(
    {
      ...config,
      file,
      brand: brand.brand,
      input: config.input && resolve(base, config.input),
      out: config.out && resolve(base, config.out),
      templatesDir: config.templates && resolve(base, config.templates),
      docx: { ...config.docx, referenceDoc: config.docx.referenceDoc && resolve(base, config.docx.referenceDoc) },
      pptx: { ...config.pptx, template: config.pptx.template && resolve(base, config.pptx.template) },
      browser: { ...config.browser, path: config.browser.path && resolve(base, config.browser.path) },
    },
    file,
  )
  const problems = [...brand.problems, ...checked.problems]
  if (problems.length > 0) throw new ConfigError(problems.join('\n'))
  return checked.config
}

/** The file beside a config that holds the brand on its own, as Quarto's _brand.yml does. */
export const BRAND_FILE = 'brand.yml'
/** Names a brand file is likely given by mistake (Quarto's among them). */
const BRAND_FILE_MISTAKES = ['brand.yaml', '_brand.yml', '_brand.yaml', 'brand.json']

/**
 * The brand: the config's `brand:` section, or brand.yml beside the config (never both: which
 * would win is not obvious), or casebook's own. Shape errors stop here; font and logo problems
 * come back to be reported with the config's other problems.
 */
async function readBrand(file: string, base: string, written: BrandConfig | undefined, maxBytes: number): Promise<{ brand: Brand; problems: string[] }> {
  const brandFile = join(base, BRAND_FILE)
  const hasFile = existsSync(brandFile)
  // A brand file under another name would be ignored in silence.
  const misnamed = BRAND_FILE_MISTAKES.map((name) => join(base, name)).find((path) => existsSync(path))
  if (misnamed && !hasFile) throw new ConfigError(`${misnamed}: casebook reads the brand from ${BRAND_FILE} beside the config (or its brand: section); rename the file to ${BRAND_FILE}`)
  if (written && hasFile) throw new ConfigError(`${file}: config key “brand”: the brand is set twice, here and in ${brandFile}; keep one of them`)
  if (written) return resolveBrand(written, file, 'brand.', base, maxBytes)
  if (!hasFile) return { brand: DEFAULT_BRAND, problems: [] }
  let raw: unknown
  try {
    raw = (await import('./parse-yaml.js')).parseYaml(await readFile(brandFile, 'utf8'))
  } catch (error) {
    const code = errnoCode(error)
    throw new ConfigError(`${brandFile}: cannot read brand: ${code ? errnoMeaning(code) : (error as Error).message.split('\n')[0].replace(/:\s*$/, '')}`, { cause: error })
  }
  const parsed = v.safeParse(brandSchema, raw ?? {})
  if (!parsed.success) throw new ConfigError(formatIssues(brandFile, parsed.issues))
  return resolveBrand(parsed.output, brandFile, '', base, maxBytes)
}

/**
 * One line per issue, naming the file and the key's dotted path. An unknown key is
 * reported on the object that holds it (its message lists the unknown keys).
 */
function formatIssues(file: string, issues: readonly v.BaseIssue<unknown>[]): string {
  return issues
    .map((issue) => {
      const path = issue.path ?? []
      const keys = path.at(-1)?.origin === 'key' ? path.slice(0, -1) : path
      const key = keys.map((item) => String(item.key)).join('.')
      return `${file}: ${key ? `config key “${key}”: ` : ''}${plainMessage(issue)}`
    })
    .join('\n')
}

/** Words for the types a config value may need. */
const TYPE_NAMES: Record<string, string> = { string: 'text', number: 'a number', array: 'a list', boolean: 'true or false', object: 'a mapping of keys to values' }

/**
 * valibot's default wording (“Invalid type: Expected string but received null”) said
 * plainly: what the key takes and what it got. Messages casebook wrote itself are kept.
 */
function plainMessage(issue: v.BaseIssue<unknown>): string {
  if (!issue.message.startsWith('Invalid ')) return issue.message
  if (issue.input === null || issue.input === undefined) return 'has no value; give one, or remove the key'
  if (issue.kind === 'schema' && TYPE_NAMES[issue.type]) return `expected ${TYPE_NAMES[issue.type]}, got ${describeValue(issue.input)}`
  if (issue.type === 'gt_value') return `expected a number above ${String(issue.requirement)}, got ${describeValue(issue.input)}`
  return issue.message.replace(/^Invalid \w+: /, '')
}

/** The configuration file's shape, validated with valibot so errors can name the key. */
import * as v from 'valibot'
import { calendarDate, DATE_ADVICE } from '../text/calendar-date.js'
import { compileCaseHeading } from './case-heading-pattern.js'
import { editDistance } from '../text/edit-distance.js'
import { parseBrandColor } from './brand-color.js'

/** Output formats a build can write; each is one renderer. */
export const FORMATS = ['html', 'pdf', 'slides', 'handout', 'docx', 'pptx'] as const
/** One output format. */
export type Format = (typeof FORMATS)[number]

const SECTION_KINDS = ['background', 'analysis', 'insight', 'other'] as const
/** Where a case starts in report.pdf: on a new page (with its title in the running header), or where the last one ended. */
export const CASE_BREAKS = ['page', 'auto'] as const
/** How cases follow each other in report.pdf. */
export type CaseBreak = (typeof CASE_BREAKS)[number]
/** A real calendar day, as front matter checks it too; a YAML timestamp (string or Date) gives its day. */
const isoDate = v.pipe(
  v.unknown(),
  jsonSchema({ type: 'string', format: 'date' }),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const result = calendarDate(dataset.value)
    if (result.ok) return result.date
    addIssue({ message: `${result.reason}; ${DATE_ADVICE}` })
    return NEVER
  }),
)
/** A case heading pattern that compiles and can find a title; kept as written, as the parser compiles it again. */
const caseHeadingPattern = v.pipe(
  v.string(),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    const compiled = compileCaseHeading(dataset.value)
    if ('pattern' in compiled) return dataset.value
    addIssue({ message: compiled.problem })
    return NEVER
  }),
)
const nonEmptyList = 'expected a list of at least one item'

/** A value as a message names it: “a4”, the number 4, a list, no value. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'no value'
  if (typeof value === 'string') return `“${value}”`
  if (Array.isArray(value)) return 'a list'
  if (value instanceof Date) return `the date ${value.toISOString().slice(0, 10)}`
  if (typeof value === 'object') return 'a mapping of keys to values'
  return `the ${typeof value} ${String(value)}`
}

/**
 * One of `options`, matched whatever its case (`a4` is A4, `HTML` is html), as the command line
 * matches formats and locales; anything else names the options there are and, with `suggest`
 * (words a typo is likely in), the nearest one (`did you mean “tables”?`).
 */
function choice<const T extends readonly string[]>(options: T, suggest = false) {
  return v.pipe(
    v.unknown(),
    jsonSchema({ type: 'string', enum: [...options] }),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const value = dataset.value
      const match = typeof value === 'string' ? options.find((option) => option.toLowerCase() === value.trim().toLowerCase()) : undefined
      if (match !== undefined) return match as T[number]
      const near = suggest && typeof value === 'string' ? nearestKey(value.trim(), [...options]) : undefined
      addIssue({ message: `expected one of ${options.join(', ')}, got ${describeValue(value)}${near ? ` (did you mean “${near}”?)` : ''}` })
      return NEVER
    }),
  )
}

/** A tunable check's severity, or off. */
const RULE_SETTINGS = ['off', 'info', 'warning', 'error'] as const
/** How the zh-* packs print punctuation (config `typography.punctuation`). */
export const PUNCTUATION_STYLES = ['normalize', 'keep'] as const

/** The lists the PDF and .docx can print after the contents. */
export const FLOAT_LISTS = ['figures', 'tables'] as const

/** Largest picture a document may show, by default: 8 MB (the HTML carries it inline). */
export const DEFAULT_IMAGE_MAX_BYTES = 8 * 1024 * 1024

/**
 * What a key's JSON Schema says where valibot's cannot be converted (a transform): @valibot/to-json-schema
 * copies metadata into the schema (config-json-schema.ts), which editors use to complete casebook.yaml.
 */
function jsonSchema(schema: Record<string, unknown>) {
  return v.metadata<unknown, Record<string, unknown>>(schema)
}

/**
 * An object whose unknown keys are errors. valibot stops at the first unknown key,
 * so the message lists every unknown key beside it, as a reader fixing a typo wants.
 */
function strictObject<TEntries extends v.ObjectEntries>(entries: TEntries) {
  return v.strictObject(entries, (issue) => {
    const at = issue.path?.at(-1)
    if (at?.type !== 'object' || at.origin !== 'key') return `expected a mapping of keys to values, received ${issue.received}`
    if (Array.isArray(at.input)) return 'expected a mapping of keys to values, received a list'
    const known = Object.keys(entries)
    const unknown = Object.keys(at.input).filter((key) => !Object.hasOwn(entries, key))
    const named = unknown.map((key) => {
      const near = nearestKey(key, known)
      return `“${key}”${near ? ` (did you mean “${near}”?)` : ''}`
    })
    return `unknown key${unknown.length > 1 ? 's' : ''} ${named.join(', ')}; the keys here are ${known.join(', ')}`
  })
}

/** The known key a typo most likely meant: the same but for case, a letter or two, or a plural. */
function nearestKey(key: string, known: string[]): string | undefined {
  let best: { key: string; distance: number } | undefined
  for (const candidate of known) {
    const distance = editDistance(key.toLowerCase(), candidate.toLowerCase())
    if (distance <= (candidate.length > 4 ? 2 : 1) && (!best || distance < best.distance)) best = { key: candidate, distance }
  }
  return best?.key
}

/** A brand colour: CSS hex or a CSS colour name, kept as `#rrggbb`. */
const brandColor = v.pipe(
  v.unknown(),
  jsonSchema({ type: 'string', description: 'A CSS hex colour (#1f3864, #fc0) or a CSS colour name (navy)' }),
  v.rawTransform(({ dataset, addIssue, NEVER }) => {
    if (typeof dataset.value !== 'string') {
      // In YAML an unquoted `#c9a227` is a comment, which leaves the key with no value.
      const hint = dataset.value === null ? '; a # starts a comment in YAML, so write a hex colour in quotes: "#1f3864"' : ''
      addIssue({ message: `expected a colour such as #1f3864 or navy, got ${describeValue(dataset.value)}${hint}` })
      return NEVER
    }
    const parsed = parseBrandColor(dataset.value)
    if ('color' in parsed) return parsed.color
    addIssue({ message: parsed.problem })
    return NEVER
  }),
)
/** One role's faces: an @fontsource package name or a font file in the project, for Latin and for CJK text. */
const brandFont = strictObject({ latin: v.optional(v.string()), cjk: v.optional(v.string()) })

/**
 * The house style (`brand:` in casebook.yaml, or all of brand.yml): what the user wrote, checked for
 * shape here; config/resolve-brand.ts finds the fonts and reads the logo.
 */
export const brandSchema = strictObject({
  colors: v.optional(
    strictObject({ primary: v.optional(brandColor), accent: v.optional(brandColor), text: v.optional(brandColor), background: v.optional(brandColor), muted: v.optional(brandColor) }),
  ),
  fonts: v.optional(strictObject({ body: v.optional(brandFont), headings: v.optional(brandFont) })),
  logo: v.optional(v.pipe(v.string(), v.minLength(1, 'expected the path of an image file'))),
  organisation: v.optional(v.string()),
  classification: v.optional(v.string()),
})
/** A brand as written. */
export type BrandConfig = v.InferOutput<typeof brandSchema>

/** Every key a config file may hold. Unknown keys are errors, so typos do not pass silently. */
export const configSchema = strictObject({
  input: v.optional(v.string()),
  out: v.optional(v.string()),
  title: v.optional(v.pipe(v.string(), v.minLength(1, 'expected a non-empty string'))),
  subtitle: v.optional(v.string()),
  author: v.optional(v.string()),
  organisation: v.optional(v.string()),
  date: v.optional(isoDate),
  lang: v.optional(v.string()),
  locales: v.optional(v.pipe(v.array(v.string()), v.minLength(1, nonEmptyList))),
  formats: v.optional(v.pipe(v.array(choice(FORMATS)), v.minLength(1, nonEmptyList)), () => [...FORMATS]),
  templates: v.optional(v.string()),
  outline: v.optional(strictObject({ caseHeading: v.optional(caseHeadingPattern) }), {}),
  page: v.optional(strictObject({ size: v.optional(choice(['A4', 'Letter'])) }), {}),
  /** Lists of figures and of tables after the contents (PDF and .docx). */
  lists: v.optional(v.array(choice(FLOAT_LISTS, true)), () => []),
  images: v.optional(
    strictObject({
      maxBytes: v.optional(v.pipe(v.number(), v.integer((issue) => `expected a whole number, received ${issue.received}`), v.gtValue(0)), DEFAULT_IMAGE_MAX_BYTES),
    }),
    {},
  ),
  layout: v.optional(strictObject({ caseBreak: v.optional(choice(CASE_BREAKS), 'page') }), {}),
  check: v.optional(
    strictObject({
      expectedSections: v.optional(v.array(choice(SECTION_KINDS)), () => ['background', 'analysis', 'insight']),
      /** The severity of the rules that can be tuned, or off (src/check/rule-context.ts has their defaults). */
      rules: v.optional(strictObject({ 'cjk-punctuation': v.optional(choice(RULE_SETTINGS)), 'cjk-spacing': v.optional(choice(RULE_SETTINGS)) }), {}),
      /** What cjk-spacing asks for between Chinese and Latin letters or digits. */
      spacing: v.optional(choice(['space', 'none']), 'space'),
    }),
    {},
  ),
  /** How the zh-* packs print punctuation: half-width marks in Chinese text made full-width (`normalize`), or as written (`keep`). */
  typography: v.optional(strictObject({ punctuation: v.optional(choice(PUNCTUATION_STYLES), 'normalize') }), {}),
  docx: v.optional(
    strictObject({
      referenceDoc: v.optional(v.string()),
      fonts: v.optional(strictObject({ latin: v.optional(v.string()), eastAsia: v.optional(v.string()) })),
    }),
    {},
  ),
  brand: v.optional(brandSchema),
  /** The handout (slides.pdf): `notes` prints a page of speaker notes after each slide, or run of slides, that has them. */
  handout: v.optional(strictObject({ notes: v.optional(v.boolean(), false) }), {}),
  /** slides.pptx: a .pptx whose slide master, layouts and theme replace casebook's (as `docx.referenceDoc` does for Word). */
  pptx: v.optional(strictObject({ template: v.optional(v.string()) }), {}),
  browser: v.optional(
    strictObject({
      path: v.optional(v.string()),
      timeout: v.optional(v.pipe(v.number(), v.integer((issue) => `expected a whole number, received ${issue.received}`), v.gtValue(0)), 60_000),
    }),
    {},
  ),
})

/** A config as written, after defaults. */
export type Config = v.InferOutput<typeof configSchema>

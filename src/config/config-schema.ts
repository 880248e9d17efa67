/** The configuration file's shape, validated with zod so errors can name the key. */
import { z } from 'zod'

// zod compiles a fast path per schema with `new Function`: ~190 ms for a config read once per run.
z.config({ jitless: true })

/** Output formats a build can write; each is one renderer. */
export const FORMATS = ['html', 'pdf', 'slides', 'docx'] as const
/** One output format. */
export type Format = (typeof FORMATS)[number]

const SECTION_KINDS = ['background', 'analysis', 'insight', 'other'] as const
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')

/** Every key a config file may hold. Unknown keys are errors, so typos do not pass silently. */
export const configSchema = z
  .object({
    input: z.string().optional(),
    out: z.string().optional(),
    title: z.string().min(1).optional(),
    subtitle: z.string().optional(),
    author: z.string().optional(),
    organisation: z.string().optional(),
    date: z.union([isoDate, z.date().transform((date) => date.toISOString().slice(0, 10))]).optional(),
    lang: z.string().default('zh-CN'),
    locales: z.array(z.string()).min(1).optional(),
    formats: z.array(z.enum(FORMATS)).min(1).default([...FORMATS]),
    templates: z.string().optional(),
    page: z.object({ size: z.enum(['A4', 'Letter']).optional() }).strict().default({}),
    check: z
      .object({ expectedSections: z.array(z.enum(SECTION_KINDS)).default(['background', 'analysis', 'insight']) })
      .strict()
      .default({ expectedSections: ['background', 'analysis', 'insight'] }),
    docx: z
      .object({
        referenceDoc: z.string().optional(),
        fonts: z.object({ latin: z.string().optional(), eastAsia: z.string().optional() }).strict().optional(),
      })
      .strict()
      .default({}),
    browser: z
      .object({ path: z.string().optional(), timeout: z.number().int().positive().default(60_000) })
      .strict()
      .default({ timeout: 60_000 }),
  })
  .strict()

/** A config as written, after defaults. */
export type Config = z.infer<typeof configSchema>

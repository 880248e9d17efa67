/**
 * Reading the brand (issue 20, part 1): the `brand:` section of casebook.yaml or a brand.yml
 * beside it, resolved in the config layer (colours normalized, fonts found, logo read), and every
 * mistake a config error naming the file and the key, with the nearest name where one helps.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { createRequire } from 'node:module'
import fontverter from 'fontverter'
import { describe, expect, it } from 'vitest'
import { findConfig, loadConfig } from '../src/config/load-config.js'
import { planWatch } from '../src/watch/watch-plan.js'
import { parseBrandColor } from '../src/config/brand-color.js'
import { DEFAULT_BRAND, DEFAULT_BRAND_COLORS } from '../src/config/brand.js'
import { ConfigError } from '../src/errors.js'
import { casebook } from './helpers/cli.js'
import { solidPng } from './helpers/png.js'

const require = createRequire(import.meta.url)
/** Noto Serif's Latin slice, a real WOFF2 in casebook's own install. */
const NOTO_SERIF_LATIN = join(dirname(require.resolve('@fontsource/noto-serif/package.json')), 'files', 'noto-serif-latin-400-normal.woff2')

/** A project folder with `files` written into it; returns its config's path. */
function project(config: string, files: Record<string, string | Uint8Array> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'casebook-brand-'))
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true })
    writeFileSync(join(dir, name), content)
  }
  writeFileSync(join(dir, 'casebook.yaml'), config)
  return join(dir, 'casebook.yaml')
}

/** The config error `file` gives, as text. */
async function configError(file: string): Promise<string> {
  const error = await loadConfig(file).then(
    () => null,
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(ConfigError)
  return (error as Error).message
}

describe('brand colours', () => {
  it('are #rrggbb, from hex of either length or a CSS name, whatever the case', () => {
    expect(parseBrandColor('navy')).toEqual({ color: '#000080' })
    expect(parseBrandColor(' Gold ')).toEqual({ color: '#ffd700' })
    expect(parseBrandColor('#FC0')).toEqual({ color: '#ffcc00' })
    expect(parseBrandColor('#1F3864')).toEqual({ color: '#1f3864' })
  })

  it('are not anything else, and a typo of a name gets the name', () => {
    expect(parseBrandColor('navvy')).toEqual({ problem: expect.stringContaining('(did you mean “navy”?)') })
    expect(parseBrandColor('#12345')).toEqual({ problem: expect.stringContaining('is not a colour') })
    expect(parseBrandColor('#ff000080')).toEqual({ problem: expect.stringContaining('alpha channel') })
    expect(parseBrandColor('rgb(0,0,0)')).toEqual({ problem: expect.stringContaining('write #rrggbb, #rgb or a CSS colour name') })
  })
})

describe('the brand a config resolves to', () => {
  it('is casebook’s own without a brand', async () => {
    const config = await loadConfig(project('title: x\n'))
    expect(config.brand).toBe(DEFAULT_BRAND)
    expect((await loadConfig(null)).brand).toBe(DEFAULT_BRAND)
  })

  it('fills the colours the brand leaves out with casebook’s, reads the logo once and keeps the text lines', async () => {
    const logo = solidPng(8, [0, 0, 128])
    const file = project(
      'brand:\n  colors:\n    primary: navy\n    accent: "#C9A227"\n  logo: art/logo.png\n  organisation: " 某市发展研究中心 "\n  classification: 内部资料 注意保密\n',
      { 'art/logo.png': logo },
    )
    const { brand } = await loadConfig(file)
    expect(brand.custom).toBe(true)
    expect(brand.colors).toEqual({ ...DEFAULT_BRAND_COLORS, primary: '#000080', accent: '#c9a227' })
    expect(brand.logo).toMatchObject({ path: 'art/logo.png', type: 'image/png', width: 8, height: 8 })
    expect(Buffer.from(brand.logo!.bytes).equals(logo)).toBe(true)
    expect(brand.logo!.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(brand.organisation).toBe('某市发展研究中心')
    expect(brand.classification).toBe('内部资料 注意保密')
  })

  it('finds a font package in the project before casebook’s, and casebook’s when the project has none', async () => {
    const file = project('brand:\n  fonts:\n    body:\n      latin: "@fontsource/noto-serif"\n      cjk: noto-sans-sc\n', {
      'node_modules/@fontsource/noto-serif/package.json': JSON.stringify({ name: '@fontsource/noto-serif', version: '9.9.9' }),
      'node_modules/@fontsource/noto-serif/metadata.json': JSON.stringify({ family: 'Project Serif' }),
    })
    const { brand } = await loadConfig(file)
    expect(brand.fonts.body.latin).toEqual({
      family: 'Project Serif',
      source: { type: 'fontsource', packageDir: join(dirname(file), 'node_modules', '@fontsource', 'noto-serif') },
      fingerprint: '@fontsource/noto-serif@9.9.9',
    })
    expect(brand.fonts.body.cjk?.family).toBe('Noto Sans SC')
    expect(brand.fonts.body.cjk?.source).toEqual({ type: 'fontsource', packageDir: dirname(require.resolve('@fontsource/noto-sans-sc/package.json')) })
  })

  it('reads a font file’s family from its name table, as WOFF2 and as TrueType', async () => {
    const woff2 = await import('node:fs').then((fs) => fs.readFileSync(NOTO_SERIF_LATIN))
    const ttf = await fontverter.convert(woff2, 'sfnt')
    const file = project('brand:\n  fonts:\n    body: {latin: fonts/house.woff2}\n    headings: {latin: fonts/house.ttf}\n', { 'fonts/house.woff2': woff2, 'fonts/house.ttf': ttf })
    const { brand } = await loadConfig(file)
    expect(brand.fonts.body.latin?.family).toBe('Noto Serif')
    expect(brand.fonts.headings.latin?.family).toBe('Noto Serif')
    expect(brand.fonts.body.latin?.source).toEqual({ type: 'files', files: [{ weight: 400, style: 'normal', path: join(dirname(file), 'fonts', 'house.woff2') }] })
    // A bold file says so (its OS/2 weight), so the browser does not embolden it again.
    const bold = project('brand:\n  fonts:\n    headings: {latin: bold.woff2}\n', { 'bold.woff2': readFileSync(NOTO_SERIF_LATIN.replace('-400-', '-700-')) })
    expect((await loadConfig(bold)).brand.fonts.headings.latin?.source).toEqual({ type: 'files', files: [{ weight: 700, style: 'normal', path: join(dirname(bold), 'bold.woff2') }] })
    // The same glyphs in two containers are two files: their fingerprints are their bytes'.
    expect(brand.fonts.body.latin?.fingerprint).toMatch(/^[0-9a-f]{64}$/)
    expect(brand.fonts.body.latin?.fingerprint).not.toBe(brand.fonts.headings.latin?.fingerprint)
  })

  it('is watched: a watch rebuilds when brand.yml, the logo or a font file changes', async () => {
    const woff2 = await import('node:fs').then((fs) => fs.readFileSync(NOTO_SERIF_LATIN))
    const file = project('title: x\ninput: doc.txt\n', { 'brand.yml': 'logo: art/logo.png\nfonts:\n  body: {latin: fonts/a.woff2}\n', 'art/logo.png': solidPng(4, [0, 0, 0]), 'fonts/a.woff2': woff2, 'doc.txt': '案例一 测试\n' })
    const dir = dirname(file)
    const plan = await planWatch({ config: file, cwd: dir })
    for (const path of ['brand.yml', 'art/logo.png', 'fonts/a.woff2']) expect(plan.isRelevant(join(dir, path)), path).toBe(true)
    expect(plan.roots).toEqual(expect.arrayContaining([join(dir, 'art'), join(dir, 'fonts')]))
    expect(plan.isRelevant(join(dir, 'art', 'other.txt'))).toBe(false)
  })

  it('may come from brand.yml beside the config, whose problems name brand.yml', async () => {
    const file = project('title: x\n', { 'brand.yml': 'colors:\n  primary: "#123"\n' })
    expect((await loadConfig(file)).brand.colors.primary).toBe('#112233')
    const wrong = project('title: x\n', { 'brand.yml': 'colors:\n  primry: "#123"\n' })
    expect(await configError(wrong)).toBe(
      `${join(dirname(wrong), 'brand.yml')}: config key “colors”: unknown key “primry” (did you mean “primary”?); the keys here are primary, accent, text, background, muted`,
    )
  })
})

describe('brand mistakes are config errors at the file and key', () => {
  const cases: Array<[string, string, Record<string, string | Uint8Array>, string]> = [
    ['an unknown key', 'brand:\n  colours: {primary: navy}\n', {}, 'config key “brand”: unknown key “colours” (did you mean “colors”?)'],
    ['an unknown font role key', 'brand:\n  fonts: {body: {latn: noto-serif}}\n', {}, 'config key “brand.fonts.body”: unknown key “latn” (did you mean “latin”?)'],
    ['a colour that is none', 'brand:\n  colors: {accent: navvy}\n', {}, 'config key “brand.colors.accent”: “navvy” is not a colour; write #rrggbb, #rgb or a CSS colour name such as navy (did you mean “navy”?)'],
    ['a colour that is a number', 'brand:\n  colors: {muted: 5}\n', {}, 'config key “brand.colors.muted”: expected a colour such as #1f3864 or navy, got the number 5'],
    ['a hex colour YAML read as a comment', 'brand:\n  colors:\n    accent: #c9a227\n', {}, 'config key “brand.colors.accent”: expected a colour such as #1f3864 or navy, got no value; a # starts a comment in YAML, so write a hex colour in quotes: "#1f3864"'],
    [
      'a font package installed nowhere',
      'brand:\n  fonts: {headings: {cjk: "@fontsource/noto-serif-s"}}\n',
      {},
      'config key “brand.fonts.headings.cjk”: @fontsource/noto-serif-s is not installed in',
    ],
    ['a font package name that is none', 'brand:\n  fonts: {body: {latin: "Noto Sans"}}\n', {}, 'config key “brand.fonts.body.latin”: “Noto Sans” is neither an @fontsource package'],
    ['a missing font file', 'brand:\n  fonts: {body: {latin: fonts/house.ttf}}\n', {}, 'config key “brand.fonts.body.latin”: fonts/house.ttf does not exist'],
    ['a font file that is no font', 'brand:\n  fonts: {body: {latin: house.otf}}\n', { 'house.otf': 'not a font' }, 'config key “brand.fonts.body.latin”: house.otf is not a font file'],
    ['a font file outside the project', 'brand:\n  fonts: {body: {latin: ../house.ttf}}\n', {}, 'config key “brand.fonts.body.latin”: ../house.ttf is outside the project folder'],
    ['a missing logo', 'brand:\n  logo: logo.png\n', {}, 'config key “brand.logo”: logo.png does not exist'],
    ['a logo that is no image', 'brand:\n  logo: logo.png\n', { 'logo.png': 'GIF? no, text' }, 'config key “brand.logo”: logo.png is not a PNG, JPEG, GIF, WebP or SVG image'],
    ['a logo that is a folder', 'brand:\n  logo: art\n', { 'art/x.txt': 'x' }, 'config key “brand.logo”: art is a folder, not an image file'],
    ['an SVG logo without a size', 'brand:\n  logo: logo.svg\n', { 'logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>' }, 'config key “brand.logo”: logo.svg: the size of this image/svg+xml cannot be read; give the <svg> a viewBox or width and height'],
    ['a logo over images.maxBytes', 'images: {maxBytes: 10}\nbrand:\n  logo: logo.png\n', { 'logo.png': solidPng(8, [1, 2, 3]) }, `config key “brand.logo”: logo.png is ${solidPng(8, [1, 2, 3]).length} bytes, over images.maxBytes (10); use a smaller image`],
  ]
  for (const [name, config, files, message] of cases) {
    it(name, async () => {
      const file = project(config, files)
      expect(await configError(file)).toContain(`${file}: ${message}`)
    })
  }

  it('names the nearest installed package for a misspelt one', async () => {
    expect(await configError(project('brand:\n  fonts: {body: {cjk: "@fontsource/noto-serif-s"}}\n'))).toContain('(did you mean “@fontsource/noto-serif-sc”?)')
  })

  it('reports every problem at once', async () => {
    const message = await configError(project('brand:\n  fonts: {body: {latin: a.ttf}}\n  logo: b.png\n'))
    expect(message.split('\n')).toHaveLength(2)
  })

  it('refuses a brand set both in the config and in brand.yml, naming both', async () => {
    const file = project('brand:\n  colors: {primary: navy}\n', { 'brand.yml': 'colors:\n  primary: gold\n' })
    expect(await configError(file)).toBe(`${file}: config key “brand”: the brand is set twice, here and in ${join(dirname(file), 'brand.yml')}; keep one of them`)
  })

  it('refuses a brand file under another name, and brand.yml with no config beside it, rather than ignore them', async () => {
    const misnamed = project('title: x\n', { '_brand.yml': 'colors:\n  primary: navy\n' })
    expect(await configError(misnamed)).toBe(`${join(dirname(misnamed), '_brand.yml')}: casebook reads the brand from brand.yml beside the config (or its brand: section); rename the file to brand.yml`)
    const alone = mkdtempSync(join(tmpdir(), 'casebook-brand-alone-'))
    writeFileSync(join(alone, 'brand.yml'), 'colors:\n  primary: navy\n')
    const error = await findConfig(undefined, undefined, alone).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ConfigError)
    expect((error as Error).message).toContain(`${join(alone, 'brand.yml')}: casebook reads brand.yml beside a config file, and there is none`)
  })

  it('exits 2 from the command line, with the message and no stack trace', () => {
    const file = project('brand:\n  colors: {primary: navvy}\n')
    writeFileSync(join(dirname(file), 'doc.txt'), '案例一 测试\n1.1 案例背景\n内容。\n')
    const result = casebook(['build', 'doc.txt', '-f', 'html', '-o', 'out'], { cwd: dirname(file) })
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('config key “brand.colors.primary”: “navvy” is not a colour')
    expect(result.stderr).not.toMatch(/\n\s+at /)
  })
})


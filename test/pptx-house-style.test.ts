/**
 * The house style on slides.pptx: a brand (colours, fonts, logo, organisation, classification)
 * styles its masters and runs, and `pptx.template` puts a user's own master, theme and layouts
 * under the slides. A template that cannot be used is a config error, before anything is written.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { casebook, SEED } from './helpers/cli.js'
import { requireTool, run } from './helpers/tools.js'
import { solidPng } from './helpers/png.js'
import { convertPptx, pptxParts, runs, scratch, slidesXml } from './helpers/pptx-read.js'
import { loadDocument } from '../src/load-document.js'
import { loadLocale } from '../src/locale/load-locale.js'
import { loadConfig } from '../src/config/load-config.js'
import { templateDirs } from '../src/config/template-dirs.js'
import type { Brand } from '../src/config/brand.js'
import type { RenderContext } from '../src/render/renderer.js'
import { pptxRenderer } from '../src/render/pptx/pptx-renderer.js'

const BRAND: Brand = {
  colors: { primary: '#0b3d2e', accent: '#c8102e', text: '#222222', background: '#ffffff', muted: '#6b6b6b' },
  fonts: { body: { latin: { family: 'Inter', source: { type: 'files', files: [] } }, cjk: { family: 'Source Han Sans SC', source: { type: 'files', files: [] } } }, headings: { cjk: { family: '思源宋体', source: { type: 'files', files: [] } } } },
  logo: { path: 'logo.png', bytes: solidPng(8, [200, 16, 46]), type: 'image/png', width: 160, height: 40, sha256: 'x'.repeat(64) },
  organisation: '示范研究院',
  classification: '内部资料 注意保密',
  custom: true,
}

describe('a brand on slides.pptx', () => {
  let parts: Map<string, string>
  let file: string

  beforeAll(async () => {
    const dirs = templateDirs()
    const config = { ...(await loadConfig(null)), brand: BRAND }
    const context: RenderContext = { locale: await loadLocale('zh-CN', dirs), config, templateDirs: dirs, sourceDate: new Date(0), shared: new Map(), browser: () => Promise.reject(new Error('no browser')) }
    const [artifact] = await pptxRenderer.render((await loadDocument(SEED)).tree, context)
    file = join(scratch(), 'slides.pptx')
    writeFileSync(file, artifact.bytes)
    parts = pptxParts(file)
  })

  it('colours the masters: background, title, the cover bar and panel; the slides’ runs take its colours', () => {
    const layouts = [...parts].filter(([name]) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(name)).map(([, xml]) => xml).join('')
    expect(layouts).toContain('<a:srgbClr val="FFFFFF"/></a:solidFill></p:bgPr></p:bg>')
    expect(layouts).toContain('<a:srgbClr val="C8102E"/>')
    expect(layouts).toContain('<a:srgbClr val="0B3D2E"/>')
    const slides = slidesXml(parts).join('')
    expect(slides).toContain('<a:srgbClr val="0B3D2E"/>')
    expect(slides).toContain('<a:srgbClr val="C8102E"/>')
    expect(slides).toContain('<a:srgbClr val="222222"/>')
    // casebook's own colours are gone.
    expect(slides).not.toContain('1F3864')
    expect(slides).not.toContain('8C1C13')
  })

  it('puts the logo in a corner of every slide and the classification in the footer, from the master', () => {
    const layouts = [...parts].filter(([name]) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(name)).map(([, xml]) => xml)
    const ours = layouts.filter((xml) => xml.includes('CASEBOOK_'))
    expect(ours).toHaveLength(2)
    for (const xml of ours) {
      expect(xml).toMatch(/<p:pic>[\s\S]*descr="示范研究院"/)
      expect(runs(xml)).toContain('内部资料 注意保密')
    }
    // Not repeated on each slide: a slide holds its own content only.
    for (const xml of slidesXml(parts)) expect(runs(xml)).not.toContain('内部资料 注意保密')
  })

  it("names the brand's faces: its CJK face as the East Asian font, its Latin face for Latin text", () => {
    const slides = slidesXml(parts).join('')
    expect(slides).toContain('<a:latin typeface="Inter"/><a:ea typeface="Source Han Sans SC" charset="-122"/>')
    // Headings name no Latin face: the catalog's stands in.
    expect(slides).toContain('<a:latin typeface="Arial"/><a:ea typeface="思源宋体" charset="-122"/>')
  })

  it('opens in LibreOffice, the logo and classification printed on its pages', () => {
    const pdf = convertPptx(file)
    const text = run('pdftotext', ['-raw', pdf, '-']).split('\f')
    expect(text[3].replace(/\s/g, '')).toContain('内部资料注意保密')
    // The logo is a picture on every page (pdfimages lists a line per picture drawn).
    expect(run('pdfimages', ['-list', pdf]).split('\n').slice(2).filter(Boolean).length).toBeGreaterThanOrEqual(slidesXml(parts).length)
  })
})

describe("a catalog's fonts", () => {
  it('names the East Asian face a user catalog sets, over casebook’s, with the rest of casebook’s catalog kept', () => {
    const dir = scratch()
    mkdirSync(join(dir, 'tpl', 'locales'), { recursive: true })
    writeFileSync(join(dir, 'tpl', 'locales', 'zh-TW.json'), '{"rules": {"fonts": {"pptxEastAsia": "標楷體"}}}')
    writeFileSync(join(dir, 'casebook.yaml'), 'templates: tpl\nformats: [pptx]\nlocales: [zh-TW]\n')
    const result = casebook(['build', SEED, '--config', join(dir, 'casebook.yaml'), '--out', join(dir, 'out')])
    expect(result.code, result.stderr).toBe(0)
    const slides = slidesXml(pptxParts(join(dir, 'out', 'zh-TW', 'slides.pptx'))).join('')
    expect(slides).toContain('<a:latin typeface="Arial"/><a:ea typeface="標楷體" charset="-120"/>')
    expect(slides).not.toContain('微軟正黑體')
    expect(runs(slides)).toContain('議程')
  })
})

describe('an SVG logo', () => {
  it('is an SVG picture on the masters with a PNG drawn from it beside it', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" viewBox="0 0 120 40"><rect width="120" height="40" fill="#0b3d2e"/></svg>')
    const dirs = templateDirs()
    const brand: Brand = { ...BRAND, logo: { path: 'logo.svg', bytes: svg, type: 'image/svg+xml', width: 120, height: 40, sha256: 'y'.repeat(64) } }
    const context: RenderContext = { locale: await loadLocale('zh-CN', dirs), config: { ...(await loadConfig(null)), brand }, templateDirs: dirs, sourceDate: new Date(0), shared: new Map(), browser: () => Promise.reject(new Error('no browser')) }
    const [artifact] = await pptxRenderer.render((await loadDocument(SEED)).tree, context)
    const file = join(scratch(), 'slides.pptx')
    writeFileSync(file, artifact.bytes)
    const bytes = unzipSync(readFileSync(file))
    const layouts = Object.entries(bytes).filter(([name]) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(name)).map(([, data]) => strFromU8(data)).join('')
    expect(layouts).toContain('svgBlip')
    const pngs = Object.entries(bytes).filter(([name]) => /^ppt\/media\/.*\.png$/.test(name)).map(([, data]) => Buffer.from(data))
    // Drawn at twice the logo's size on the slide (36 px high at most), not pptxgenjs's broken-image stand-in.
    expect(pngs.length).toBeGreaterThan(0)
    for (const png of pngs) expect(png.readUInt32BE(16) / png.readUInt32BE(20)).toBeCloseTo(3, 1)
  })
})

/** A template made in PowerPoint's terms: pptxgenjs's package with its master painted and a layout of its own. */
function makeTemplate(dir: string): string {
  const made = casebook(['build', join('test', 'fixtures', 'rich-markdown', 'input.md'), '--format', 'pptx', '--locale', 'zh-CN', '--out', join(dir, 'base')])
  expect(made.code, made.stderr).toBe(0)
  const parts = unzipSync(readFileSync(join(dir, 'base', 'zh-CN', 'slides.pptx')))
  const text = (name: string) => strFromU8(parts[name])
  parts['ppt/slideMasters/slideMaster1.xml'] = strToU8(
    text('ppt/slideMasters/slideMaster1.xml').replace('<p:cSld>', '<p:cSld><p:bg><p:bgPr><a:solidFill><a:srgbClr val="3366CC"/></a:solidFill><a:effectLst/></p:bgPr></p:bg>'),
  )
  parts['ppt/theme/theme1.xml'] = strToU8(text('ppt/theme/theme1.xml').replace(/<a:theme ([^>]*)name="[^"]*"/, '<a:theme $1name="Template Theme"'))
  for (const name of Object.keys(parts).filter((part) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(part))) {
    parts[name] = strToU8(text(name).replace(/<p:cSld( name="[^"]*")?>/, '<p:cSld name="TEMPLATE LAYOUT">'))
  }
  const path = join(dir, 'house.pptx')
  writeFileSync(path, zipSync(parts))
  return path
}

describe('pptx.template', () => {
  const dir = scratch()
  let parts: Map<string, string>
  let file: string

  beforeAll(() => {
    makeTemplate(dir)
    writeFileSync(join(dir, 'casebook.yaml'), 'pptx:\n  template: house.pptx\nformats: [pptx]\nlocales: [zh-CN]\n')
    const result = casebook(['build', SEED, '--config', join(dir, 'casebook.yaml'), '--out', join(dir, 'out')], { env: { SOURCE_DATE_EPOCH: '1700000000' } })
    expect(result.stderr).not.toMatch(/\n\s+at /)
    expect(result.code, result.stderr).toBe(0)
    file = join(dir, 'out', 'zh-CN', 'slides.pptx')
    parts = pptxParts(file)
  }, 120_000)

  it("puts the template's master, theme and layouts under casebook's slides", () => {
    expect(parts.get('ppt/slideMasters/slideMaster1.xml')).toContain('<a:srgbClr val="3366CC"/>')
    expect(parts.get('ppt/theme/theme1.xml')).toContain('name="Template Theme"')
    const layouts = [...parts].filter(([name]) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(name)).map(([, xml]) => xml)
    expect(layouts.some((xml) => xml.includes('name="TEMPLATE LAYOUT"'))).toBe(true)
    // casebook's layouts keep their placeholders and give up their own background and decoration.
    const ours = layouts.filter((xml) => xml.includes('name="CASEBOOK_'))
    expect(ours).toHaveLength(2)
    for (const xml of ours) {
      expect(xml).not.toContain('<p:bg>')
      expect(xml).toMatch(/<p:ph[^>]*type="title"/)
    }
    // Every layout the master lists is in the package, and every relationship target exists.
    const master = parts.get('ppt/slideMasters/_rels/slideMaster1.xml.rels')!
    const all = new Set(Object.keys(unzipSync(readFileSync(file))))
    for (const [, target] of master.matchAll(/Target="\.\.\/([^"]+)"/g)) expect(all.has(`ppt/${target}`), target).toBe(true)
    const listed = (parts.get('ppt/slideMasters/slideMaster1.xml')!.match(/<p:sldLayoutId /g) ?? []).length
    expect(listed).toBe(layouts.length)
  })

  it("shows the template's background in LibreOffice, with every slide", () => {
    const pdf = convertPptx(file)
    expect(Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))![1])).toBe(slidesXml(parts).length)
    // The colour of a pixel in the top left corner of the second slide: the template's blue.
    const ppm = execFileSync(requireTool('pdftoppm'), ['-r', '10', '-f', '2', '-l', '2', pdf])
    const header = /^P6\s+\d+\s+\d+\s+255\s/.exec(ppm.toString('latin1', 0, 40))![0].length
    expect([ppm[header], ppm[header + 1], ppm[header + 2]]).toEqual([0x33, 0x66, 0xcc])
  })

  it('is rebuilt when the template is edited in place, and only then', () => {
    const config = join(dir, 'casebook.yaml')
    const build = () => casebook(['build', SEED, '--config', config, '--out', join(dir, 'out')], { env: { SOURCE_DATE_EPOCH: '1700000000' } })
    expect(build().stderr).toContain('unchanged zh-CN pptx')
    const template = unzipSync(readFileSync(join(dir, 'house.pptx')))
    template['ppt/slideMasters/slideMaster1.xml'] = strToU8(strFromU8(template['ppt/slideMasters/slideMaster1.xml']).replace('3366CC', '993300'))
    writeFileSync(join(dir, 'house.pptx'), zipSync(template))
    const again = build()
    expect(again.code, again.stderr).toBe(0)
    expect(again.stderr).toContain('wrote')
    expect(pptxParts(file).get('ppt/slideMasters/slideMaster1.xml')).toContain('<a:srgbClr val="993300"/>')
  })

  it('is a config error (exit 2) when the template is missing or no .pptx, and writes nothing', () => {
    writeFileSync(join(dir, 'broken.pptx'), 'this is no zip file')
    writeFileSync(join(dir, 'report.docx'), zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') }))
    for (const [template, message] of [
      ['missing.pptx', /config key “pptx\.template”: .*missing\.pptx/],
      ['broken.pptx', /bad\.yaml: config key “pptx\.template”: .*broken\.pptx cannot be read as a \.pptx file/],
      ['report.docx', /bad\.yaml: config key “pptx\.template”: .*report\.docx has no ppt\/presentation\.xml, so it is no PowerPoint presentation/],
    ] as const) {
      writeFileSync(join(dir, 'bad.yaml'), `pptx:\n  template: ${template}\nformats: [pptx]\nlocales: [zh-CN]\n`)
      const out = join(dir, `out-${template}`)
      const result = casebook(['build', SEED, '--config', join(dir, 'bad.yaml'), '--out', out])
      expect(result.code, result.stderr).toBe(2)
      expect(result.stderr).toMatch(message)
      expect(result.stderr).not.toMatch(/\n\s+at /)
      expect(existsSync(join(out, 'zh-CN', 'slides.pptx'))).toBe(false)
    }
  })
})

/** The .docx scaffold comes from a disk cache keyed by what it is made from: a hit must equal a fresh build. */
import { describe, expect, it } from 'vitest'
import { docxScaffold } from '../src/render/docx/scaffold-cache.js'
import { scaffoldPackage, type ScaffoldSpec } from '../src/render/docx/build-docx-document.js'
import { partText, readPackage } from '../src/io/reproducible-zip.js'
import { DEFAULT_BRAND } from '../src/config/brand.js'
import { styleLook } from '../src/render/docx/docx-look.js'

const spec = (title: string, eastAsia = 'SimSun', primary = DEFAULT_BRAND.colors.primary): ScaffoldSpec => ({
  title,
  fonts: { latin: 'Times New Roman', eastAsia, lang: 'en-US', eastAsiaLang: 'zh-CN' },
  pageSize: { width: 11906, height: 16838 },
  look: styleLook({ ...DEFAULT_BRAND, colors: { ...DEFAULT_BRAND.colors, primary } }),
})

const parts = async (bytes: Uint8Array | Promise<Uint8Array>) => readPackage(await bytes)

describe('docx scaffold cache', () => {
  it('gives the same parts as building afresh, on a miss and on a hit', async () => {
    const title = `缓存测试 ${process.pid} ${Date.now()}`
    const fresh = await parts(scaffoldPackage(spec(title)))
    for (let i = 0; i < 2; i++) {
      const cached = await parts(docxScaffold(spec(title)))
      expect([...cached.keys()].sort()).toEqual([...fresh.keys()].sort())
      // core.xml carries the library's clock; pack-docx always replaces it with the source date.
      for (const name of [...fresh.keys()].filter((part) => part !== 'docProps/core.xml')) expect(partText(cached, name), name).toBe(partText(fresh, name))
    }
  })

  it('makes a new scaffold when any input changes', async () => {
    const a = await parts(docxScaffold(spec('标题甲')))
    const b = await parts(docxScaffold(spec('标题甲', 'SimSun', '#0b6e4f')))
    const c = await parts(docxScaffold(spec('标题甲', 'KaiTi')))
    expect(partText(a, 'word/styles.xml')).toContain('<w:color w:val="1F3864"/>')
    expect(partText(b, 'word/styles.xml')).toContain('<w:color w:val="0B6E4F"/>')
    expect(partText(b, 'word/styles.xml')).not.toContain('1F3864')
    expect(partText(c, 'word/styles.xml')).toContain('KaiTi')
    expect(partText(a, 'word/styles.xml')).not.toContain('KaiTi')
  })
})

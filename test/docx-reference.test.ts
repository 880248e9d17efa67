/** A user's reference .docx (like pandoc's --reference-doc): its styles win over casebook's. */
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Document, Packer, Paragraph } from 'docx'
import { beforeAll, describe, expect, it } from 'vitest'
import { casebook, SEED } from './helpers/cli.js'
import { bodyLines, buildDocx, convertToPdf, docxParts, pdfPages, scratch } from './helpers/docx-read.js'

/** A reference document as an organisation might make one: a red Arial Heading 1 and a house Normal. */
async function writeReference(path: string): Promise<void> {
  const reference = new Document({
    styles: {
      default: { heading1: { run: { font: 'Arial', color: 'C00000', size: 40 } } },
      paragraphStyles: [{ id: 'Normal', name: 'Normal', run: { font: 'Georgia', size: 21 } }],
    },
    sections: [{ children: [new Paragraph('reference')] }],
  })
  writeFileSync(path, await Packer.toBuffer(reference))
}

function writeConfig(folder: string, referenceDoc: string): string {
  const config = join(folder, 'casebook.yaml')
  writeFileSync(config, [`input: ${JSON.stringify(SEED)}`, 'title: 十大典范案例', 'lang: zh-CN', 'locales: [zh-CN]', 'docx:', `  referenceDoc: ${referenceDoc}`, ''].join('\n'))
  return config
}

const styleOf = (styles: string, id: string): string => styles.match(new RegExp(`<w:style\\b[^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`))![0]

describe('docx.referenceDoc', () => {
  let docx: string
  beforeAll(async () => {
    const folder = scratch()
    await writeReference(join(folder, 'house-style.docx'))
    docx = join(buildDocx(['--config', writeConfig(folder, 'house-style.docx')]), 'zh-CN', 'report.docx')
  })

  it('puts the reference styles in place of casebook’s, and keeps casebook’s styles the reference lacks', () => {
    const styles = docxParts(docx).get('word/styles.xml')!
    const heading1 = styleOf(styles, 'Heading1')
    expect(heading1).toContain('<w:color w:val="C00000"/>')
    expect(heading1).toContain('w:ascii="Arial"')
    expect(heading1).not.toContain('1F3864')
    expect(styleOf(styles, 'Normal')).toContain('w:ascii="Georgia"')
    // The reference has no TOC 2 or List Bullet; casebook's fill the gap rather than falling back to Normal.
    expect(styleOf(styles, 'TOC2')).toContain('<w:name w:val="toc 2"/>')
    expect(styleOf(styles, 'ListBullet')).toContain('<w:name w:val="List Bullet"/>')
    expect(styles.match(/w:styleId="Heading1"/g)).toHaveLength(1)
  })

  it('still opens in LibreOffice with the cases on their own pages', () => {
    const pages = pdfPages(convertToPdf(docx))
    const tops = pages.map((page) => bodyLines(page, '十大典范案例', /^第 \d+ 页 共 \d+ 页$/)[0])
    expect(tops).toContain('案例一：上海智慧城市建设')
    expect(tops).toContain('案例十：广州“智慧医疗”')
  })

  it('is a config error, exit 2 without a stack trace, when the reference is not a .docx', () => {
    const folder = scratch()
    writeFileSync(join(folder, 'broken.docx'), 'not a zip')
    const result = casebook(['build', '--config', writeConfig(folder, 'broken.docx'), '--format', 'docx', '--out', join(folder, 'out')])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('docx.referenceDoc')
    expect(result.stderr).not.toMatch(/\n\s+at /)
    expect(() => readFileSync(join(folder, 'out', 'zh-CN', 'report.docx'))).toThrow()
  })
})

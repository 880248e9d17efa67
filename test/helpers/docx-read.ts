/** Reading a built .docx the way its readers do: unzipped XML, LibreOffice → PDF → poppler, mammoth. */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { strFromU8, unzipSync } from 'fflate'
import mammoth from 'mammoth'
import { expect } from 'vitest'
import { casebook } from './cli.js'
import { requireTool, run } from './tools.js'

/** A fresh scratch folder. */
export const scratch = (prefix = 'casebook-docx-'): string => mkdtempSync(join(tmpdir(), prefix))

/** Builds `input` as docx into a fresh folder with the CLI; returns the output folder. */
export function buildDocx(args: string[], env: NodeJS.ProcessEnv = {}): string {
  const out = scratch()
  const result = casebook(['build', ...args, '--format', 'docx', '--out', out], { env })
  expect(result.stderr).not.toMatch(/\n\s+at /)
  expect(result.code, result.stderr).toBe(0)
  return out
}

/** Every part of the package as text, by path. */
export function docxParts(path: string): Map<string, string> {
  return new Map(Object.entries(unzipSync(readFileSync(path))).map(([name, bytes]) => [name, strFromU8(bytes)]))
}

/** Converts with LibreOffice headless in a profile of its own (parallel runs would fight over one); returns the PDF path. */
export function convertToPdf(file: string): string {
  requireTool('soffice')
  const outdir = scratch('casebook-lo-out-')
  const profile = scratch('casebook-lo-profile-')
  try {
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', outdir, file], { stdio: 'pipe', timeout: 170_000 })
  } finally {
    rmSync(profile, { recursive: true, force: true })
  }
  return join(outdir, basename(file).replace(/\.[^.]+$/, '.pdf'))
}

/** The text of each page, as pdftotext lays it out (form feeds separate pages). */
export function pdfPages(pdf: string): string[] {
  return run('pdftotext', ['-layout', pdf, '-']).split('\f').slice(0, -1)
}

/** The lines of a page without the running header and footer, trimmed, blank lines dropped. */
export function bodyLines(page: string, header: string, footer: RegExp): string[] {
  return page
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && line !== header && !footer.test(line))
}

/** The document as mammoth reads it: HTML with headings and lists as elements. */
export async function mammothHtml(docx: string): Promise<string> {
  const result = await mammoth.convertToHtml({ path: docx })
  return result.value
}

/** The texts of every `<tag>` element in an HTML string. */
export function elementTexts(html: string, tag: string): string[] {
  return [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))].map((match) => match[1].replace(/<[^>]+>/g, ''))
}

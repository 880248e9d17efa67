/** The registry's facts known without loading a renderer agree with the renderers themselves. */
import { describe, expect, it } from 'vitest'
import { loadRenderer, needsBrowser, printsInBrowser, renderers, templatesRead } from '../src/render/registry.js'
import type { Format } from '../src/config/config-schema.js'

const formats = Object.keys(renderers) as Format[]

describe('the renderer registry', () => {
  it('says which formats print in a browser as each renderer does (a build starts the browser early on it)', async () => {
    for (const format of formats) {
      const renderer = await loadRenderer(format)
      expect(printsInBrowser[format as keyof typeof printsInBrowser], format).toBe(renderer.usesBrowser === true)
    }
    expect(needsBrowser(['html', 'slides', 'docx', 'pptx'])).toBe(false)
    expect(needsBrowser(['html', 'pdf'])).toBe(true)
    expect(needsBrowser(['handout'])).toBe(true)
  })

  it('lists the template files of every format it can load', () => {
    expect(Object.keys(templatesRead).sort()).toEqual([...formats].sort())
  })
})

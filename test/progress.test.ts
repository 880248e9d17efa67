/**
 * The progress casebook prints while it builds: on a terminal one line redrawn, naming each running
 * render and the last step it finished (a long print's parts, as they are printed), with `--timings`'
 * lines printed above it as each step ends; in a log, plain lines.
 */
import { describe, expect, it } from 'vitest'
import { createProgress, fitted } from '../src/cli/progress.js'

function fakeStream(isTTY: boolean, columns = 200): { stream: NodeJS.WriteStream; written: string[] } {
  const written: string[] = []
  const stream = { isTTY, columns, write: (chunk: string) => written.push(chunk) > 0 } as unknown as NodeJS.WriteStream
  return { stream, written }
}

describe('build progress', () => {
  it('on a terminal, names the step each running render last finished, and keeps notes above the line', () => {
    const { stream, written } = fakeStream(true)
    const progress = createProgress(stream, {})
    progress.onEvent({ type: 'render', locale: 'zh-CN', format: 'pdf' })
    progress.onEvent({ type: 'render', locale: 'en', format: 'docx' })
    progress.onEvent({ type: 'step', locale: 'zh-CN', format: 'pdf', step: 'print part 2 of 9 (pages 121–240)', ms: 812 })
    expect(written.at(-1)).toMatch(/zh-CN pdf: print part 2 of 9 \(pages 121–240\), en docx/)
    progress.note('timing     812 ms  zh-CN pdf: print part 2 of 9 (pages 121–240)')
    // The line is cleared, the note printed on a line of its own, and the progress drawn again under it.
    expect(written.at(-2)).toBe('\r\x1b[2Ktiming     812 ms  zh-CN pdf: print part 2 of 9 (pages 121–240)\n')
    expect(written.at(-1)).toMatch(/^\r\x1b\[2K.*zh-CN pdf: print part 2 of 9/)
    progress.onEvent({ type: 'rendered', locale: 'zh-CN', format: 'pdf', bytes: 1 })
    expect(written.at(-1)).toMatch(/en docx/)
    expect(written.at(-1)).not.toMatch(/zh-CN pdf/)
    progress.done()
    expect(written.at(-1)).toBe('\r\x1b[2K')
  })

  it('never draws a line wider than the terminal, which would leave its wrapped rows behind', () => {
    const { stream, written } = fakeStream(true, 60)
    const progress = createProgress(stream, {})
    for (const locale of ['zh-CN', 'zh-TW', 'en']) progress.onEvent({ type: 'render', locale, format: 'pdf' })
    progress.onEvent({ type: 'step', locale: 'zh-CN', format: 'pdf', step: 'print part 3 of 4 (pages 159–278)', ms: 900 })
    progress.done()
    const drawn = written.filter((chunk) => chunk.startsWith('\r\x1b[2K') && chunk.length > 5).map((chunk) => chunk.slice(5))
    expect(drawn.length).toBeGreaterThan(2)
    for (const line of drawn) expect([...line].length, line).toBeLessThanOrEqual(59)
    expect(drawn.at(-1)).toMatch(/zh-CN pdf: print part 3 .*… \d+\.\ds$/)
    expect(fitted('> ', 'a long middle part', ' 1.0s', 12)).toBe('> a lo… 1.0s')
    expect(fitted('> ', 'short', ' 1.0s', 40)).toBe('> short 1.0s')
    expect([...fitted('> ████████████ ', 'zh-CN pdf', ' 12.5s', 10)]).toHaveLength(10)
  })

  it('in a log (CI=true, or not a terminal), prints plain lines and each note as it comes', () => {
    for (const [isTTY, env] of [[true, { CI: 'true' }], [false, {}]] as const) {
      const { stream, written } = fakeStream(isTTY)
      const progress = createProgress(stream, env)
      progress.onEvent({ type: 'render', locale: 'zh-CN', format: 'pdf' })
      progress.onEvent({ type: 'step', locale: 'zh-CN', format: 'pdf', step: 'print part 1 of 3 (pages 1–4)', ms: 120 })
      progress.note('timing     120 ms  zh-CN pdf: print part 1 of 3 (pages 1–4)')
      progress.done()
      expect(written).toEqual(['rendering zh-CN pdf\n', 'timing     120 ms  zh-CN pdf: print part 1 of 3 (pages 1–4)\n'])
    }
  })
})

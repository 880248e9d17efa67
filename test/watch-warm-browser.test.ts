/** The watch's browser: one launch shared by every build, relaunched when it dies, closed on close. */
import { describe, expect, it } from 'vitest'
import { warmBrowser } from '../src/watch/warm-browser.js'
import { requireBrowser } from './helpers/tools.js'

describe('warmBrowser', () => {
  it('starts on first use, is reused, restarts after a crash and stops on close', async () => {
    const warm = warmBrowser(requireBrowser())
    try {
      const first = await warm.get()
      expect(await warm.get()).toBe(first)
      // A browser that went away (crash, killed) is replaced rather than handed to the next build.
      await first.close()
      const second = await warm.get()
      expect(second).not.toBe(first)
      expect(second.connected).toBe(true)
      expect(await (await second.newPage()).evaluate(() => 1 + 1)).toBe(2)
      await warm.close()
      expect(second.connected).toBe(false)
    } finally {
      await warm.close()
    }
  })
})

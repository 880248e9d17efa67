import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Browser, LibreOffice and PDF tests are slow on two cores; none is timed for speed.
    testTimeout: 180_000,
    hookTimeout: 180_000,
    // Files that start Chromium or LibreOffice would fight over two cores.
    fileParallelism: false,
    // Scratch folders of the run go in a folder of its own, removed at its end.
    globalSetup: ['test/temp-folder.setup.ts'],
  },
})

/** A file the config names (a logo, a font), read once, or a problem in words for the config error. */
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'

/** The bytes of `spec`, relative to the config's folder `base`; `kind` names what it should be (`an image file`). */
export async function readProjectFile(spec: string, base: string, kind: string): Promise<{ bytes: Buffer; path: string } | { problem: string }> {
  const path = resolve(base, spec)
  try {
    return { bytes: await readFile(path), path }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    return { problem: `${spec} ${code === 'ENOENT' ? 'does not exist' : code === 'EISDIR' ? `is a folder, not ${kind}` : `cannot be read (${code ?? (error as Error).message})`} (looked for ${path})` }
  }
}

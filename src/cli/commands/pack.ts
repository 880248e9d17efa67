/** `casebook pack`: build (incrementally), then write briefing-pack-<locale>.zip per locale. */
import { relative } from 'node:path'
import { packZips } from '../../pack/pack-zips.js'
import { readManifest } from '../../pack/manifest.js'
import { interruptible } from '../interruptible.js'
import { waitLine } from '../progress.js'
import { build, type BuildCliOptions } from './build.js'

/**
 * Brings the pack up to date and records it as an edition (--edition NAME, else named after its
 * date), then zips it; exit codes as for build; Ctrl-C as for build, zipping included.
 */
export function pack(input: string | undefined, options: BuildCliOptions): Promise<void> {
  return interruptible(async () => {
    const out = await build(input, options, true)
    if (!out || process.exitCode === 1) return
    const manifest = await readManifest(out)
    if (!manifest) return
    const onProgress = (event: Parameters<typeof waitLine>[0]) => void process.stderr.write(`${waitLine(event)}\n`)
    for (const zip of await packZips(out, manifest, { onProgress })) process.stderr.write(`packed ${relative(process.cwd(), zip.path)}${zip.left.length ? ` (without ${zip.left.join(', ')}: outdated)` : ''}\n`)
  })
}

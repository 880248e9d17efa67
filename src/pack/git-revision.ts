/**
 * The source as a git revision had it (`--since HEAD~1`, `--since v1.2`, `--since last-tag`):
 * the input and its translations read with git and laid out in a temp folder, so the earlier
 * edition is read exactly as the current one is, with no earlier pack needed.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { mkdir, realpath, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, extname, join, relative, sep } from 'node:path'
import { UsageError } from '../errors.js'
import { onInterrupt } from '../process-cleanup.js'

/** Files a source may name besides its translations: pictures, and data for charts. */
const ASSET = /\.(png|jpe?g|gif|webp|svg|csv|json)$/i

/** An earlier source, checked out into a temp folder until `remove` is called. */
export interface RevisionSource {
  /** The input's path inside the temp folder. */
  input: string
  /** The full commit hash the revision names. */
  commit: string
  remove(): void
}

/** Runs git in `cwd`; its stdout, or null when it fails (not a repository, no such revision, no git). */
function git(cwd: string, args: string[], encoding: 'utf8' | 'buffer' = 'utf8'): Promise<string | Buffer | null> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, encoding, maxBuffer: 1 << 30 }, (error, stdout) => resolve(error ? null : stdout))
  })
}

/**
 * For `--since last-tag`: the newest tag on a commit before HEAD, in the repository holding `input`.
 * A tag on HEAD itself is passed over: building the commit of release v2 compares with v1, not with itself.
 */
export async function lastTag(input: string): Promise<string> {
  const folder = await folderOf(input)
  const tag = (await git(folder, ['describe', '--tags', '--abbrev=0', 'HEAD^'])) as string | null
  if (tag === null) {
    const inRepository = await git(folder, ['rev-parse', '--show-toplevel'])
    throw new UsageError(
      inRepository === null
        ? `--since last-tag: ${input} is not in a git repository`
        : `--since last-tag: the repository holding ${input} has no tag on a commit before HEAD; tag a release (git tag v1) or name a revision`,
    )
  }
  return tag.trim()
}

/**
 * Checks `input` (a file with the translations beside it, or a folder) out of `revision` into a
 * temp folder; null when `revision` names no commit of a repository holding `input`.
 */
export async function checkoutRevision(input: string, revision: string): Promise<RevisionSource | null> {
  const folder = await folderOf(input)
  const root = (await git(folder, ['rev-parse', '--show-toplevel'])) as string | null
  if (root === null) return null
  const commit = (await git(folder, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`])) as string | null
  if (commit === null) return null
  const hash = commit.trim()
  const top = root.trim()
  const path = relative(await realpath(top), await realpath(input)).split(sep).join('/')
  const isFolder = folder === input
  // A folder: everything under it. A file: it, its translations (`name.en.md` beside `name.txt`)
  // and the pictures and data it may name, in its folder and below.
  const under = isFolder ? `${path}/` : dirname(path) === '.' ? null : `${dirname(path)}/`
  const listing = (await git(top, ['ls-tree', '-r', '-z', '--name-only', hash, ...(under ? ['--', under] : [])])) as string | null
  const stem = basename(path, extname(path))
  const beside = (name: string) => dirname(name) === dirname(path)
  const wanted = (listing ?? '').split('\0').filter((name) => name !== '' && (isFolder || name === path || (beside(name) && basename(name).startsWith(`${stem}.`)) || ASSET.test(name)))
  if (!wanted.includes(path) && !(isFolder && wanted.length > 0)) {
    throw new UsageError(`--since ${revision}: ${path} did not exist at ${revision} (commit ${hash.slice(0, 7)}); name a revision that has it`)
  }
  const temp = mkdtempSync(join(tmpdir(), 'casebook-since-'))
  const remove = () => rmSync(temp, { recursive: true, force: true })
  const forget = onInterrupt(remove)
  try {
    for (const name of wanted) {
      const bytes = (await git(top, ['cat-file', 'blob', `${hash}:${name}`], 'buffer')) as Buffer | null
      if (bytes === null) continue
      const target = join(temp, name)
      await mkdir(dirname(target), { recursive: true })
      await writeFile(target, bytes)
    }
  } catch (error) {
    remove()
    forget()
    throw error
  }
  return {
    input: join(temp, path),
    commit: hash,
    remove() {
      remove()
      forget()
    },
  }
}

/** Whether `input` is inside a git repository. */
export async function isRepository(input: string): Promise<boolean> {
  return (await git(await folderOf(input), ['rev-parse', '--show-toplevel'])) !== null
}

/** The folder git runs in: the input itself, or the one holding it. */
async function folderOf(input: string): Promise<string> {
  const info = await stat(input).catch(() => null)
  return info?.isDirectory() ? input : dirname(input)
}

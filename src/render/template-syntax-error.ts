/**
 * Handlebars' parse errors as a sentence at a line: its parser reports the grammar's token
 * names (`Expecting 'OPEN_INVERSE_CHAIN', 'INVERSE', 'OPEN_ENDBLOCK', got 'EOF'`), which say
 * nothing to a designer whose `{{#if}}` lacks its `{{/if}}`.
 */

/** Where a template's syntax error is and what it is, in words. */
export interface TemplateSyntaxProblem {
  line: number | null
  reason: string
}

const BLOCK_TAG = /\{\{~?\s*([#^/])\s*(?:\*?)([^\s}~]+)[^}]*\}\}/g

/** The problem Handlebars' `error` describes in `source`, said as a sentence. */
export function explainTemplateError(error: unknown, source: string): TemplateSyntaxProblem {
  const message = error instanceof Error ? error.message : String(error)
  // Mismatched blocks: "if doesn't match each - 3:5" (the line and column of the opening tag).
  const mismatch = /^(\S+) doesn't match (\S+) - (\d+):(\d+)/.exec(message)
  const reported = (error as { lineNumber?: number }).lineNumber ?? numberOr(/on line (\d+)/.exec(message)?.[1])
  if (mismatch) {
    const [, opened, closed, line] = mismatch
    return { line: Number(line), reason: `{{#${opened}}} (line ${line}) is closed by {{/${closed}}}: blocks close in the order they open, so write {{/${opened}}} first` }
  }
  const expecting = /Expecting (.+), got '([^']+)'/.exec(message)
  if (expecting) {
    const [, wanted, got] = expecting
    if (got === 'EOF' && wanted.includes('OPEN_ENDBLOCK')) {
      const open = unclosedBlock(source)
      if (open) return { line: open.line, reason: `{{${open.sigil}${open.name}}} is never closed: add {{/${open.name}}} where the block ends` }
      return { line: reported, reason: 'a block is never closed: each {{#name}} needs its {{/name}}' }
    }
    if (got === 'OPEN_ENDBLOCK') {
      const stray = strayClose(source)
      return { line: stray?.line ?? reported, reason: `{{/${stray?.name ?? '…'}}} closes a block that was never opened` }
    }
    if (wanted.includes("'CLOSE'") || wanted.includes("'CLOSE_UNESCAPED'") || got === 'INVALID') {
      return { line: reported, reason: 'a {{ is not closed by }} (or holds something that is not a name, a "string", a number or a helper call)' }
    }
  }
  return { line: reported, reason: message.split('\n').at(-1) ?? message }
}

function numberOr(text: string | undefined): number | null {
  return text === undefined ? null : Number(text)
}

interface Tag {
  sigil: string
  name: string
  line: number
}

function tags(source: string): Tag[] {
  const found: Tag[] = []
  for (const match of source.matchAll(BLOCK_TAG)) {
    const line = source.slice(0, match.index).split('\n').length
    found.push({ sigil: match[1], name: match[2], line })
  }
  return found
}

/** The innermost block left open at the end of `source`, by its tags. */
function unclosedBlock(source: string): Tag | null {
  const stack: Tag[] = []
  for (const tag of tags(source)) {
    if (tag.sigil === '/') {
      const index = stack.map((open) => open.name).lastIndexOf(tag.name)
      if (index >= 0) stack.splice(index)
    } else stack.push(tag)
  }
  return stack.at(-1) ?? null
}

/** The first closing tag with no block open under its name. */
function strayClose(source: string): Tag | null {
  const open: string[] = []
  for (const tag of tags(source)) {
    if (tag.sigil !== '/') open.push(tag.name)
    else if (open.lastIndexOf(tag.name) < 0) return tag
    else open.splice(open.lastIndexOf(tag.name))
  }
  return null
}

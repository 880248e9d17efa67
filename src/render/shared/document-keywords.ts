/**
 * A document's keywords, as the .docx and the PDF record them: its cases' titles. Past a hundred,
 * a viewer's properties dialog is unusable (a 400-case PDF carried 15 KB of them), so the first
 * cases stand for the rest.
 */
export const MAX_KEYWORDS = 100

export function documentKeywords(cases: ReadonlyArray<{ title: string }>): string[] {
  return cases.slice(0, MAX_KEYWORDS).map((item) => item.title)
}

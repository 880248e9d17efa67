/** The deck for one locale's document: title, agenda, introduction, cases, overview, conclusion. */
import type { Block, Case, CaseDocument, Conclusion, Intro } from '../../types.js'
import type { RichContent } from '../rich-content.js'
import type { RenderContext } from '../renderer.js'
import { documentHtml, documentRichContent } from '../document-html.js'
import { plainText } from '../../text/plain-text.js'
import { fitLines } from './brief-text.js'
import { caseItems } from './case-items.js'
import { paginateItems } from './paginate-items.js'
import { framePages } from './frame-pages.js'
import { overviewSlides } from './overview-slides.js'
import { editionNotesSlides } from './edition-notes-slides.js'
import { AGENDA, CONTENT_WIDTH, TITLE, bodyHeight } from './slide-metrics.js'
import { lineCount } from '../text-width.js'
import type { AgendaEntry, AgendaSlide, CaseSlide, DeckView, FrameSlide, Slide, SlideNotes, TitleSlide } from './slide-types.js'
import { documentView } from '../document-view.js'

const TITLE_EMS = CONTENT_WIDTH / TITLE.size

/** Builds every slide, numbered, with the full text of each case kept for the notes view. */
export async function buildDeckView(document: CaseDocument, context: RenderContext): Promise<DeckView> {
  const { locale } = context
  const view = documentView(document, context)
  const { intro, cases, conclusion, title, date, organisation } = view
  const notes = notesHtml(document, intro, cases, conclusion, context)

  const titleSlide: TitleSlide = {
    kind: 'title',
    number: 0,
    kicker: organisation ?? '',
    title: lineCount(title, 20) <= 2 ? title : fitLines(title, CONTENT_WIDTH / 44, 3),
    size: lineCount(title, 20) <= 2 ? 'normal' : 'long',
    continued: false,
    notes: null,
    subtitle: view.subtitle || undefined,
    caseCountText: locale.t('caseCount', { count: cases.length }),
    organisationText: organisation ? locale.t('preparedBy', { organisation }) : undefined,
    author: view.author,
    date,
    dateText: view.dateText,
  }
  const agenda = agendaSlides(cases.length, title, locale.t('agenda'), locale.t('caseCount', { count: cases.length }))
  const rich = documentRichContent(document, context)
  const introSlides = intro ? frameSlides('intro', intro.title ?? locale.t('introduction'), intro, title, notes.intro, rich) : []
  const caseSlides = cases.map((node, index) => {
    const heading = fitLines(node.title, TITLE_EMS, TITLE.maxLines)
    const pages = paginateItems(caseItems(node, locale, rich), bodyHeight(lineCount(heading, TITLE_EMS)))
    return pages.map((items, page): CaseSlide => ({
      kind: 'case',
      number: 0,
      caseNumber: node.number,
      kicker: locale.caseLabel(node.number),
      title: heading,
      continued: page > 0,
      notes: notes.cases[index],
      items,
      untranslated: Boolean(node.data?.untranslated),
    }))
  })
  const conclusionSlides = conclusion ? frameSlides('conclusion', conclusion.title ?? locale.t('conclusion'), conclusion, title, notes.conclusion, rich) : []

  const before: Slide[] = [titleSlide, ...agenda, ...editionNotesSlides(context, title), ...introSlides, ...caseSlides.flat()]
  // Slide numbers of each case's first slide, counted once (an indexOf per case is quadratic at 10,000 cases).
  const caseStarts: number[] = []
  let slideNumber = before.length - caseSlides.flat().length
  for (const pages of caseSlides) {
    caseStarts.push(slideNumber + 1)
    slideNumber += pages.length
  }
  const firstSlideOf = (index: number) => caseStarts[index]
  const overview = overviewSlides(cases, firstSlideOf, locale)
  const slides: Slide[] = [...before, ...overview, ...conclusionSlides]
  slides.forEach((slide, index) => (slide.number = index + 1))

  // The agenda points at slides, so it is filled once every slide has its number.
  const entries: AgendaEntry[] = cases.map((node, index) => ({ label: locale.caseLabel(node.number), title: node.title, slide: firstSlideOf(index) }))
  agenda.forEach((slide, page) => {
    slide.entries = entries.slice(page * AGENDA.rows * AGENDA.columns, (page + 1) * AGENDA.rows * AGENDA.columns)
    slide.rows = Math.min(AGENDA.rows, Math.ceil(slide.entries.length / AGENDA.columns))
  })
  return { lang: locale.code, title, subtitle: titleSlide.subtitle, author: titleSlide.author, caseCount: cases.length, slides, slideCount: slides.length }
}

function agendaSlides(caseCount: number, deckTitle: string, heading: string, kicker: string): AgendaSlide[] {
  const pages = Math.max(1, Math.ceil(caseCount / (AGENDA.rows * AGENDA.columns)))
  return Array.from({ length: pages }, (_, page) => ({ kind: 'agenda', number: 0, kicker: kicker || deckTitle, title: heading, continued: page > 0, notes: null, entries: [], rows: 0 }))
}

function frameSlides(frame: FrameSlide['frame'], heading: string, node: Intro | Conclusion, deckTitle: string, notes: SlideNotes, rich: RichContent): FrameSlide[] {
  const title = fitLines(heading, TITLE_EMS, TITLE.maxLines)
  const blocks = node.children
  const paragraphs = blocks.flatMap((block) => frameParagraphs(block, rich)).filter(Boolean)
  // Its paragraphs are plain strings, so the slide as a whole carries the mark.
  const untranslated = Boolean(node.data?.untranslated) || blocks.some((block) => block.data?.untranslated)
  return framePages(paragraphs, bodyHeight(lineCount(title, TITLE_EMS))).map((page, index) => ({
    kind: 'frame',
    frame,
    number: 0,
    kicker: deckTitle,
    title,
    continued: index > 0,
    notes,
    paragraphs: page,
    untranslated,
  }))
}

/**
 * What a block of the introduction or conclusion shows as lines of slide text:
 * a table a line per row (cells apart), a figure its number and caption, a
 * numbered list its numbers; footnotes are in the notes.
 */
function frameParagraphs(block: Block, rich: RichContent): string[] {
  if (block.type === 'table') return block.children.map((row) => row.children.map((cell) => plainText(cell).trim()).join(' · '))
  if (block.type === 'figure') {
    const entry = rich.floats.get(block)
    return [[entry?.label, entry?.caption || block.alt].filter(Boolean).join(' ')]
  }
  if (block.type === 'list' && block.ordered) {
    const first = typeof block.start === 'number' ? block.start : 1
    return block.children.map((item, index) => `${first + index}. ${plainText(item).trim()}`)
  }
  if (block.type === 'footnoteDefinition' || block.type === 'thematicBreak') return []
  return [plainText(block).trim()]
}

/** The full text of every part as HTML: the report's fragments, made once for both. */
function notesHtml(document: CaseDocument, intro: Intro | null, cases: Case[], conclusion: Conclusion | null, context: RenderContext) {
  const html = documentHtml(document, context)
  const footnotes = context.locale.t('footnotes')
  return {
    intro: { title: intro?.title ?? '', sections: [{ title: '', html: html.intro }] },
    cases: cases.map((node, index): SlideNotes => ({
      title: node.title,
      // The case's footnotes follow its sections in the speaker notes.
      sections: [
        ...node.children.map((section, sectionIndex) => ({ title: [section.number, section.title].filter(Boolean).join(' '), html: html.sections[index][sectionIndex] })),
        ...(html.caseNotes[index] ? [{ title: '', html: html.caseNotes[index] }] : []),
      ],
    })),
    conclusion: { title: conclusion?.title ?? '', sections: [{ title: '', html: html.conclusion }] },
  }
}

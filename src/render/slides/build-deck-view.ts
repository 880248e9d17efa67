/** The deck for one locale's document: title, agenda, introduction, cases, overview, conclusion. */
import type { Block, Case, CaseDocument, Conclusion, Intro } from '../../types.js'
import type { RichContent } from '../rich-content.js'
import type { RenderContext } from '../renderer.js'
import { documentHtml, documentRichContent } from '../document-html.js'
import { plainText } from '../../text/plain-text.js'
import { caseItems } from './case-items.js'
import { paginateItems } from './paginate-items.js'
import { framePages } from './frame-pages.js'
import { overviewSlides } from './overview-slides.js'
import { editionNotesSlides } from './edition-notes-slides.js'
import { deckLayout } from './deck-layout.js'
import type { SlideLayout } from './slide-layout.js'
import type { AgendaEntry, AgendaSlide, CaseSlide, DeckView, FrameSlide, Slide, SlideNotes, TitleSlide } from './slide-types.js'
import { documentView, type DocumentView } from '../document-view.js'

/** Builds every slide, numbered, with the full text of each case kept for the notes view. */
export async function buildDeckView(document: CaseDocument, context: RenderContext): Promise<DeckView> {
  const { locale } = context
  const view = documentView(document, context)
  const { intro, cases, conclusion, title, date, organisation } = view
  const warnings: DeckView['warnings'] = []
  const layout = await deckLayout(document, view, context)
  const notes = notesHtml(document, intro, cases, conclusion, context)
  const continued = locale.t('continued')

  const titleSlide = buildTitleSlide(view, context, layout, warnings)
  const agenda = agendaSlides(cases.map((node) => ({ label: locale.caseLabel(node.number), title: node.title.replace(/\s+/g, ' ').trim(), slide: 0 })), locale.t('caseCount', { count: cases.length }) || title, locale.t('agenda'), layout, continued)
  const rich = documentRichContent(document, context)
  const introSlides = intro ? frameSlides('intro', intro.title ?? locale.t('introduction'), intro, title, notes.intro, rich, layout, continued) : []
  const overflows: Array<{ slide: CaseSlide; what: string }> = []
  const compact = layout.compact()
  const caseSlides = cases.map((node, index) => {
    const heading = node.title.replace(/\s+/g, ' ').trim()
    const kicker = locale.caseLabel(node.number)
    const untranslated = Boolean(node.data?.untranslated)
    // The budget of a continued slide (its kicker says so), on every slide: the first is never the fuller.
    const kickerText = [kicker, untranslated ? locale.t('untranslated') : '', continued].filter(Boolean).join(' ')
    const budget = layout.bodyHeight(kickerText, heading)
    let { pages, overflows: over } = paginateItems(caseItems(node, locale, layout, rich), budget, layout, continued)
    // The font steps down (to the stylesheet's compact sizes) when that saves the case a slide.
    const smaller = pages.length > 1 ? paginateItems(caseItems(node, locale, compact, rich), budget, compact, continued) : null
    const isCompact = smaller !== null && smaller.pages.length < pages.length
    if (isCompact) ({ pages, overflows: over } = smaller)
    const slides = pages.map((items, page): CaseSlide => ({
      kind: 'case',
      number: 0,
      caseNumber: node.number,
      kicker,
      title: heading,
      continued: page > 0,
      notes: notes.cases[index],
      items,
      untranslated,
      compact: isCompact,
    }))
    for (const { page, what } of over) overflows.push({ slide: slides[page - 1], what })
    return slides
  })
  const conclusionSlides = conclusion ? frameSlides('conclusion', conclusion.title ?? locale.t('conclusion'), conclusion, title, notes.conclusion, rich, layout, continued) : []

  const before: Slide[] = [titleSlide, ...agenda, ...editionNotesSlides(context, title, layout), ...introSlides, ...caseSlides.flat()]
  // Slide numbers of each case's first slide, counted once (an indexOf per case is quadratic at 10,000 cases).
  const caseStarts: number[] = []
  let slideNumber = before.length - caseSlides.flat().length
  for (const pages of caseSlides) {
    caseStarts.push(slideNumber + 1)
    slideNumber += pages.length
  }
  const firstSlideOf = (index: number) => caseStarts[index]
  const overview = overviewSlides(cases, firstSlideOf, locale, layout)
  const slides: Slide[] = [...before, ...overview, ...conclusionSlides]
  slides.forEach((slide, index) => (slide.number = index + 1))
  for (const slide of agenda) for (const entry of slide.entries) entry.slide = firstSlideOf(entry.slide)
  for (const { slide, what } of overflows) warnings.push({ ruleId: 'slide-overflow', message: `slide ${slide.number} (${slide.kicker} ${slide.title}): ${what} does not fit the slide even at the smallest type; it runs off the slide's foot` })
  return { lang: locale.code, title, subtitle: titleSlide.subtitle, author: titleSlide.author, caseCount: cases.length, slides, slideCount: slides.length, warnings }
}

/**
 * The title slide: the title at its size, or stepped down (long, then floor) until the title
 * column holds the organisation, title, subtitle and meta line.
 */
function buildTitleSlide(view: DocumentView, context: RenderContext, layout: SlideLayout, warnings: DeckView['warnings']): TitleSlide {
  const { locale } = context
  const { style, measure } = layout
  const { title, organisation } = view
  const organisationText = organisation ? locale.t('preparedBy', { organisation }) : undefined
  const subtitle = view.subtitle || undefined
  const width = style.width - style.titleSide - style.titlePadLeft - style.titlePadRight
  // The kicker (22px on 32px lines, 28px under it), the subtitle (28px on 40px, 24px over it), the rule (40 + 4 + 24) and the meta line (20px on 30px): slides.css's title slide.
  // The brand's logo (at most 72px tall and 280px wide, 24px under it) and classification line (18px bold on 26px, 16px under it).
  const { logo, classification } = context.config.brand
  const fixed =
    2 * style.titlePadY +
    (logo ? Math.min(logo.height, 72, (280 * logo.height) / logo.width) + 24 : 0) +
    (classification ? 26 * measure.count(classification, width, { size: 18, bold: true, spacing: 0.12 }) + 16 : 0) +
    (organisationText ? 32 * measure.count(organisationText, width, { size: 22, bold: true, spacing: 0.2 }) + 28 : 0) +
    (subtitle ? 24 + 40 * measure.count(subtitle, width, { size: 28 }) : 0) +
    68 +
    30 * measure.count([view.dateText, view.author].filter(Boolean).join('\u3000\u3000'), width, { size: 20 })
  const sizes = [
    { size: 'normal', font: style.deckTitleSize, line: style.deckTitleLine },
    { size: 'long', font: style.deckTitleLongSize, line: style.deckTitleLongLine },
    { size: 'floor', font: style.deckTitleFloorSize, line: style.deckTitleFloorLine },
  ] as const
  const height = (choice: (typeof sizes)[number]) => fixed + choice.line * measure.count(title, width, { size: choice.font, bold: true, spacing: style.deckTitleSpacing })
  // The full size only for a title of at most two lines; a longer one reads better smaller.
  const lines = measure.count(title, width, { size: style.deckTitleSize, bold: true, spacing: style.deckTitleSpacing })
  const chosen = sizes.find((choice) => (choice.size !== 'normal' || lines <= 2) && height(choice) <= style.height) ?? sizes[2]
  if (height(chosen) > style.height) warnings.push({ ruleId: 'slide-overflow', message: `slide 1 (the title slide): the title, subtitle and names do not fit even at the smallest title size; they run off the slide` })
  return {
    kind: 'title',
    number: 0,
    kicker: organisation ?? '',
    title,
    size: chosen.size,
    continued: false,
    notes: null,
    subtitle,
    caseCountText: locale.t('caseCount', { count: view.cases.length }),
    organisationText,
    author: view.author,
    date: view.date,
    dateText: view.dateText,
  }
}

/**
 * Agenda slides of two columns, filled down the first column then the second, each slide holding
 * as many entries as fit with every title whole. `entries[].slide` holds the case's index until
 * the slides are numbered.
 */
function agendaSlides(entries: AgendaEntry[], kicker: string, heading: string, layout: SlideLayout, continued: string): AgendaSlide[] {
  const { style, measure } = layout
  const column = (layout.contentWidth - style.agendaColumnGap) / 2
  const titleWidth = column - style.agendaLabelWidth - style.agendaNumberWidth - 2 * style.agendaGap
  const heights = entries.map((entry) => 2 * style.agendaPad + 1 + style.agendaLine * measure.count(entry.title, titleWidth, { size: style.agendaSize }))
  const budget = layout.bodyHeight(`${kicker} ${continued}`, heading)
  // A grid row is as tall as the taller of its two entries.
  const heightOf = (start: number, count: number) => {
    const rows = Math.ceil(count / 2)
    let sum = 0
    for (let row = 0; row < rows; row++) sum += Math.max(heights[start + row], row + rows < count ? heights[start + row + rows] : 0)
    return sum
  }
  const pages: AgendaSlide[] = []
  let start = 0
  do {
    let count = Math.min(1, entries.length - start)
    while (start + count < entries.length && heightOf(start, count + 1) <= budget) count++
    const page = entries.slice(start, start + count).map((entry, offset) => ({ ...entry, slide: start + offset }))
    pages.push({ kind: 'agenda', number: 0, kicker, title: heading, continued: pages.length > 0, notes: null, entries: page, rows: Math.ceil(page.length / 2) })
    start += count
  } while (start < entries.length)
  return pages
}

function frameSlides(frame: FrameSlide['frame'], heading: string, node: Intro | Conclusion, deckTitle: string, notes: SlideNotes, rich: RichContent, layout: SlideLayout, continued: string): FrameSlide[] {
  const title = heading.replace(/\s+/g, ' ').trim()
  const blocks = node.children
  const paragraphs = blocks.flatMap((block) => frameParagraphs(block, rich)).filter(Boolean)
  // Its paragraphs are plain strings, so the slide as a whole carries the mark.
  const untranslated = Boolean(node.data?.untranslated) || blocks.some((block) => block.data?.untranslated)
  return framePages(paragraphs, layout.bodyHeight(`${deckTitle} ${continued}`, title), layout).map((page, index) => ({
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

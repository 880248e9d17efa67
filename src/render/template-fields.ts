/**
 * The fields each template receives, generated from the types in template-data.ts by
 * test/helpers/template-variables.ts (UPDATE=1 npx vitest run test/template-variables.test.ts
 * rewrites it): what the check of a user's template holds its variables to.
 */

/** One field: a list (of items with `fields`) or a value, with its own fields when it is an object. */
export interface FieldInfo {
  /** The type's name when it is a named object type (`CaseView`). */
  type?: string
  list?: true
  fields?: Record<string, FieldInfo>
}

/** Each template's fields. */
export const TEMPLATE_FIELDS: Record<string, Record<string, FieldInfo>> = { "report.hbs": { "styles": {}, "pageCss": {}, "fonts": {}, "lang": {}, "intro": { "type": "FrameView", "fields": { "id": {}, "title": {}, "html": {}, "untranslated": {}, "parts": { "type": "HtmlPart", "list": true, "fields": { "html": {}, "untranslated": {} } } } }, "cases": { "type": "CaseView", "list": true, "fields": { "id": {}, "number": {}, "label": {}, "title": {}, "heading": {}, "sections": { "type": "SectionView", "list": true, "fields": { "id": {}, "number": {}, "title": {}, "kind": {}, "html": {}, "untranslated": {}, "parts": { "type": "HtmlPart", "list": true, "fields": { "html": {}, "untranslated": {} } } } }, "pointLabels": { "list": true }, "untranslated": {}, "changed": {}, "page": {} } }, "conclusion": { "type": "FrameView", "fields": { "id": {}, "title": {}, "html": {}, "untranslated": {}, "parts": { "type": "HtmlPart", "list": true, "fields": { "html": {}, "untranslated": {} } } } }, "caseCount": {}, "editionNotes": { "type": "EditionNotesView", "fields": { "id": {}, "since": {}, "metadata": { "list": true }, "groups": { "type": "NotesGroup", "list": true, "fields": { "kind": {}, "heading": {}, "cases": { "type": "NotedCase", "list": true, "fields": { "label": {}, "title": {}, "sections": {} } } } }, "frames": { "list": true } } }, "marked": {}, "title": {}, "subtitle": {}, "author": {}, "organisation": {}, "date": {}, "dateText": {} }, "slides.hbs": { "styles": {}, "script": {}, "fonts": {}, "lang": {}, "title": {}, "subtitle": {}, "author": {}, "caseCount": {}, "slides": { "type": "Slide", "list": true, "fields": { "kind": {}, "subtitle": {}, "caseCountText": {}, "organisationText": {}, "author": {}, "date": {}, "dateText": {}, "size": {}, "number": {}, "kicker": {}, "title": {}, "continued": {}, "notes": { "type": "SlideNotes", "fields": { "title": {}, "sections": { "list": true, "fields": { "title": {}, "html": {} } } } }, "entries": { "type": "AgendaEntry or NotesEntry", "list": true, "fields": { "label": {}, "title": {}, "slide": {}, "change": {}, "detail": {} } }, "rows": { "type": "OverviewRow", "list": true, "fields": { "label": {}, "title": {}, "slide": {}, "cells": { "list": true }, "points": {}, "none": {} } }, "frame": {}, "paragraphs": { "list": true }, "untranslated": {}, "caseNumber": {}, "items": { "type": "CaseItem", "list": true, "fields": { "type": {}, "heading": {}, "text": {}, "untranslated": {}, "continued": {}, "label": {}, "bullet": {} } }, "themes": { "list": true } } }, "slideCount": {} } }

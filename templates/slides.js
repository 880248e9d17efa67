/*
 * casebook deck runtime, inlined into slides.html. The contract: every
 * slide is a `.slide`; `#N` opens slide N and moving updates it; ← → PageUp
 * PageDown Space Home End and swipes navigate; `s` or `?notes` shows the
 * speaker notes; the 1280×720 canvas scales to the window.
 */
(function () {
  'use strict'
  var root = document.documentElement
  root.classList.add('js')
  var slides = Array.prototype.slice.call(document.querySelectorAll('.slide'))
  var stage = document.getElementById('stage')
  var deck = document.getElementById('deck')
  var panel = document.getElementById('notes-panel')
  var notesBody = document.getElementById('notes-body')
  var notesPosition = document.getElementById('notes-position')
  var current = -1
  if (slides.length === 0) return

  function hashIndex() {
    var match = /^#(\d+)$/.exec(location.hash)
    return match ? parseInt(match[1], 10) - 1 : null
  }

  function show(index, updateHash) {
    index = Math.max(0, Math.min(slides.length - 1, index))
    if (current >= 0 && current !== index) {
      slides[current].classList.remove('active')
      slides[current].setAttribute('aria-hidden', 'true')
    }
    current = index
    slides[current].classList.add('active')
    slides[current].removeAttribute('aria-hidden')
    var hash = '#' + (current + 1)
    if (updateHash && location.hash !== hash) {
      try {
        history.replaceState(null, '', hash)
      } catch (error) {
        location.hash = hash
      }
    }
    showNotes()
  }

  function fit() {
    var box = stage.getBoundingClientRect()
    var scale = Math.min(box.width / 1280, box.height / 720)
    deck.style.setProperty('--scale', String(scale > 0 ? scale : 1))
  }

  function showNotes() {
    if (!root.classList.contains('notes-mode')) return
    var notes = slides[current].querySelector('.notes')
    notesBody.textContent = ''
    if (notes) for (var node = notes.firstChild; node; node = node.nextSibling) notesBody.appendChild(node.cloneNode(true))
    notesPosition.textContent = current + 1 + ' / ' + slides.length
  }

  function setNotes(on) {
    root.classList.toggle('notes-mode', on)
    panel.hidden = !on
    fit()
    showNotes()
  }

  slides.forEach(function (slide) { slide.setAttribute('aria-hidden', 'true') })

  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return
    var key = event.key
    if (key === 'ArrowRight' || key === 'ArrowDown' || key === 'PageDown' || ((key === ' ' || key === 'Spacebar') && !event.shiftKey)) show(current + 1, true)
    else if (key === 'ArrowLeft' || key === 'ArrowUp' || key === 'PageUp' || ((key === ' ' || key === 'Spacebar') && event.shiftKey)) show(current - 1, true)
    else if (key === 'Home') show(0, true)
    else if (key === 'End') show(slides.length - 1, true)
    else if (key === 's' || key === 'S') setNotes(!root.classList.contains('notes-mode'))
    else return
    event.preventDefault()
  })

  var touch = null
  document.addEventListener('touchstart', function (event) {
    touch = event.touches.length === 1 ? { x: event.touches[0].clientX, y: event.touches[0].clientY } : null
  }, { passive: true })
  document.addEventListener('touchend', function (event) {
    if (!touch || event.changedTouches.length === 0) return
    var dx = event.changedTouches[0].clientX - touch.x
    var dy = event.changedTouches[0].clientY - touch.y
    touch = null
    if (Math.abs(dx) > 40 && Math.abs(dx) > Math.abs(dy)) show(current + (dx < 0 ? 1 : -1), true)
  }, { passive: true })

  window.addEventListener('hashchange', function () {
    var index = hashIndex()
    if (index !== null && index !== current) show(index, true)
  })
  window.addEventListener('resize', fit)
  // The stage also changes size when the notes panel opens or closes.
  if (typeof ResizeObserver === 'function') new ResizeObserver(fit).observe(stage)

  var start = hashIndex()
  show(start === null ? 0 : start, start !== null)
  setNotes(/(^|[?&])notes(=|&|$)/.test(location.search.slice(1)))
})()

/*
 * casebook deck runtime, inlined into slides.html. The contract: every
 * slide is a `.slide`; `#N` opens slide N and moving updates it; ← → PageUp
 * PageDown Space Home End and swipes navigate; the 1280×720 canvas scales to
 * the window. Beyond it: P or S opens the presenter view (`?presenter`) in
 * its own window, kept in step with every other window of this deck over a
 * BroadcastChannel; B or . blacks the screen out; F is full screen; O or Esc
 * the overview grid; G or a number and Enter jumps; ? lists the keys. The
 * audience window never shows the notes.
 */
(function () {
  'use strict'
  var root = document.documentElement
  root.classList.add('js')
  var slides = Array.prototype.slice.call(document.querySelectorAll('.slide'))
  if (slides.length === 0) return
  var byId = function (id) { return document.getElementById(id) }
  renumber()

  /**
   * Numbers the slides as rendered: a template that leaves a slide out must not leave the
   * numbers of the deck it was given ("15 / 15" on 14 slides). Each slide's number, id and
   * "N / M", and every link to a slide (the agenda's, the overview's), follow the page.
   */
  function renumber() {
    var template = byId('deck') && byId('deck').getAttribute('data-slide-of')
    var moved = {}
    slides.forEach(function (slide, index) {
      var number = String(index + 1)
      var was = slide.getAttribute('data-slide')
      if (was) moved[was] = number
      slide.setAttribute('data-slide', number)
      slide.id = 'slide-' + number
      if (!template) return
      var text = template.replace('{slide}', number).replace('{slides}', String(slides.length))
      slide.setAttribute('aria-label', text)
      var footer = slide.querySelector('.footer-number')
      if (footer) footer.textContent = text
    })
    Array.prototype.forEach.call(document.querySelectorAll('.deck a[href^="#"]'), function (link) {
      var match = /^#(\d+)$/.exec(link.getAttribute('href'))
      if (!match) return
      var target = moved[match[1]]
      if (!target) return
      link.setAttribute('href', '#' + target)
      var shown = link.querySelector('.agenda-slide')
      if (shown) shown.textContent = target
    })
  }
  var stage = byId('stage')
  var deck = byId('deck')
  var status = byId('deck-status')
  var progress = byId('progress-bar')
  var blackout = byId('blackout')
  var help = byId('help')
  var jump = byId('jump')
  var jumpInput = byId('jump-input')
  var nextFrame = byId('next-frame')
  var current = -1
  var blackedOut = false
  // Below this width the canvas would shrink 22 px body text under 12 px, so
  // the deck becomes a scrolling page of slides at their natural size.
  var SCROLL_VIEW = window.matchMedia('(max-width: ' + Math.floor((1280 * 12) / 22) + 'px)')
  var presenter = /(^|[?&])(presenter|notes)(=|&|$)/.test(location.search.slice(1))
  var presenterWindow = null
  // One channel per deck file: every window of this deck follows the others.
  var channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel('casebook-deck:' + location.pathname) : null

  function hashIndex() {
    var match = /^#(\d+)$/.exec(location.hash)
    return match ? parseInt(match[1], 10) - 1 : null
  }

  function isOn(name) {
    return root.classList.contains(name)
  }

  /** Whether every slide is on screen (the overview grid, the scrolling page), not just the current one. */
  function showsAll() {
    return isOn('overview-mode') || isOn('scroll-view')
  }

  /** Hides the slides off screen from screen readers too. */
  function hideOthers() {
    slides.forEach(function (slide, index) {
      if (showsAll() || index === current) slide.removeAttribute('aria-hidden')
      else slide.setAttribute('aria-hidden', 'true')
    })
  }

  /**
   * Shows slide `index`. Every move replaces the history entry rather than
   * adding one, so Back leaves the deck instead of stepping through it.
   * `remote` moves come from another window and are not sent back.
   */
  function go(index, remote) {
    index = Math.max(0, Math.min(slides.length - 1, index))
    if (index === current) return
    if (current >= 0) {
      slides[current].classList.remove('active')
      if (!showsAll()) slides[current].setAttribute('aria-hidden', 'true')
    }
    var first = current < 0
    current = index
    var slide = slides[current]
    slide.classList.add('active')
    slide.removeAttribute('aria-hidden')
    // Opening the deck without a hash leaves the URL as it was.
    if (!first || location.hash) setHash()
    progress.style.transform = 'scaleX(' + (current + 1) / slides.length + ')'
    if (isOn('overview-mode')) slide.scrollIntoView({ block: 'nearest' })
    if (isOn('scroll-view')) scrollToCurrent()
    showPresenter()
    if (first) return
    announce()
    // Focus follows the slide for screen readers, unless a button moved it:
    // pressing that button again must still work.
    if (!document.activeElement || !document.activeElement.closest('.deck-controls')) slide.focus({ preventScroll: true })
    if (!remote) publish()
  }

  function setHash() {
    var hash = '#' + (current + 1)
    if (location.hash !== hash) history.replaceState(history.state, '', hash)
  }

  function announce() {
    var heading = slides[current].querySelector('.slide-title, .deck-title')
    status.textContent = status.getAttribute('data-template')
      .replace('{slide}', String(current + 1))
      .replace('{slides}', String(slides.length))
      .replace('{title}', heading ? heading.textContent.trim() : '')
  }

  function fit() {
    var box = stage.getBoundingClientRect()
    var scale = Math.min(box.width / 1280, box.height / 720)
    deck.style.setProperty('--scale', String(scale > 0 ? scale : 1))
    if (isOn('overview-mode')) {
      var width = stage.clientWidth - 48
      var columns = Math.max(2, Math.min(6, Math.floor(width / 260)))
      deck.style.setProperty('--columns', String(columns))
      deck.style.setProperty('--thumb', String((width - (columns - 1) * 16) / columns / 1280))
    }
    var next = nextFrame.querySelector('.next-deck')
    if (next) next.style.setProperty('--scale', String(nextFrame.clientWidth / 1280))
  }

  function setScrollView() {
    root.classList.toggle('scroll-view', SCROLL_VIEW.matches && !presenter)
    if (isOn('scroll-view') && isOn('overview-mode')) setOverview(false)
    hideOthers()
    fit()
    // The page is laid out anew (its width, the slides' heights): until that has settled, two frames
    // on, the scrolls it causes are not the reader's and do not choose the current slide.
    if (isOn('scroll-view')) {
      settling = true
      scrollToCurrent()
      requestAnimationFrame(function () {
        requestAnimationFrame(function () {
          settling = false
          if (isOn('scroll-view')) scrollToCurrent()
        })
      })
    }
  }
  var settling = false

  // In the scrolling view the current slide is the last one whose top has
  // passed a third of the window. Scrolls the deck made itself are skipped,
  // or a short slide's successor would take over after a jump.
  var ownScroll = -1
  function scrollToCurrent() {
    slides[current].scrollIntoView({ block: 'start' })
    ownScroll = window.scrollY
  }

  window.addEventListener('scroll', function () {
    if (!isOn('scroll-view') || settling || window.scrollY === ownScroll) return
    ownScroll = -1
    var line = window.innerHeight / 3
    var index = 0
    while (index + 1 < slides.length && slides[index + 1].getBoundingClientRect().top <= line) index++
    if (index === current) return
    slides[current].classList.remove('active')
    current = index
    slides[current].classList.add('active')
    setHash()
    progress.style.transform = 'scaleX(' + (current + 1) / slides.length + ')'
    publish()
  }, { passive: true })

  // ------------------------------------------------------------ overview
  function setOverview(on) {
    if (on && isOn('scroll-view')) return // the scrolling page is its own overview
    root.classList.toggle('overview-mode', on)
    hideOthers()
    fit()
    if (on) slides[current].scrollIntoView({ block: 'nearest' })
    slides[current].focus({ preventScroll: true })
  }

  deck.addEventListener('click', function (event) {
    var slide = event.target.closest('.slide')
    if (isOn('overview-mode') && slide) {
      event.preventDefault()
      go(slides.indexOf(slide))
      setOverview(false)
      return
    }
    // In-deck links (agenda, overview table) move like the keys do, without a history entry.
    var link = event.target.closest('a[href^="#"]')
    var match = link && /^#(\d+)$/.exec(link.getAttribute('href'))
    if (match) {
      event.preventDefault()
      go(parseInt(match[1], 10) - 1)
    }
  })

  // ---------------------------------------------------- blackout, screen
  function setBlackout(on, remote) {
    blackedOut = on
    root.classList.toggle('blacked-out', on)
    // The presenter still sees the slide, with a note that the audience does not.
    blackout.hidden = !on || presenter
    byId('presenter-blackout').hidden = !on
    if (!remote) publish()
  }

  function toggleFullscreen() {
    var request = document.fullscreenElement ? document.exitFullscreen() : root.requestFullscreen()
    if (request && request.catch) request.catch(function () {})
  }

  // ------------------------------------------------------- presenter view
  function openPresenter() {
    if (presenter) return
    if (presenterWindow && !presenterWindow.closed) return presenterWindow.focus()
    var url = location.href.replace(/[?#].*$/, '') + '?presenter#' + (current + 1)
    presenterWindow = window.open(url, 'casebook-presenter', 'popup,width=1200,height=760')
  }

  function showPresenter() {
    if (!presenter) return
    var notes = slides[current].querySelector('.notes')
    var body = byId('notes-body')
    body.textContent = ''
    if (notes) for (var node = notes.firstChild; node; node = node.nextSibling) body.appendChild(node.cloneNode(true))
    byId('notes-position').textContent = current + 1 + ' / ' + slides.length
    var old = nextFrame.querySelector('.next-deck')
    if (old) old.remove()
    var next = slides[current + 1]
    var heading = next && next.querySelector('.slide-title, .deck-title')
    byId('next-title').textContent = heading ? heading.textContent.trim() : ''
    if (next) {
      // A copy of the next slide, inert: it is a picture of what comes, not part of the page.
      var copy = next.cloneNode(true)
      copy.removeAttribute('id')
      copy.classList.add('active')
      copy.setAttribute('data-preview', '')
      var holder = document.createElement('div')
      holder.className = 'next-deck'
      holder.inert = true
      holder.setAttribute('aria-hidden', 'true')
      holder.appendChild(copy)
      nextFrame.appendChild(holder)
    }
    fit()
  }

  function startPresenter() {
    root.classList.add('presenter')
    byId('presenter-bar').hidden = false
    byId('presenter-side').hidden = false
    var started = Date.now()
    var elapsed = byId('presenter-elapsed')
    var clock = byId('presenter-clock')
    var pad = function (n) { return (n < 10 ? '0' : '') + n }
    function tick() {
      var seconds = Math.floor((Date.now() - started) / 1000)
      elapsed.textContent = Math.floor(seconds / 3600) + ':' + pad(Math.floor(seconds / 60) % 60) + ':' + pad(seconds % 60)
      clock.textContent = new Date().toLocaleTimeString(root.lang || undefined, { hour: '2-digit', minute: '2-digit' })
    }
    root.addEventListener('click', function (event) {
      if (!event.target.closest('[data-action="reset-timer"]')) return
      started = Date.now()
      tick()
    })
    tick()
    setInterval(tick, 1000)
  }

  // ------------------------------------------------------------ keeping in step
  function publish() {
    if (channel) channel.postMessage({ type: 'state', slide: current, blackout: blackedOut })
  }

  if (channel) {
    channel.onmessage = function (event) {
      var data = event.data
      if (!data || typeof data !== 'object') return
      // A window that just opened asks where the deck is.
      if (data.type === 'hello') publish()
      else if (data.type === 'state' && typeof data.slide === 'number') {
        go(data.slide, true)
        if (Boolean(data.blackout) !== blackedOut) setBlackout(Boolean(data.blackout), true)
      }
    }
  }

  // ------------------------------------------------------------ jump, help
  function openJump(digit) {
    jumpInput.value = digit || ''
    jump.showModal()
  }

  byId('jump-form').addEventListener('submit', function () {
    var number = parseInt(jumpInput.value, 10)
    if (number > 0) go(number - 1)
  })
  // Closed, the jump box gives the keys back to the deck: focus is on the slide, not the hidden input.
  jump.addEventListener('close', function () {
    slides[current].focus({ preventScroll: true })
  })

  function toggleHelp() {
    if (help.open) help.close()
    else help.showModal()
  }

  // -------------------------------------------------------------- input
  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return
    var key = event.key
    var space = key === ' ' || key === 'Spacebar'
    // Open dialogs handle their own keys, and a focused button its Space and Enter.
    var target = event.target.closest ? event.target : root
    if (target.closest('dialog[open]') || (target.closest('button') && (space || key === 'Enter'))) return
    // The scrolling page scrolls by itself, a screen at a time or a line, and the current slide follows.
    if (isOn('scroll-view') && (space || /^(ArrowUp|ArrowDown|PageUp|PageDown)$/.test(key))) return
    var overview = isOn('overview-mode')
    var columns = overview ? parseInt(deck.style.getPropertyValue('--columns'), 10) || 1 : 1
    if (overview && (key === 'Enter' || space)) setOverview(false)
    else if (key === 'ArrowRight' || key === 'PageDown' || (space && !event.shiftKey)) go(current + 1)
    else if (key === 'ArrowLeft' || key === 'PageUp' || (space && event.shiftKey)) go(current - 1)
    else if (key === 'ArrowDown') go(current + columns)
    else if (key === 'ArrowUp') go(current - columns)
    else if (key === 'Home') go(0)
    else if (key === 'End') go(slides.length - 1)
    else if (key === 'p' || key === 'P' || key === 's' || key === 'S') openPresenter()
    else if (key === 'b' || key === 'B' || key === '.') setBlackout(!blackedOut)
    else if (key === 'f' || key === 'F') toggleFullscreen()
    else if (key === 'o' || key === 'O' || key === 'Escape') setOverview(!overview)
    else if (key === 'g' || key === 'G') openJump('')
    else if (/^[0-9]$/.test(key)) openJump(key)
    else if (key === '?') toggleHelp()
    else return
    event.preventDefault()
  })

  root.addEventListener('click', function (event) {
    var button = event.target.closest('.deck-controls [data-action]')
    if (!button) return
    var action = button.getAttribute('data-action')
    if (action === 'previous') go(current - 1)
    else if (action === 'next') go(current + 1)
    else if (action === 'help') toggleHelp()
  })

  // The on-screen buttons show while the pointer moves and fade when it rests.
  var idleTimer = 0
  function wake() {
    root.classList.remove('controls-idle')
    clearTimeout(idleTimer)
    idleTimer = setTimeout(function () { root.classList.add('controls-idle') }, 2500)
  }
  document.addEventListener('pointermove', wake, { passive: true })
  document.addEventListener('pointerdown', wake, { passive: true })

  // A horizontal swipe moves the deck; CSS (touch-action, overscroll-behavior)
  // keeps the browser from also treating it as Back or Forward.
  var touch = null
  document.addEventListener('touchstart', function (event) {
    touch = event.touches.length === 1 ? { x: event.touches[0].clientX, y: event.touches[0].clientY } : null
  }, { passive: true })
  document.addEventListener('touchend', function (event) {
    if (!touch || event.changedTouches.length === 0 || isOn('scroll-view') || isOn('overview-mode')) return
    var dx = event.changedTouches[0].clientX - touch.x
    var dy = event.changedTouches[0].clientY - touch.y
    touch = null
    if (Math.abs(dx) > 40 && Math.abs(dx) > Math.abs(dy)) go(current + (dx < 0 ? 1 : -1))
  }, { passive: true })

  window.addEventListener('hashchange', function () {
    var index = hashIndex()
    if (index !== null) go(index)
  })
  window.addEventListener('resize', fit)
  // The stage also changes size with the presenter layout and the overview.
  if (typeof ResizeObserver === 'function') new ResizeObserver(fit).observe(stage)
  SCROLL_VIEW.addEventListener('change', setScrollView)

  slides.forEach(function (slide) {
    slide.setAttribute('aria-hidden', 'true')
    // Focusable from script only, so focus can follow the slide shown.
    slide.tabIndex = -1
  })
  if (presenter) startPresenter()
  var start = hashIndex()
  go(start === null ? 0 : start, true)
  setScrollView()
  wake()
  if (channel) channel.postMessage({ type: 'hello' })
})()

/* The venue's big screen (大屏): keyboard-driven slides and a countdown for the presentation time.
 *
 * Keys: → ↓ PageDown Space Enter next · ← ↑ PageUp Backspace (Shift+Space) previous · Home/End
 *       F fullscreen · T start/pause the countdown · R reset it.
 * A classic script (no modules, no fetch): it must run from file:// on the venue's PC, offline, and
 * on old browsers (ES5). The countdown reads the clock (Date.now) rather than counting ticks, so a
 * busy projector PC never makes a team's time run slow. Moving to another slide resets the countdown:
 * every team starts with its full time.
 */
(function () {
  "use strict";

  var deck = document.getElementById("bs-deck");
  if (!deck) { return; }
  var root = document.documentElement;
  root.className += " bs-js";

  var slides = Array.prototype.slice.call(deck.querySelectorAll(".bs-slide"));
  var counter = document.getElementById("bs-counter");
  var timerBox = document.getElementById("bs-timer");
  var timerValue = timerBox ? timerBox.querySelector(".bs-timer__value") : null;
  var limitMs = (parseInt(deck.getAttribute("data-time-limit"), 10) || 0) * 1000;
  var WARNING_MS = 60 * 1000; // the last minute shows amber

  var current = -1;
  var timer = { remaining: limitMs, running: false, startedAt: 0, tick: null };

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function clock(seconds) { return pad(Math.floor(seconds / 60)) + ":" + pad(seconds % 60); }

  function remaining() {
    return timer.running ? timer.remaining - (Date.now() - timer.startedAt) : timer.remaining;
  }

  function isEntry(index) {
    return index >= 0 && slides[index].getAttribute("data-kind") === "entry";
  }

  function renderTimer() {
    if (!timerBox || !limitMs) { return; }
    var ms = remaining();
    var over = ms <= 0;
    var text;
    if (ms < 0) {
      text = "超时 " + clock(Math.floor(-ms / 1000));
    } else {
      text = clock(Math.ceil(ms / 1000));
    }
    if (timerValue.textContent !== text) { timerValue.textContent = text; }
    var phase = over ? "over" : (ms <= WARNING_MS ? "warning" : (ms === limitMs ? "ready" : "normal"));
    timerBox.setAttribute("data-phase", phase);
    timerBox.setAttribute("data-running", timer.running ? "true" : "false");
  }

  function stopTicking() {
    if (timer.tick !== null) { window.clearInterval(timer.tick); timer.tick = null; }
  }

  function startPause() {
    if (!limitMs || !isEntry(current)) { return; }
    if (timer.running) {
      timer.remaining = remaining();
      timer.running = false;
      stopTicking();
    } else {
      timer.startedAt = Date.now();
      timer.running = true;
      stopTicking();
      timer.tick = window.setInterval(renderTimer, 200);
    }
    renderTimer();
  }

  function resetTimer() {
    stopTicking();
    timer.running = false;
    timer.remaining = limitMs;
    renderTimer();
  }

  function show(index, keepHash) {
    index = Math.max(0, Math.min(slides.length - 1, index));
    if (index === current) { return; }
    for (var i = 0; i < slides.length; i++) {
      var on = i === index;
      slides[i].className = slides[i].className.replace(/\s*\bis-active\b/g, "") + (on ? " is-active" : "");
      slides[i].setAttribute("aria-hidden", on ? "false" : "true");
    }
    current = index;
    deck.setAttribute("data-current", String(index + 1));
    if (counter) { counter.textContent = (index + 1) + " / " + slides.length; }
    resetTimer();
    if (timerBox) { timerBox.hidden = !(limitMs && isEntry(index)); }
    if (!keepHash) {
      try { window.history.replaceState(null, "", "#" + (index + 1)); } catch (e) { /* file:// in old browsers */ }
    }
  }

  function fromHash() {
    var n = parseInt((window.location.hash || "").replace("#", ""), 10);
    return n >= 1 ? n - 1 : 0;
  }

  function toggleFullscreen() {
    var d = document;
    var active = d.fullscreenElement || d.webkitFullscreenElement;
    try {
      if (active) {
        var exit = d.exitFullscreen || d.webkitExitFullscreen;
        if (exit) { exit.call(d); }
      } else {
        var enter = root.requestFullscreen || root.webkitRequestFullscreen;
        var result = enter ? enter.call(root) : null;
        if (result && result["catch"]) { result["catch"](function () {}); }
      }
    } catch (e) { /* refused: the venue can still press F11 */ }
  }

  var NEXT = { ArrowRight: 1, ArrowDown: 1, PageDown: 1, " ": 1, Spacebar: 1, Enter: 1, Right: 1, Down: 1 };
  var PREV = { ArrowLeft: 1, ArrowUp: 1, PageUp: 1, Backspace: 1, Left: 1, Up: 1 };

  document.addEventListener("keydown", function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) { return; }
    var key = event.key;
    if ((key === " " || key === "Spacebar") && event.shiftKey) {
      show(current - 1);
    } else if (NEXT[key]) {
      show(current + 1);
    } else if (PREV[key]) {
      show(current - 1);
    } else if (key === "Home") {
      show(0);
    } else if (key === "End") {
      show(slides.length - 1);
    } else if (key === "f" || key === "F") {
      toggleFullscreen();
    } else if (key === "t" || key === "T") {
      startPause();
    } else if (key === "r" || key === "R") {
      resetTimer();
    } else {
      return;
    }
    event.preventDefault();
  });

  // The small on-screen arrows, for a mouse or a touch screen.
  Array.prototype.forEach.call(document.querySelectorAll(".bs-nav"), function (button) {
    button.addEventListener("click", function () {
      show(current + parseInt(button.getAttribute("data-go"), 10));
      button.blur();
    });
  });

  window.addEventListener("hashchange", function () { show(fromHash(), true); });

  // The pointer disappears when still, so it never sits on a projected slide.
  var idle = null;
  document.addEventListener("mousemove", function () {
    root.className = root.className.replace(/\s*\bbs-idle\b/g, "");
    if (idle !== null) { window.clearTimeout(idle); }
    idle = window.setTimeout(function () { root.className += " bs-idle"; }, 2500);
  });

  show(fromHash(), true);
}());

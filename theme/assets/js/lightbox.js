/* Showcase lightbox: gallery thumbnails ([data-sc-lightbox] links to the large image) open in an
   overlay; ← → step through the gallery, Esc or a click outside closes. Offline, no libraries,
   ES5 (old intranet PCs). Without JavaScript the links simply open the image. */
(function () {
  "use strict";
  var overlay = null, img = null, caption = null, counter = null, links = [], index = 0, opener = null;

  function build() {
    overlay = document.createElement("div");
    overlay.className = "sc-lightbox";
    overlay.setAttribute("role", "dialog");
    overlay.setAttribute("aria-modal", "true");
    overlay.setAttribute("aria-label", "图片查看");
    overlay.hidden = true;
    overlay.innerHTML =
      '<figure class="sc-lightbox__figure"><img class="sc-lightbox__img" alt="">' +
      '<figcaption class="sc-lightbox__caption"></figcaption></figure>' +
      '<span class="sc-lightbox__counter" aria-live="polite"></span>' +
      '<button type="button" class="sc-lightbox__close" aria-label="关闭（Esc）">×</button>' +
      '<button type="button" class="sc-lightbox__prev" aria-label="上一张（←）">‹</button>' +
      '<button type="button" class="sc-lightbox__next" aria-label="下一张（→）">›</button>';
    document.body.appendChild(overlay);
    img = overlay.querySelector(".sc-lightbox__img");
    caption = overlay.querySelector(".sc-lightbox__caption");
    counter = overlay.querySelector(".sc-lightbox__counter");
    overlay.querySelector(".sc-lightbox__close").onclick = close;
    overlay.querySelector(".sc-lightbox__prev").onclick = function () { show(index - 1); };
    overlay.querySelector(".sc-lightbox__next").onclick = function () { show(index + 1); };
    overlay.addEventListener("click", function (event) {
      if (event.target === overlay || event.target.className === "sc-lightbox__figure") close();
    });
  }

  function show(i) {
    index = (i + links.length) % links.length;
    var link = links[index];
    var thumb = link.querySelector("img");
    img.src = link.getAttribute("href");
    img.alt = thumb ? thumb.getAttribute("alt") || "" : "";
    if (link.getAttribute("data-width")) {
      img.width = +link.getAttribute("data-width");
      img.height = +link.getAttribute("data-height");
    }
    caption.textContent = link.getAttribute("data-caption") || "";
    counter.textContent = links.length > 1 ? (index + 1) + " / " + links.length : "";
    overlay.className = "sc-lightbox" + (links.length > 1 ? " sc-lightbox--many" : "");
  }

  function open(link) {
    if (!overlay) build();
    var gallery = link.closest ? link.closest("[data-sc-gallery]") : null;
    links = Array.prototype.slice.call((gallery || document).querySelectorAll("a[data-sc-lightbox]"));
    opener = link;
    overlay.hidden = false;
    document.documentElement.classList.add("sc-lightbox-open");
    show(Math.max(0, links.indexOf(link)));
    overlay.querySelector(".sc-lightbox__close").focus();
  }

  function close() {
    if (!overlay || overlay.hidden) return;
    overlay.hidden = true;
    img.removeAttribute("src");
    document.documentElement.classList.remove("sc-lightbox-open");
    if (opener) opener.focus();
  }

  document.addEventListener("click", function (event) {
    if (event.defaultPrevented || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) return;
    var node = event.target;
    while (node && node !== document && !(node.tagName === "A" && node.hasAttribute("data-sc-lightbox"))) {
      node = node.parentNode;
    }
    if (!node || node === document) return;
    event.preventDefault();
    open(node);
  });

  document.addEventListener("keydown", function (event) {
    if (!overlay || overlay.hidden) return;
    var key = event.key || event.keyCode;
    if (key === "Escape" || key === "Esc" || key === 27) { close(); event.preventDefault(); }
    else if (key === "ArrowRight" || key === "Right" || key === 39) { show(index + 1); event.preventDefault(); }
    else if (key === "ArrowLeft" || key === "Left" || key === 37) { show(index - 1); event.preventDefault(); }
    else if (key === "Tab") {
      // Keep focus inside the dialog.
      var buttons = overlay.querySelectorAll("button"), first = buttons[0], last = buttons[buttons.length - 1];
      if (event.shiftKey && document.activeElement === first) { last.focus(); event.preventDefault(); }
      else if (!event.shiftKey && document.activeElement === last) { first.focus(); event.preventDefault(); }
    }
  });
})();

/* Showcase search, the interface: the header search box (Material's look, our engine) and the
 * full results page /search/ (filters by kind, unit, year; sort; more results).
 * The engine is search-engine.js; nothing here knows how the index is stored.
 */
(function () {
  "use strict";
  var S = window.ShowcaseSearch;
  if (!S) return;
  var esc = S.escapeHtml;
  var HEADER_RESULTS = 10, PAGE_RESULTS = 20, DEBOUNCE_MS = 90;

  function $(selector, el) { return (el || document).querySelector(selector); }
  function $$(selector, el) { return Array.prototype.slice.call((el || document).querySelectorAll(selector)); }
  // The site's root as a folder URL. The 404 page's root is "/" (it is served at any depth): adding a
  // slash to it would make "//", a host-less network path that new URL() refuses.
  function rootOf(el) {
    var root = el.getAttribute("data-sc-root") || ".";
    return new URL(root.slice(-1) === "/" ? root : root + "/", location.href).href;
  }

  function itemHtml(item) {
    var meta = '<span class="sc-search-kind">' + esc(item.kind) + "</span>";
    (item.units || []).forEach(function (u) { meta += '<span class="sc-search-unit">' + esc(u) + "</span>"; });
    if (item.date) meta += '<span class="sc-search-date">' + esc(item.date) + "</span>";
    return '<li class="md-search-result__item">' +
      '<a href="' + esc(item.sectionUrl) + '" class="md-search-result__link">' +
      '<article class="md-search-result__article md-typeset">' +
      "<h1>" + item.titleHtml + "</h1>" +
      '<p class="sc-search-meta">' + meta + "</p>" +
      (item.heading && item.heading !== item.title ? "<h2>" + esc(item.heading) + "</h2>" : "") +
      (item.snippetHtml ? '<p class="sc-search-snippet">' + item.snippetHtml + "</p>" : "") +
      "</article></a></li>";
  }

  function summary(result, query) {
    if (!result.total) return "没有找到与“" + query + "”相关的内容";
    var text = "找到 " + result.total + " 个结果";
    if (result.relaxed) text = "没有完全匹配的内容，以下 " + result.total + " 个结果包含部分关键词";
    return text;
  }

  function failed(el, err) {
    // Never a silent empty result: say that search itself is broken.
    el.textContent = "搜索暂不可用：" + (err && err.message ? err.message : err);
    el.classList.add("sc-search-error");
  }

  function resultsPageUrl(base, query, extra) {
    var params = new URLSearchParams();
    params.set("q", query);
    Object.keys(extra || {}).forEach(function (k) { if (extra[k] !== "" && extra[k] != null) params.set(k, extra[k]); });
    return base + "?" + params.toString();
  }

  // ---- the header box ---------------------------------------------------------------------------
  function HeaderSearch(box) {
    var self = this;
    this.box = box;
    this.input = $("[data-sc-search-input]", box);
    this.meta = $(".md-search-result__meta", box);
    this.filters = $(".sc-search-filters", box);
    this.list = $(".md-search-result__list", box);
    this.more = $(".sc-search-more", box);
    this.toggle = document.getElementById("__search");
    this.pageUrl = new URL(box.getAttribute("data-sc-page"), location.href).href;
    this.engine = S.engine(rootOf(box));
    this.kind = "";
    this.seq = 0;
    this.timer = 0;

    this.input.addEventListener("focus", function () { self.open(); self.engine.load().catch(function () {}); });
    this.input.addEventListener("input", function () {
      clearTimeout(self.timer);
      self.timer = setTimeout(function () { self.run(); }, DEBOUNCE_MS);
    });
    $("form", box).addEventListener("reset", function () {
      setTimeout(function () { self.kind = ""; self.run(); self.input.focus(); }, 0);
    });
    this.filters.addEventListener("click", function (ev) {
      var chip = ev.target.closest("[data-kind]");
      if (!chip) return;
      ev.preventDefault();
      self.kind = chip.getAttribute("data-kind");
      self.run();
    });
    box.addEventListener("keydown", function (ev) { self.keydown(ev); });
    document.addEventListener("keydown", function (ev) {
      var t = ev.target;
      if (ev.ctrlKey || ev.metaKey || ev.altKey || ev.isComposing) return;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      if (ev.key === "/" || ev.key === "s" || ev.key === "f") {
        ev.preventDefault();
        self.input.focus();
      }
    });
    if (this.toggle) {
      this.toggle.addEventListener("change", function () {
        if (!self.toggle.checked) self.input.blur();
      });
    }
    // The header's magnifier (small screens) opens the box; like Material, it also focuses it.
    $$('label[for="__search"]').forEach(function (label) {
      if (box.contains(label)) return;
      label.addEventListener("click", function () { setTimeout(function () { self.input.focus(); }, 0); });
    });
  }

  HeaderSearch.prototype.open = function () {
    if (this.toggle && !this.toggle.checked) {
      this.toggle.checked = true;
      this.toggle.dispatchEvent(new Event("change"));
    }
  };

  HeaderSearch.prototype.close = function () {
    if (this.toggle && this.toggle.checked) {
      this.toggle.checked = false;
      this.toggle.dispatchEvent(new Event("change"));
    }
    this.input.blur();
  };

  HeaderSearch.prototype.keydown = function (ev) {
    if (ev.key === "Escape") { this.close(); return; }
    if (ev.key !== "ArrowDown" && ev.key !== "ArrowUp") return;
    var stops = [this.input].concat($$(".md-search-result__link", this.box));
    var at = stops.indexOf(document.activeElement);
    var next = (Math.max(at, 0) + (ev.key === "ArrowDown" ? 1 : -1) + stops.length) % stops.length;
    stops[next].focus();
    ev.preventDefault();
  };

  HeaderSearch.prototype.run = function () {
    var self = this, query = this.input.value.trim(), seq = ++this.seq;
    this.meta.classList.remove("sc-search-error");
    if (!query) {
      this.meta.textContent = "输入关键词搜索全站，如 党建品牌、红旗党支部、单位简称";
      this.list.innerHTML = "";
      this.filters.hidden = true;
      this.more.hidden = true;
      return;
    }
    var kindIndex = -1;
    this.engine.load().then(function (manifest) {
      manifest.kinds.forEach(function (k, i) { if (k[0] === self.kind) kindIndex = i; });
      var filters = kindIndex >= 0 ? { kind: kindIndex } : {};
      return self.engine.search(query, filters).then(function (result) {
        return self.engine.present(result, 0, HEADER_RESULTS).then(function (items) {
          if (seq !== self.seq) return;
          self.render(query, manifest, result, items, kindIndex);
        });
      });
    }).catch(function (err) { if (seq === self.seq) failed(self.meta, err); });
  };

  HeaderSearch.prototype.render = function (query, manifest, result, items, kindIndex) {
    this.meta.textContent = summary(result, query);
    var chips = "";
    if (result.matched) {
      chips += '<button type="button" class="sc-search-chip" data-kind="" aria-pressed="' +
        (kindIndex < 0) + '">全部 ' + result.matched + "</button>";
      manifest.kinds.forEach(function (k, i) {
        var n = result.counts.kind[i];
        if (!n) return;
        chips += '<button type="button" class="sc-search-chip" data-kind="' + esc(k[0]) + '" aria-pressed="' +
          (i === kindIndex) + '">' + esc(k[1]) + " " + n + "</button>";
      });
    }
    this.filters.innerHTML = chips;
    this.filters.hidden = !chips;
    this.list.innerHTML = items.map(itemHtml).join("");
    this.more.hidden = !result.total;
    this.more.href = resultsPageUrl(this.pageUrl, query, { kind: this.kind });
    this.more.textContent = result.total > items.length
      ? "查看全部 " + result.total + " 个结果，按单位、年份筛选" : "在搜索页按单位、年份筛选";
    this.box.setAttribute("data-sc-shown", query);  // what is on screen (tests wait for it)
  };

  // ---- the results page /search/ ----------------------------------------------------------------
  function SearchPage(el) {
    var self = this;
    this.el = el;
    this.form = $("form", el);
    this.input = $("input[name=q]", el);
    this.selects = { kind: $("select[name=kind]", el), unit: $("select[name=unit]", el),
                     year: $("select[name=year]", el), sort: $("select[name=sort]", el) };
    this.status = $(".sc-search-status", el);
    this.list = $(".md-search-result__list", el);
    this.moreButton = $(".sc-search-page__more", el);
    this.engine = S.engine(rootOf(el));
    this.seq = 0;
    var params = new URLSearchParams(location.search);
    this.input.value = params.get("q") || "";
    this.wanted = { kind: params.get("kind") || "", unit: params.get("unit") || "",
                    year: params.get("year") || "", sort: params.get("sort") || "" };
    this.form.addEventListener("submit", function (ev) { ev.preventDefault(); self.run(true); });
    Object.keys(this.selects).forEach(function (name) {
      self.selects[name].addEventListener("change", function () {
        self.wanted[name] = self.selects[name].value;
        self.run(true);
      });
    });
    this.moreButton.addEventListener("click", function () { self.showMore(); });
    this.engine.load().then(function () { self.run(false); }).catch(function (err) { failed(self.status, err); });
    if (!this.input.value) this.input.focus();
  }

  SearchPage.prototype.filters = function (manifest) {
    var w = this.wanted, f = {};
    manifest.kinds.forEach(function (k, i) { if (k[0] === w.kind) f.kind = i; });
    manifest.units.forEach(function (u, i) { if (u[0] === w.unit) f.unit = i; });
    if (w.year) f.year = parseInt(w.year, 10);
    return f;
  };

  SearchPage.prototype.run = function (pushUrl) {
    var self = this, query = this.input.value.trim(), seq = ++this.seq;
    this.status.classList.remove("sc-search-error");
    if (pushUrl) {
      try {
        history.replaceState(null, "", resultsPageUrl(location.pathname, query, this.wanted));
      } catch (e) { /* file:// in some browsers: the address bar just keeps the old query */ }
    }
    if (!query) {
      this.status.textContent = "输入关键词，按回车搜索";
      this.list.innerHTML = "";
      this.moreButton.hidden = true;
      return;
    }
    this.status.textContent = "正在搜索…";
    this.engine.load().then(function (manifest) {
      return self.engine.search(query, self.filters(manifest), self.wanted.sort === "date" ? "date" : "score")
        .then(function (result) {
          return self.engine.present(result, 0, PAGE_RESULTS).then(function (items) {
            if (seq !== self.seq) return;
            self.result = result;
            self.shown = items.length;
            self.fillSelects(manifest, result);
            self.status.textContent = summary(result, query);
            self.list.innerHTML = items.map(itemHtml).join("");
            self.moreButton.hidden = self.shown >= result.total;
            self.el.setAttribute("data-sc-shown", query);
          });
        });
    }).catch(function (err) { if (seq === self.seq) failed(self.status, err); });
  };

  SearchPage.prototype.showMore = function () {
    var self = this, seq = this.seq;
    this.engine.present(this.result, this.shown, PAGE_RESULTS).then(function (items) {
      if (seq !== self.seq) return;
      self.shown += items.length;
      self.list.insertAdjacentHTML("beforeend", items.map(itemHtml).join(""));
      self.moreButton.hidden = self.shown >= self.result.total;
    }).catch(function (err) { failed(self.status, err); });
  };

  SearchPage.prototype.fillSelects = function (manifest, result) {
    var w = this.wanted, c = result.counts;
    function options(select, all, entries, current) {
      select.innerHTML = '<option value="">' + esc(all) + "</option>" + entries.map(function (e) {
        return '<option value="' + esc(e[0]) + '"' + (String(e[0]) === current ? " selected" : "") + ">" +
          esc(e[1]) + (e[2] !== undefined ? "（" + e[2] + "）" : "") + "</option>";
      }).join("");
    }
    options(this.selects.kind, "全部类别", manifest.kinds.map(function (k, i) {
      return [k[0], k[1], c.kind[i] || 0];
    }).filter(function (e) { return e[2] || e[0] === w.kind; }), w.kind);
    options(this.selects.unit, "全部单位", manifest.units.map(function (u, i) {
      return [u[0], u[1], c.unit[i] || 0];
    }).filter(function (e) { return e[2] || e[0] === w.unit; }), w.unit);
    options(this.selects.year, "全部年份", manifest.years.map(function (y) {
      return [y, y + "年", c.year[y] || 0];
    }).filter(function (e) { return e[2] || String(e[0]) === w.year; }), w.year);
    this.selects.sort.value = w.sort === "date" ? "date" : "";
  };

  function start() {
    $$("[data-sc-search]").forEach(function (box) { box.scSearch = new HeaderSearch(box); });
    $$("[data-sc-search-page]").forEach(function (el) { el.scSearch = new SearchPage(el); });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

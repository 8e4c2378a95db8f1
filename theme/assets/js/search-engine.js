/* Showcase site search, the browser side: query → grams → shards → candidates → ranking → snippets.
 *
 * The index is written at build time by generator/search/ (see indexer.py for the files). Every
 * index file is a script calling window.__showcaseSearch, loaded with a <script> tag: that works
 * from file:// (where fetch() of local files is blocked) and from any sub-path (relative URLs).
 *
 * Tokenization must match generator/search/tokenize.py exactly (tests compare them):
 * CJK characters and bigrams, words of other letters and digits, full-width → ASCII, lower case.
 * No segmenter: a page that contains the query text holds all its grams, so it is found.
 */
(function () {
  "use strict";

  var CJK = "\u3007\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff";
  var CJK_ONLY = new RegExp("^[" + CJK + "]+$");
  var RUN = new RegExp("[" + CJK + "]+|(?:(?![" + CJK + "])[\\p{L}\\p{N}])+", "gu");
  var FULLWIDTH = /[\uff01-\uff5e]/g;
  var QUOTED = /"([^"]*)"|\u201c([^\u201d]*)\u201d|\u300c([^\u300d]*)\u300d|\u300e([^\u300f]*)\u300f|(\S+)/g;

  // Ranking weights. Title and identifying fields (unit, person, branch …) count above body text.
  var K1 = 1.2, B = 0.75, TITLE = 2.5, FIELD = 1.2, ALL_IN_TITLE = 3, ALL_IN_FIELDS = 1.6, LISTING = 0.5;
  var EXACT_TITLE = 10;
  var MAX_VARIANTS = 12, RELAXED_SHARE = 0.6;

  // ---- tokenization (= tokenize.py) -----------------------------------------------------------
  function normalize(text) {
    return String(text).replace(FULLWIDTH, function (c) {
      return String.fromCharCode(c.charCodeAt(0) - 0xfee0);
    }).toLowerCase();
  }
  function isCjk(run) { return CJK_ONLY.test(run); }
  function runs(text) { return normalize(text).match(RUN) || []; }
  function runGrams(run) {
    if (run.length === 1 || !isCjk(run)) return [run];
    var out = [];
    for (var i = 0; i + 1 < run.length; i++) out.push(run.substr(i, 2));
    return out;
  }
  function queryGrams(text) {
    var seen = Object.create(null), out = [];
    runs(text).forEach(function (run) {
      runGrams(run).forEach(function (g) { if (!seen[g]) { seen[g] = 1; out.push(g); } });
    });
    return out;
  }
  // The grams a query looks up: enough bigrams to cover every character of a run (一店一名片 →
  // 一店 一名 名片). Any page holding the run holds them, so no page is missed; the exact phrase is
  // checked on the results shown. Fewer grams, fewer shard files to load.
  function lookupGrams(text) {
    var seen = Object.create(null), out = [];
    runs(text).forEach(function (run) {
      var grams = runGrams(run);
      grams.forEach(function (g, i) {
        if ((i % 2 === 0 || i === grams.length - 1) && !seen[g]) { seen[g] = 1; out.push(g); }
      });
    });
    return out;
  }
  function fnv1a(text) {
    var h = 0x811c9dc5;
    for (var i = 0; i < text.length; i++) {
      var cp = text.codePointAt(i);
      if (cp > 0xffff) i++;
      h = Math.imul(h ^ cp, 0x01000193) >>> 0;
    }
    return h;
  }
  function gramCode(gram) {
    if (gram.length <= 2 && isCjk(gram)) {
      return gram.length === 2 ? (gram.charCodeAt(0) | (gram.charCodeAt(1) << 16)) >>> 0 : gram.charCodeAt(0);
    }
    return fnv1a(gram);
  }
  function shardOf(gram, shards) {
    var bits = Math.round(Math.log2(shards));
    if (bits === 0) return 0;
    return (Math.imul(gramCode(gram), 2654435761) >>> 0) >>> (32 - bits);
  }

  // ---- query parsing ----------------------------------------------------------------------------
  // A term is a whitespace-separated word or a quoted phrase; every term must match (AND). A term
  // that names a unit also matches its other names (synonyms from units.yml).
  function compact(text) { return runs(text).join(""); }

  function expand(term, groups) {
    var variants = [term];
    (groups || []).forEach(function (group) {
      var next = [];
      variants.forEach(function (v) {
        var hit = null;
        for (var i = 0; i < group.length && !hit; i++) if (v.indexOf(group[i]) >= 0) hit = group[i];
        if (!hit) { next.push(v); return; }
        next.push(v);
        group.forEach(function (name) { if (name !== hit) next.push(v.split(hit).join(name)); });
      });
      variants = next.filter(function (v, i) { return next.indexOf(v) === i; }).slice(0, MAX_VARIANTS);
    });
    return variants;
  }

  function parseQuery(query, groups) {
    var terms = [], m;
    QUOTED.lastIndex = 0;
    while ((m = QUOTED.exec(String(query || ""))) !== null) {
      var text = m[1] || m[2] || m[3] || m[4] || m[5] || "";
      var needle = compact(text);
      if (!needle || terms.some(function (t) { return t.needle === needle; })) continue;
      var variants = expand(normalize(text), groups).map(function (v) {
        return { text: v, needle: compact(v), grams: lookupGrams(v) };
      }).filter(function (v) { return v.grams.length; });
      terms.push({ text: text, needle: needle, variants: variants });
    }
    return terms;
  }

  // ---- postings ---------------------------------------------------------------------------------
  function decodePostings(data) {
    var bin = atob(data), n = bin.length / 3;
    var ids = new Int32Array(n), weights = new Uint8Array(n);
    for (var i = 0, j = 0; i < n; i++, j += 3) {
      var c = bin.charCodeAt(j + 2);
      ids[i] = (bin.charCodeAt(j) << 10) | (bin.charCodeAt(j + 1) << 2) | (c >> 6);
      weights[i] = c & 63;
    }
    return { ids: ids, weights: weights };
  }

  function decodeHashes(data) {
    var bin = atob(data || ""), out = new Uint32Array(bin.length / 4);
    for (var i = 0, j = 0; i < out.length; i++, j += 4) {
      out[i] = ((bin.charCodeAt(j) << 24) | (bin.charCodeAt(j + 1) << 16) |
                (bin.charCodeAt(j + 2) << 8) | bin.charCodeAt(j + 3)) >>> 0;
    }
    return out;
  }

  function yearOf(facets, doc) { return Math.floor(facets.d[doc] / 10000); }

  // ---- loading index files ----------------------------------------------------------------------
  function loadScript(url) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = url;
      s.async = true;
      s.charset = "utf-8";
      s.onload = function () { s.remove(); resolve(); };
      s.onerror = function () { s.remove(); reject(new Error("无法加载检索索引文件 " + url)); };
      document.head.appendChild(s);
    });
  }

  function Engine(root) {
    this.root = root;  // absolute URL of the site root, ending in "/"
    this.data = new URL("search/data/", root).href;
    this.manifest = null;
    this.facets = null;
    this.shards = Object.create(null);  // n → Promise<grams>
    this.docs = Object.create(null);  // id → Promise<record>
    this.postings = Object.create(null);  // gram → decoded
    this.arrived = { index: null, shard: Object.create(null), doc: Object.create(null) };
    this.bytes = 0;
    this._index = null;
  }

  Engine.prototype.url = function (path, version) {
    // ?v= keeps a browser from mixing files of two builds; file:// ignores it.
    return this.data + path + (version ? "?v=" + version : "");
  };

  Engine.prototype.load = function (force) {
    var self = this;
    if (!this._index || force) {
      this._index = loadScript(this.url("index.js", force ? String(Date.now()) : "")).then(function () {
        var got = self.arrived.index;
        if (!got) throw new Error("检索索引文件 index.js 内容无效");
        self.manifest = got[0];
        self.facets = got[1];
        self.facets.t = decodeHashes(self.facets.t);
        self.shards = Object.create(null);
        self.docs = Object.create(null);
        self.postings = Object.create(null);
        var lengths = self.facets.l, total = 0;
        for (var i = 0; i < lengths.length; i++) total += lengths[i];
        self.avgLength = total / Math.max(1, lengths.length);
        return self.manifest;
      });
      this._index.catch(function () { self._index = null; });
    }
    return this._index;
  };

  // A file of another build (browser cache after a rebuild): reload the manifest once and retry.
  Engine.prototype._versioned = function (cache, key, path, pick) {
    var self = this;
    if (!cache[key]) {
      var version = self.manifest.v;
      cache[key] = loadScript(self.url(path, version)).then(function () {
        var got = pick();
        if (got && got.v === version) return got.value;
        return self.load(true).then(function () {
          return loadScript(self.url(path, self.manifest.v)).then(function () {
            var again = pick();
            if (!again || again.v !== self.manifest.v) throw new Error("检索索引文件版本不一致：" + path);
            return again.value;
          });
        });
      });
      cache[key].catch(function () { delete cache[key]; });
    }
    return cache[key];
  };

  Engine.prototype.shard = function (n) {
    var self = this;
    return this._versioned(this.shards, n, "s/" + n + ".js", function () { return self.arrived.shard[n]; });
  };

  Engine.prototype.doc = function (id) {
    var self = this;
    return this._versioned(this.docs, id, "d/" + id + ".js", function () { return self.arrived.doc[id]; });
  };

  Engine.prototype.gramPostings = function (gram) {
    var self = this;
    if (this.postings[gram]) return Promise.resolve(this.postings[gram]);
    return this.shard(shardOf(gram, this.manifest.shards)).then(function (grams) {
      var data = grams[gram];
      var decoded = data ? decodePostings(data) : { ids: new Int32Array(0), weights: new Uint8Array(0) };
      self.postings[gram] = decoded;
      return decoded;
    });
  };

  // ---- matching and ranking ---------------------------------------------------------------------
  function bm25(tf, length, avg) {
    if (!tf) return 0;
    return tf * (K1 + 1) / (tf + K1 * (1 - B + B * length / avg));
  }

  Engine.prototype._scoreVariant = function (variant, lists, relaxed) {
    // lists: postings per gram of the variant. Returns Map doc → score.
    var n = this.manifest.docs, lengths = this.facets.l, avg = this.avgLength;
    var scores = new Map(), counts = new Map(), inTitle = new Map(), inFields = new Map();
    var needed = relaxed ? Math.max(1, Math.floor(lists.length * RELAXED_SHARE)) : lists.length;
    var norm = 0;
    lists.forEach(function (p) {
      var idf = Math.log(1 + n / Math.max(1, p.ids.length));
      norm += idf;
      for (var i = 0; i < p.ids.length; i++) {
        var doc = p.ids[i], w = p.weights[i];
        var s = idf * (bm25(w & 15, lengths[doc], avg) + (w & 16 ? TITLE : 0) + (w & 32 ? FIELD : 0));
        scores.set(doc, (scores.get(doc) || 0) + s);
        counts.set(doc, (counts.get(doc) || 0) + 1);
        if (w & 16) inTitle.set(doc, (inTitle.get(doc) || 0) + 1);
        if (w & 32) inFields.set(doc, (inFields.get(doc) || 0) + 1);
      }
    });
    var out = new Map();
    scores.forEach(function (s, doc) {
      var c = counts.get(doc);
      if (c < needed) return;
      s = s / norm;
      if (inTitle.get(doc) === lists.length) s *= ALL_IN_TITLE;
      else if (inFields.get(doc) === lists.length) s *= ALL_IN_FIELDS;
      if (relaxed) s *= c / lists.length;
      out.set(doc, s);
    });
    return out;
  };

  Engine.prototype._matchTerms = function (terms, relaxed) {
    var self = this, result = null;
    terms.forEach(function (term) {
      var best = new Map();
      term.variants.forEach(function (variant) {
        var lists = variant.grams.map(function (g) { return self.postings[g]; });
        if (!relaxed && lists.some(function (p) { return !p.ids.length; })) return;
        if (relaxed) lists = lists.filter(function (p) { return p.ids.length; });
        if (!lists.length) return;
        self._scoreVariant(variant, lists, relaxed).forEach(function (s, doc) {
          if (!(best.get(doc) >= s)) best.set(doc, s);
        });
      });
      if (result === null) { result = best; return; }
      var merged = new Map();
      result.forEach(function (s, doc) { if (best.has(doc)) merged.set(doc, s + best.get(doc)); });
      result = merged;
    });
    return result || new Map();
  };

  // Hashes of what a page title must be (compacted) to be exactly the query: each synonym variant
  // of a one-term query, or the terms run together.
  function exactTitles(terms) {
    var out = {};
    if (terms.length === 1) {
      terms[0].variants.forEach(function (v) { out[fnv1a(v.needle)] = true; });
    } else if (terms.length > 1) {
      out[fnv1a(terms.map(function (t) { return t.needle; }).join(""))] = true;
    }
    return out;
  }

  function matchesFilters(facets, doc, filters) {
    if (filters.kind !== undefined && filters.kind !== null && filters.kind !== "" &&
        facets.k[doc] !== filters.kind) return false;
    if (filters.unit !== undefined && filters.unit !== null && filters.unit !== "" &&
        facets.u[doc].indexOf(filters.unit) < 0) return false;
    if (filters.year && yearOf(facets, doc) !== filters.year) return false;
    return true;
  }

  // Search: every page that holds every term (or, if none does, most of the grams: "relaxed").
  // filters: {kind: index into manifest.kinds, unit: index into manifest.units, year: number};
  // sort: "score" (default) or "date".
  Engine.prototype.search = function (query, filters, sort) {
    var self = this;
    filters = filters || {};
    var started = performance.now();
    return this.load().then(function (manifest) {
      var terms = parseQuery(query, manifest.synonyms);
      var grams = [];
      terms.forEach(function (t) {
        t.variants.forEach(function (v) {
          v.grams.forEach(function (g) { if (grams.indexOf(g) < 0) grams.push(g); });
        });
      });
      return Promise.all(grams.map(function (g) { return self.gramPostings(g); })).then(function () {
        var relaxed = false, scores = self._matchTerms(terms, false);
        if (!scores.size && terms.length) {
          scores = self._matchTerms(terms, true);
          relaxed = scores.size > 0;
        }
        var facets = self.facets, counts = { kind: {}, unit: {}, year: {} }, hits = [];
        var titles = exactTitles(terms);
        scores.forEach(function (s, doc) {
          if (facets.p[doc]) s *= LISTING;
          if (titles[facets.t[doc]]) s *= EXACT_TITLE;
          counts.kind[facets.k[doc]] = (counts.kind[facets.k[doc]] || 0) + 1;
          facets.u[doc].forEach(function (u) { counts.unit[u] = (counts.unit[u] || 0) + 1; });
          var year = yearOf(facets, doc);
          if (year) counts.year[year] = (counts.year[year] || 0) + 1;
          if (matchesFilters(facets, doc, filters)) hits.push({ id: doc, score: s });
        });
        hits.sort(sort === "date"
          ? function (a, b) { return facets.d[b.id] - facets.d[a.id] || b.score - a.score; }
          : function (a, b) { return b.score - a.score || facets.d[b.id] - facets.d[a.id] || a.id - b.id; });
        return {
          query: query, terms: terms, hits: hits, total: hits.length, matched: scores.size,
          relaxed: relaxed, counts: counts, sort: sort || "score",
          ms: performance.now() - started
        };
      });
    });
  };

  // ---- presenting results: records, exact-phrase check, snippets --------------------------------
  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  // The text's token characters only (normalized), with each one's position in the original text:
  // a query matches across punctuation and spaces the way its grams do ("文旅红·一店一名片").
  function haystack(text) {
    var norm = normalize(text), map = null;
    if (norm.length !== text.length) {  // a character whose lower case is longer ("İ"): map each one
      norm = "";
      map = [];
      for (var k = 0; k < text.length; k++) {
        var n = normalize(text[k]);
        norm += n;
        for (var j = 0; j < n.length; j++) map.push(k);
      }
    }
    var chars = [], positions = [], re = new RegExp(RUN.source, "gu"), m;
    while ((m = re.exec(norm)) !== null) {
      for (var i = 0; i < m[0].length; i++) {
        chars.push(m[0][i]);
        positions.push(map ? map[m.index + i] : m.index + i);
      }
    }
    return { text: chars.join(""), positions: positions };
  }

  // Ranges [start, end) of the original text where any needle occurs.
  function findRanges(text, needles) {
    var hay = haystack(text), ranges = [];
    needles.forEach(function (needle) {
      if (!needle) return;
      var at = hay.text.indexOf(needle);
      while (at >= 0) {
        ranges.push([hay.positions[at], hay.positions[at + needle.length - 1] + 1]);
        at = hay.text.indexOf(needle, at + needle.length);
      }
    });
    ranges.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    });
    return merged;
  }

  function markRanges(text, ranges, from, to) {
    from = from || 0;
    to = to === undefined ? text.length : to;
    var html = "", at = from;
    ranges.forEach(function (r) {
      var s = Math.max(r[0], from), e = Math.min(r[1], to);
      if (e <= s) return;
      html += escapeHtml(text.slice(at, s)) + "<mark>" + escapeHtml(text.slice(s, e)) + "</mark>";
      at = e;
    });
    return html + escapeHtml(text.slice(at, to));
  }

  function termNeedles(term) {
    return term.variants.map(function (v) { return v.needle; });
  }

  var SNIPPET = 110, LEAD = 24;

  function snippet(record, terms) {
    // The section holding the most terms; the text around its first match.
    var needles = allNeedles(terms), grams = [];
    terms.forEach(function (t) { t.variants.forEach(function (v) { grams = grams.concat(v.grams); }); });
    var found = terms.map(function () { return false; }), best = null;
    record.s.forEach(function (section, index) {
      var hits = 0;
      terms.forEach(function (t, k) {
        var needlesOfTerm = termNeedles(t);
        var here = findRanges(section[2], needlesOfTerm).length > 0;
        if (here || findRanges(section[1], needlesOfTerm).length) found[k] = true;
        if (here) hits++;
      });
      if (!best || hits > best.hits) best = { index: index, hits: hits };
    });
    var exact = terms.length > 0 && (found.every(Boolean) ||
      terms.every(function (t) { return findRanges(record.t, termNeedles(t)).length > 0; }));
    if (!best) return { html: "", anchor: "", heading: "", exact: exact };
    var section = record.s[best.index], text = section[2];
    var ranges = best.hits ? findRanges(text, needles) : findRanges(text, grams);
    var start = ranges.length ? Math.max(0, ranges[0][0] - LEAD) : 0;
    var end = Math.min(text.length, start + SNIPPET);
    var html = (start > 0 ? "…" : "") + markRanges(text, ranges, start, end) + (end < text.length ? "…" : "");
    return { html: html, anchor: best.hits ? section[0] : "", heading: best.hits ? section[1] : "", exact: exact };
  }

  // Records for hits[start, start+count), checked for the exact phrases, ready to show.
  // level: 3 the title is the query, 2 the title holds every term, 1 the text holds every term as
  // typed, 0 only the grams were found (scattered). Within the results on screen, higher first;
  // among titles holding the query, the title it covers more of (in steps of 5%), then the score.
  Engine.prototype.present = function (result, start, count) {
    var self = this, slice = result.hits.slice(start, start + count), terms = result.terms;
    return Promise.all(slice.map(function (hit) { return self.doc(hit.id); })).then(function (records) {
      var needles = allNeedles(terms);
      var items = records.map(function (record, i) {
        var sn = snippet(record, terms);
        var titleText = haystack(record.t).text;
        var level = 0;
        if (terms.length && terms.every(function (t) { return termNeedles(t).indexOf(titleText) >= 0; })) {
          level = 3;
        } else if (terms.length && terms.every(function (t) {
          return termNeedles(t).some(function (n) { return titleText.indexOf(n) >= 0; });
        })) {
          level = 2;
        } else if (sn.exact) {
          level = 1;
        }
        // A title the query covers more of is more likely the page meant (云川市文化和旅游局 for
        // 市文旅局, rather than a brand whose long title starts with 市文旅局).
        var titleRanges = findRanges(record.t, needles), covered = 0;
        titleRanges.forEach(function (r) { covered += r[1] - r[0]; });
        var url = new URL(record.u, self.root).href;
        return {
          id: slice[i].id, score: slice[i].score, level: level, title: record.t,
          coverage: level >= 2 ? Math.round(20 * covered / Math.max(1, record.t.length)) : 0,
          titleHtml: markRanges(record.t, titleRanges), url: url,
          sectionUrl: sn.anchor && sn.heading !== record.t ? url + "#" + encodeURIComponent(sn.anchor) : url,
          heading: sn.heading, kind: record.k, units: record.n, date: record.d, snippetHtml: sn.html
        };
      });
      if (result.sort !== "date") {
        items.sort(function (a, b) { return b.level - a.level || b.coverage - a.coverage || b.score - a.score; });
      }
      return items;
    });
  };

  function allNeedles(terms) {
    var out = [];
    terms.forEach(function (t) { out = out.concat(termNeedles(t)); });
    return out;
  }

  // ---- one engine per page; index files call into it ---------------------------------------------
  var engines = {};
  function engineFor(root) {
    var key = new URL(root, location.href).href;
    if (!engines[key]) engines[key] = new Engine(key);
    return engines[key];
  }
  function each(fn) { Object.keys(engines).forEach(function (k) { fn(engines[k]); }); }

  window.__showcaseSearch = {
    index: function (manifest, facets) { each(function (e) { e.arrived.index = [manifest, facets]; }); },
    shard: function (n, v, grams) { each(function (e) { e.arrived.shard[n] = { v: v, value: grams }; }); },
    doc: function (id, v, record) { each(function (e) { e.arrived.doc[id] = { v: v, value: record }; }); }
  };

  window.ShowcaseSearch = {
    engine: engineFor,
    parseQuery: parseQuery,
    expand: expand,
    tokenize: { normalize: normalize, runs: runs, queryGrams: queryGrams, lookupGrams: lookupGrams,
                shardOf: shardOf, gramCode: gramCode },
    escapeHtml: escapeHtml
  };
})();

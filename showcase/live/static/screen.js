/* The big screen: follows the server-sent events; a reload or a dropped connection resumes from the
   newest snapshot (EventSource reconnects by itself, sending the last version it saw). */
"use strict";
(function () {
  function $(id) { return document.getElementById(id); }
  function text(tag, content, cls) { var n = document.createElement(tag); n.textContent = content; if (cls) { n.className = cls; } return n; }
  var version = -1;
  function render(view) {
    if (view.version < version) { return; }
    version = view.version;
    document.body.dataset.version = String(view.version);
    var c = view.current;
    $("stage").hidden = !c || (view.published && view.published.round === c.round && view.published.id === c.id);
    if (c) {
      $("stage-round").textContent = c.round_name + (c.order ? " · 第" + c.order + "位" : "");
      $("stage-team").textContent = c.name; $("stage-unit").textContent = c.unit;
      var dots = $("progress-dots"); dots.textContent = "";
      for (var i = 0; i < c.judges; i++) { dots.appendChild(text("span", "", i < c.submitted ? "ls-dot-on" : "ls-dot-off")); }
      $("progress-text").textContent = "评委已提交 " + c.submitted + "/" + c.judges + (c.locked ? " · 已锁定" : "");
    }
    var p = view.published;
    $("score").hidden = !p;
    if (p) {
      $("score-round").textContent = p.round_name + (p.order ? " · 第" + p.order + "位" : ""); $("score-team").textContent = p.name;
      var marks = $("score-marks"); marks.textContent = "";
      p.marks.forEach(function (m) {
        var li = document.createElement("li");
        li.appendChild(m.dropped ? text("del", m.total, "ls-dropped") : text("span", m.total));
        if (m.dropped) { li.title = m.dropped === "high" ? "去掉的最高分" : "去掉的最低分"; }
        marks.appendChild(li);
      });
      $("score-rule").textContent = p.rule + "：" + p.judges_score + (p.vote !== null ? " · 群众投票 " + p.vote : "");
      $("score-value").textContent = p.score;
    }
    $("ranking").hidden = !view.ranking.length;
    $("ranking-title").textContent = (view.ranking_round || "") + "排名";
    var list = $("ranking-list"); list.textContent = "";
    view.ranking.forEach(function (row) {
      var li = text("li", ""); li.dataset.entry = row.entry;
      li.appendChild(text("span", String(row.rank), "ls-rank")); li.appendChild(text("span", row.name, "ls-name"));
      li.appendChild(text("span", row.score, "ls-points")); list.appendChild(li);
    });
    $("awards").hidden = !view.awards;
    var awards = $("awards-list"); awards.textContent = "";
    (view.awards || []).forEach(function (tier) {
      var box = text("div", "", "ls-tier"); box.appendChild(text("h3", tier.name));
      var ul = document.createElement("ul");
      tier.entries.forEach(function (e) { ul.appendChild(text("li", e.name + (e.unit ? "（" + e.unit + "）" : ""))); });
      box.appendChild(ul); awards.appendChild(box);
    });
    if (view.awards) { $("score").hidden = true; $("stage").hidden = true; $("ranking").hidden = true; }
  }
  fetch("/api/screen", {cache: "no-store"}).then(function (r) { return r.json(); }).then(render).catch(function () {});
  var source = new EventSource("/api/screen/stream");
  source.addEventListener("state", function (e) { render(JSON.parse(e.data)); $("live-dot").className = "ls-dot ls-on"; });
  source.onerror = function () { $("live-dot").className = "ls-dot ls-off"; };
})();

/* The judge's phone: enter the code once, score the team on stage, see the total, submit or correct. */
"use strict";
(function () {
  var $ = Live.$, stage = null, given = null;

  function exact(value) { return Math.round(parseFloat(value) * 1000) / 1000; }
  function total() {
    var sum = 0, complete = true;
    document.querySelectorAll("#criteria input").forEach(function (input) {
      if (input.value === "") { complete = false; } else { sum += exact(input.value); }
    });
    $("total").textContent = complete ? String(Math.round(sum * 1000) / 1000) : "—";
  }
  function render(view) {
    $("who").textContent = view.judge_name ? "评委：" + view.judge_name : "";
    Live.show("login", false);
    if (!view.stage) { Live.show("wait", true); Live.show("scores", false); return; }
    var s = view.stage, key = s.round + "/" + s.team.id;
    Live.show("wait", false); Live.show("scores", true);
    if (stage && stage.key === key && JSON.stringify(given) === JSON.stringify(s.mine) && stage.locked === s.locked) { return; }
    stage = {key: key, round: s.round, entry: s.team.id, locked: s.locked}; given = s.mine;
    $("round").textContent = s.round_name + (s.team.order ? " · 第" + s.team.order + "位" : "");
    $("team").textContent = s.team.name; $("unit").textContent = s.team.unit || "";
    var box = $("criteria"), full = 0; box.textContent = "";
    s.criteria.forEach(function (c, i) {
      full += exact(c.max);
      var row = document.createElement("div"); row.className = "lv-criterion";
      var label = Live.text("label", c.name + "（满分 " + c.max + "）"); label.htmlFor = "c" + i;
      var input = document.createElement("input");
      input.id = "c" + i; input.name = c.name; input.type = "number"; input.inputMode = "decimal";
      input.min = "0"; input.max = c.max; input.step = c.step; input.required = true;
      input.value = s.mine ? s.mine[c.name] : ""; input.disabled = s.locked;
      input.addEventListener("input", total);
      row.appendChild(label); row.appendChild(input);
      if (c.description) { row.appendChild(Live.text("p", c.description, "lv-hint")); }
      box.appendChild(row);
    });
    $("full").textContent = String(full);
    $("submit").textContent = s.mine ? "更正评分" : "提交评分";
    $("submit").disabled = s.locked;
    total();
    $("status").textContent = s.locked ? "已锁定：这支队伍的评分不能再修改" :
      (s.mine ? "已提交，总分 " + $("total").textContent + "。锁定前可以更正。" : "");
  }
  function refresh() {
    return Live.get("/api/judge").then(function (view) {
      if (view.ok) { render(view); } else { Live.show("login", true); Live.show("scores", false); Live.show("wait", false); }
    }).catch(function () {});
  }
  $("login").addEventListener("submit", function (e) {
    e.preventDefault();
    Live.login($("code").value).then(function (reply) {
      Live.say(reply.ok ? "" : reply.message);
      if (reply.ok) { history.replaceState(null, "", "/judge"); refresh(); }
    });
  });
  $("scores").addEventListener("submit", function (e) {
    e.preventDefault();
    var values = {};
    document.querySelectorAll("#criteria input").forEach(function (input) { values[input.name] = input.value; });
    $("submit").disabled = true;
    Live.post("/api/score", {round: stage.round, entry: stage.entry, values: values, correction: !!given}).then(function (reply) {
      $("submit").disabled = false;
      Live.say(reply.ok ? "" : reply.message);
      if (reply.ok) { given = values; $("status").textContent = "已提交，总分 " + reply.total + "。锁定前可以更正。"; $("submit").textContent = "更正评分"; }
      stage.key = ""; refresh();
    });
  });
  Live.session().then(function (me) {
    var code = new URLSearchParams(location.search).get("code");
    if (!me.ok && code) { $("code").value = code; $("login").requestSubmit(); return; }
    refresh();
  });
  setInterval(function () { if ($("login").hidden) { refresh(); } }, 2000);  // the host moves on to the next team
})();

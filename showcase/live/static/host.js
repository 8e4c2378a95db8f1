/* The host console: the team on stage, who has submitted, lock, reopen (with a reason), votes, publish. */
"use strict";
(function () {
  var $ = Live.$;
  function act(name, body) {
    return Live.post("/api/host/" + name, body).then(function (reply) {
      Live.say(reply.ok ? (reply.code ? "新评审码：" + reply.code + "（旧码已作废）" : "") : reply.message);
      refresh();
      return reply;
    });
  }
  function button(label, handler, cls) {
    var b = Live.text("button", label, "lv-button lv-small" + (cls ? " " + cls : "")); b.type = "button";
    b.addEventListener("click", handler); return b;
  }
  function teamRow(round, t, current) {
    var tr = document.createElement("tr"), here = current && current[0] === round.id && current[1] === t.id;
    if (here) { tr.className = "lv-current"; }
    tr.dataset.round = round.id; tr.dataset.entry = t.id;
    tr.appendChild(Live.text("td", (t.order || "") + " " + t.name + (t.unit ? "（" + t.unit + "）" : "")));
    tr.appendChild(Live.text("td", t.submitted.length + "/" + (t.submitted.length + t.waiting.length) +
      (t.waiting.length ? " 未交：" + t.waiting.join("、") : "")));
    tr.appendChild(Live.text("td", t.published ? "已公布" : t.locked ? "已锁定" : "评分中"));
    var ops = document.createElement("td"), body = {round: round.id, entry: t.id};
    ops.appendChild(button("上台", function () { act("current", body); }, "act-current"));
    if (!t.locked) { ops.appendChild(button("锁定", function () { act("lock", body); }, "act-lock")); }
    if (t.locked) {
      ops.appendChild(button("重新开放", function () {
        var reason = window.prompt("重新开放的原因（记入审计日志）：");
        if (reason) { act("reopen", {round: round.id, entry: t.id, reason: reason}); }
      }, "act-reopen"));
    }
    if (round.vote) {
      var vote = document.createElement("input"); vote.type = "number"; vote.min = "0"; vote.max = "100"; vote.step = "0.01";
      vote.value = t.vote || ""; vote.className = "lv-vote"; vote.setAttribute("aria-label", "群众投票得分");
      ops.appendChild(vote);
      ops.appendChild(button("录入投票", function () { act("vote", {round: round.id, entry: t.id, vote: vote.value}); }, "act-vote"));
    }
    ops.appendChild(button("公布", function () { act("publish", body); }, "lv-primary act-publish"));
    tr.appendChild(ops);
    return tr;
  }
  function render(view) {
    Live.show("login", false); Live.show("console", true);
    var box = $("rounds"); box.textContent = "";
    view.rounds.forEach(function (round) {
      box.appendChild(Live.text("h2", round.name + (round.vote ? "（计群众投票）" : "")));
      var table = document.createElement("table"); table.className = "lv-table";
      var head = document.createElement("tr");
      ["队伍", "已提交", "状态", "操作"].forEach(function (h) { head.appendChild(Live.text("th", h)); });
      table.appendChild(head);
      round.teams.forEach(function (t) { table.appendChild(teamRow(round, t, view.current)); });
      box.appendChild(table);
    });
    var judges = $("judges"); judges.textContent = "";
    view.judges.forEach(function (j) {
      var tr = document.createElement("tr");
      tr.appendChild(Live.text("td", j.name)); tr.appendChild(Live.text("td", j.code));
      var ops = document.createElement("td");
      ops.appendChild(button("作废", function () { if (window.confirm("作废" + j.name + "的评审码？")) { act("revoke", {judge: j.id}); } }));
      ops.appendChild(button("重新发码", function () { act("reissue", {judge: j.id}); }));
      tr.appendChild(ops); judges.appendChild(tr);
    });
    $("awards").textContent = view.awards_published ? "获奖名单已公布" : "公布获奖名单";
    $("refusals").textContent = "被拒绝的操作：" + view.refusals + " 次（见审计日志）";
  }
  function refresh() {
    return Live.get("/api/host").then(function (view) {
      if (view.ok) { render(view); } else { Live.show("login", true); Live.show("console", false); }
    });
  }
  $("login").addEventListener("submit", function (e) {
    e.preventDefault();
    Live.login($("code").value).then(function (reply) { Live.say(reply.ok ? "" : reply.message); refresh(); });
  });
  $("awards").addEventListener("click", function () { act("awards", {}); });
  Live.session().then(refresh);
  setInterval(function () { if ($("console").hidden) { return; }  // logged out: wait for the code
    if (!document.activeElement || document.activeElement.tagName !== "INPUT") { refresh(); } }, 2000);
})();

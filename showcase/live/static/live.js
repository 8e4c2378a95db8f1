/* Shared by the judge page and the host console: JSON calls with the session's CSRF token. */
"use strict";
var Live = (function () {
  var csrf = "";
  function $(id) { return document.getElementById(id); }
  function show(id, visible) { $(id).hidden = !visible; }
  function say(text) { var m = $("message"); m.textContent = text || ""; m.hidden = !text; }
  function get(path) {
    return fetch(path, {credentials: "same-origin", cache: "no-store"}).then(function (r) {
      return r.json().then(function (body) { body.status = r.status; return body; });
    });
  }
  function post(path, body) {
    return fetch(path, {method: "POST", credentials: "same-origin", cache: "no-store",
      headers: {"Content-Type": "application/json", "X-CSRF-Token": csrf}, body: JSON.stringify(body || {})
    }).then(function (r) {
      return r.json().then(function (reply) { reply.status = r.status; return reply; });
    }).catch(function () { return {ok: false, message: "连接不上服务器：请确认手机连着会场的无线网络，再试一次"}; });
  }
  function session() {
    return get("/api/me").then(function (me) { if (me.ok) { csrf = me.csrf; } return me; });
  }
  function login(code) {
    return post("/api/login", {code: code}).then(function (reply) { if (reply.ok) { csrf = reply.csrf; } return reply; });
  }
  function text(tag, content, cls) {
    var node = document.createElement(tag); node.textContent = content; if (cls) { node.className = cls; } return node;
  }
  return {$: $, show: show, say: say, get: get, post: post, session: session, login: login, text: text};
})();

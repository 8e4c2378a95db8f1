// The editing desk: lists, forms made from the schema's description, checked as you type.
// Vanilla JS, no build step. Content is only ever put in the page as text (textContent), never as HTML.
"use strict";
(function () {
  const csrf = document.querySelector('meta[name="desk-csrf"]').content;
  const $ = (id) => document.getElementById(id);
  const el = (tag, props, ...children) => {
    const node = document.createElement(tag);
    Object.assign(node, props || {});
    for (const child of children) node.append(child);
    return node;
  };
  const KIND_LABELS = {brand: "品牌", exemplar: "先进典型", article: "专栏文章", honor: "评选批次", competition: "展示赛", notice: "公告"};
  const STATUS_LABELS = {draft: "草稿", review: "待审", published: "已发布", retracted: "已撤回"};
  let rows = [];
  let current = null; // {kind, id, new, hash, values, body, form, pickers, idEdited}
  let timer = null;
  let checkSeq = 0;

  async function api(route, options) {
    const opts = Object.assign({credentials: "same-origin"}, options || {});
    if (opts.method === "POST") {
      opts.headers = Object.assign({"X-Desk-CSRF": csrf}, opts.headers || {});
      if (opts.json !== undefined) {
        opts.body = JSON.stringify(opts.json);
        opts.headers["Content-Type"] = "application/json";
      }
    }
    const response = await fetch("/_desk/api/" + route, opts);
    const data = await response.json();
    if (!response.ok) throw Object.assign(new Error(data.error || "请求失败"), {data: data});
    return data;
  }
  const say = (text) => { $("status").textContent = text; };

  // ---- lists ----
  async function loadList() {
    say("正在检查内容…");
    rows = (await api("records")).records;
    fillFilter("f-kind", Object.keys(KIND_LABELS).map((k) => [k, KIND_LABELS[k]]));
    fillFilter("f-unit", uniq(rows.filter((r) => r.unit).map((r) => [r.unit, r.unit_name])));
    fillFilter("f-year", uniq(rows.filter((r) => r.year).map((r) => [String(r.year), String(r.year)])).sort().reverse());
    fillFilter("f-status", Object.keys(STATUS_LABELS).map((k) => [k, STATUS_LABELS[k]]));
    renderList();
    say("共 " + rows.length + " 条记录");
  }
  function uniq(pairs) {
    const seen = new Map();
    for (const [value, label] of pairs) seen.set(value, label);
    return Array.from(seen.entries());
  }
  function fillFilter(id, pairs) {
    const select = $(id);
    const keep = select.value;
    while (select.options.length > 1) select.remove(1);
    for (const [value, label] of pairs) select.append(el("option", {value: value, textContent: label}));
    select.value = keep;
  }
  function renderList() {
    const q = $("f-search").value.trim();
    const f = {kind: $("f-kind").value, unit: $("f-unit").value, year: $("f-year").value, status: $("f-status").value};
    const body = $("records").tBodies[0];
    body.replaceChildren();
    for (const r of rows) {
      if (f.kind && r.kind !== f.kind) continue;
      if (f.unit && r.unit !== f.unit) continue;
      if (f.year && String(r.year) !== f.year) continue;
      if (f.status && r.status !== f.status) continue;
      if (q && !(r.title + r.id + r.unit_name).includes(q)) continue;
      const link = el("a", {href: "#" + r.kind + "/" + r.id, textContent: r.title});
      const problems = el("td", {className: r.problems.length ? "has-problems" : ""});
      for (const p of r.problems) problems.append(el("div", {className: p.level === "错误" ? "error" : "warning", textContent: p.text}));
      body.append(el("tr", {}, el("td", {textContent: r.kind_label}), el("td", {}, link),
        el("td", {textContent: r.unit_name}), el("td", {textContent: r.year || ""}),
        el("td", {textContent: STATUS_LABELS[r.status] || r.status}), problems));
    }
  }
  function newButtons() {
    for (const kind of Object.keys(KIND_LABELS)) {
      $("new-buttons").append(el("a", {className: "button", href: "#new/" + kind, textContent: "新建" + KIND_LABELS[kind]}));
    }
  }

  // ---- values at paths ----
  function getAt(obj, path) {
    return path.reduce((o, key) => (o == null ? undefined : o[key]), obj);
  }
  function setAt(obj, path, value) {
    let o = obj;
    for (let i = 0; i < path.length - 1; i++) {
      if (o[path[i]] == null || typeof o[path[i]] !== "object") o[path[i]] = typeof path[i + 1] === "number" ? [] : {};
      o = o[path[i]];
    }
    o[path[path.length - 1]] = value;
  }
  function changed(path, value) {
    setAt(current.values, path, value);
    if (current.new && ["unit", "kind", "column", "series_no"].includes(path[0])) propose(path[0]);
    schedule();
  }

  // ---- widgets ----
  function pickerName(desc, id) {
    for (const kind of desc.ref) for (const r of current.pickers[kind] || []) if (r.id === id) return r.name;
    return id;
  }
  function input(desc, path, value) {
    const w = desc.widget;
    if (w === "enum") {
      const select = el("select", {}, el("option", {value: "", textContent: "（不填）"}));
      for (const c of desc.choices) select.append(el("option", {value: c.value, textContent: c.label}));
      select.value = value == null ? "" : String(value);
      select.addEventListener("change", () => changed(path, select.value || null));
      return select;
    }
    if (w === "bool") {
      const box = el("input", {type: "checkbox", checked: value === true});
      box.addEventListener("change", () => changed(path, box.checked ? true : null));
      return box;
    }
    if (w === "textarea") {
      const area = el("textarea", {rows: 4, value: value == null ? "" : String(value)});
      area.addEventListener("input", () => changed(path, area.value));
      return area;
    }
    const text = el("input", {type: "text", value: value == null ? "" : (w === "ref" ? pickerName(desc, value) : String(value))});
    if (w === "ref") {
      const list = el("datalist", {id: "dl-" + path.join("-")});
      for (const kind of desc.ref) for (const r of current.pickers[kind] || []) list.append(el("option", {value: r.name}));
      text.setAttribute("list", list.id);
      text.addEventListener("input", () => changed(path, text.value));
      return el("span", {className: "picker"}, text, list);
    }
    if (w === "int" || w === "number") text.inputMode = "decimal";
    text.addEventListener("input", () => changed(path, text.value));
    if (w === "date") {
      text.placeholder = "2023-04-21 或 2023年4月21日";
      const pick = el("input", {type: "date", title: "从日历选择"});
      pick.setAttribute("aria-label", desc.label + "（日历）");
      pick.addEventListener("change", () => { text.value = pick.value; changed(path, pick.value); });
      return el("span", {className: "date"}, text, pick);
    }
    if (w === "file") return el("span", {className: "file-field"}, text, uploader(text, path));
    return text;
  }
  function uploader(text, path) {
    const file = el("input", {type: "file", accept: "image/*"});
    file.setAttribute("aria-label", "上传图片");
    const drop = el("span", {className: "drop", textContent: "拖放图片到这里，或"}, file);
    const send = async (f) => {
      if (current.new || !current.folder) { say("请先保存记录（文件夹形式的记录才能放图片）"); return; }
      if (current.kind === "exemplar" && getAt(current.values, ["kind"]) === "five_star_member" && path[0] === "photo") {
        if (!window.confirm("这是人物照片：本人是否已同意公开？确认后将勾选“本人已同意公开照片”。")) return;
        setAt(current.values, ["photo", "consent"], true);
      }
      say("正在上传 " + f.name + "…");
      try {
        const q = "kind=" + encodeURIComponent(current.kind) + "&id=" + encodeURIComponent(current.id) + "&name=" + encodeURIComponent(f.name);
        const out = await api("upload?" + q, {method: "POST", body: f, headers: {"Content-Type": "application/octet-stream"}});
        text.value = out.name;
        changed(path, out.name);
        say("已上传 " + out.name + "（已去除 EXIF/GPS 信息）");
        renderForm();
      } catch (err) { say(err.message + (err.data && err.data.hint ? " — " + err.data.hint : "")); }
    };
    file.addEventListener("change", () => file.files[0] && send(file.files[0]));
    drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
    drop.addEventListener("dragleave", () => drop.classList.remove("over"));
    drop.addEventListener("drop", (e) => { e.preventDefault(); drop.classList.remove("over"); if (e.dataTransfer.files[0]) send(e.dataTransfer.files[0]); });
    return drop;
  }
  function field(desc, path) {
    const value = getAt(current.values, path);
    const box = el("div", {className: "field"});
    box.dataset.path = path.join(".");
    const title = desc.label + (desc.required ? " *" : "");
    if (desc.widget === "kept") {
      box.append(el("p", {className: "kept", textContent: title + "：此字段请在文件中编辑（保存时原样保留）"}));
    } else if (desc.widget === "object") {
      const set = el("fieldset", {}, el("legend", {textContent: title}));
      for (const member of desc.fields) set.append(field(member, path.concat(member.name)));
      box.append(set);
    } else if (desc.widget === "list") {
      box.append(listField(desc, path, Array.isArray(value) ? value : [], title));
    } else {
      const label = el("label", {}, el("span", {className: "label", textContent: title}), input(desc, path, value));
      box.append(label);
    }
    if (desc.help) box.append(el("p", {className: "help", textContent: desc.help}));
    box.append(el("div", {className: "problems"}));
    return box;
  }
  function listField(desc, path, items, title) {
    const set = el("fieldset", {className: "list"}, el("legend", {textContent: title}));
    items.forEach((item, i) => {
      const row = el("div", {className: "item"}, field(Object.assign({}, desc.item, {label: desc.item.label + " " + (i + 1), help: ""}), path.concat(i)));
      const tools = el("span", {className: "tools"});
      const act = (label, fn) => tools.append(el("button", {type: "button", textContent: label, onclick: () => { fn(); setAt(current.values, path, items); renderForm(); schedule(); }}));
      act("上移", () => i > 0 && items.splice(i - 1, 0, items.splice(i, 1)[0]));
      act("下移", () => i < items.length - 1 && items.splice(i + 1, 0, items.splice(i, 1)[0]));
      act("删除", () => items.splice(i, 1));
      row.append(tools);
      set.append(row);
    });
    set.append(el("button", {type: "button", className: "add", textContent: "添加" + desc.item.label,
      onclick: () => { items.push(desc.item.widget === "object" ? {} : ""); setAt(current.values, path, items); renderForm(); }}));
    return set;
  }
  function renderForm() {
    const form = $("fields");
    form.replaceChildren();
    for (const desc of current.form.fields) form.append(field(desc, [desc.name]));
  }

  // ---- opening, checking, saving ----
  async function open(kind, id) {
    const [formData, record] = await Promise.all([api("form?kind=" + kind),
      id ? api("record?kind=" + kind + "&id=" + encodeURIComponent(id)) : api("new?kind=" + kind)]);
    current = Object.assign(record, {form: formData.form, pickers: formData.pickers, idEdited: false});
    $("list").hidden = true;
    $("editor").hidden = false;
    $("conflict").hidden = true;
    $("editor-title").textContent = (current.new ? "新建" : "编辑") + formData.form.label;
    $("editor-file").textContent = current.file ? "文件：content/" + current.file : "保存后写入新文件";
    $("record-id").value = current.id;
    $("record-id").disabled = !current.new;
    $("body-area").hidden = !formData.form.body;
    $("body").value = current.body || "";
    $("save-state").textContent = "";
    renderForm();
    preview();
    check();
  }
  async function propose(changedField) {
    const out = await api("propose", {method: "POST", json: {kind: current.kind, values: current.values}});
    if (!current.idEdited) { current.id = out.id; $("record-id").value = out.id; }
    if (current.kind === "article" && changedField === "column" && out.series_no) {
      current.values.series_no = out.series_no;
      if (out.newspaper) current.values.newspaper = out.newspaper;
      renderForm();
    }
  }
  function formPayload() {
    return {kind: current.kind, id: current.id, new: current.new, hash: current.hash, values: current.values, body: $("body").value};
  }
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(() => { check(); preview(); }, 500);
  }
  async function check() {
    const seq = ++checkSeq;
    try {
      const out = await api("check", {method: "POST", json: formPayload()});
      if (seq === checkSeq) showReport(out.report);
    } catch (err) { say(err.message); }
  }
  function showReport(report) {
    document.querySelectorAll("#editor .problems").forEach((node) => node.replaceChildren());
    const put = (node, p) => node.append(el("p", {className: p.level === "错误" ? "error" : "warning", textContent: p.level + "：" + p.message + (p.hint ? " — " + p.hint : "")}));
    for (const [path, problems] of Object.entries(report.fields)) {
      let target = null;
      for (let parts = path.split("."); parts.length && !target; parts.pop()) {
        target = document.querySelector('#editor .field[data-path="' + CSS.escape(parts.join(".")) + '"] > .problems');
      }
      for (const p of problems) put(target || $("record-problems"), p);
    }
    for (const p of report.record) put($("record-problems"), p);
    for (const p of report.affected) put($("affected"), Object.assign({}, p, {message: "（另一条记录）" + p.where + "：" + p.message}));
    $("save").disabled = report.errors > 0;
    $("save-state").textContent = report.errors ? "有 " + report.errors + " 个错误，改正后才能保存" : "检查通过，可以保存";
  }
  async function preview() {
    if ($("body-area").hidden) return;
    const out = await api("preview", {method: "POST", json: {body: $("body").value}});
    if (out.html == null) return;
    // A page of the site around the converted body: its stylesheets, its <body> colour attributes and
    // Material's content wrappers. The converter's HTML goes only into the sandboxed frame (no scripts,
    // no same-origin access), never into the desk's own page.
    const doc = document.implementation.createHTMLDocument("预览");
    for (const href of out.styles) doc.head.append(Object.assign(doc.createElement("link"), {rel: "stylesheet", href: href}));
    for (const [name, value] of Object.entries(out.body || {})) {
      if (name === "dir" || name.startsWith("data-md-color-")) doc.body.setAttribute(name, value);
    }
    const slot = "<!--desk-body-->";
    const article = Object.assign(doc.createElement("article"), {className: "md-content__inner md-typeset"});
    article.append(doc.createComment("desk-body"));
    const content = Object.assign(doc.createElement("div"), {className: "md-content"});
    content.append(article);
    doc.body.append(content);
    $("preview").srcdoc = "<!doctype html>" + doc.documentElement.outerHTML.replace(slot, out.html);
  }
  async function save() {
    $("save").disabled = true;
    try {
      const out = await api("save", {method: "POST", json: formPayload()});
      if (out.conflict) {
        $("conflict").hidden = false;
        $("theirs").textContent = out.theirs == null ? "（文件已被删除）" : out.theirs;
        $("mine").textContent = out.mine;
        $("save-state").textContent = "未保存：文件已被修改";
        return;
      }
      if (!out.saved) { showReport(out.report); $("save-state").textContent = "有错误，未保存"; return; }
      current.hash = out.hash;
      current.file = out.file;
      current.new = false;
      $("record-id").disabled = true;
      $("editor-file").textContent = "文件：content/" + out.file;
      showReport(out.report);
      $("save-state").textContent = "已保存 content/" + out.file;
      current.folder = out.file.endsWith("/index.md");
    } catch (err) {
      $("save-state").textContent = err.message;
    } finally {
      $("save").disabled = false;
    }
  }

  function route() {
    const hash = decodeURIComponent(location.hash.slice(1));
    const [a, b] = hash.split("/");
    if (a === "new" && b) return open(b, null);
    if (a && b) return open(a, b);
    $("editor").hidden = true;
    $("list").hidden = false;
    current = null;
    return loadList();
  }
  for (const id of ["f-search", "f-kind", "f-unit", "f-year", "f-status"]) $(id).addEventListener("input", renderList);
  $("back").addEventListener("click", () => { location.hash = ""; });
  $("record-id").addEventListener("input", () => { current.id = $("record-id").value; current.idEdited = true; schedule(); });
  $("body").addEventListener("input", schedule);
  $("save").addEventListener("click", save);
  window.addEventListener("hashchange", route);
  newButtons();
  route();
})();

// nianbao search: finds reports by Chinese words with the static index written at build time.
// The text is cut into overlapping pairs of Chinese characters (bigrams) and Latin words, the
// same way the builder cut the reports (SearchTokens.swift); a report matches when it has every
// pair of the query. The index is split into shards by a hash of the token, so a query fetches
// only the few shards it needs, whatever the size of the site.
(function () {
  "use strict";
  var script = document.currentScript;
  var root = (script && script.getAttribute("data-root")) || "../";
  var form = document.querySelector("form.search");
  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  if (!form || !input || !status || !list || !window.fetch) return;

  function isHan(c) {
    return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) ||
      (c >= 0xf900 && c <= 0xfaff) || (c >= 0x20000 && c <= 0x2ffff);
  }
  function isWord(c) {
    return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a);
  }
  function tokens(text) {
    var out = [], han = [], word = "";
    function flush() {
      if (han.length === 1) out.push(han[0]);
      for (var i = 0; i + 1 < han.length; i++) out.push(han[i] + han[i + 1]);
      if (word.length >= 2) out.push(word);
      han = []; word = "";
    }
    for (var ch of text.toLowerCase()) {
      var c = ch.codePointAt(0);
      if (isHan(c)) { if (word) flush(); han.push(ch); }
      else if (isWord(c)) { if (han.length) flush(); word += ch; }
      else flush();
    }
    flush();
    return out.filter(function (t, i) { return out.indexOf(t) === i; });
  }
  function shardOf(token, count) {
    var h = 0;
    for (var i = 0; i < token.length; i++) h = (Math.imul(h, 31) + token.charCodeAt(i)) >>> 0;
    return h % count;
  }

  var index = null;
  var shards = {};
  function load(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    });
  }
  function shard(n) {
    if (!shards[n]) shards[n] = load(root + "search/shards/" + n + ".json");
    return shards[n];
  }
  function show(query, docs) {
    list.textContent = "";
    status.textContent = docs.length ? "找到 " + docs.length + " 份报告含有“" + query + "”。" : "没有报告含有“" + query + "”。";
    docs.forEach(function (d) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + d.url;
      a.textContent = d.title;
      li.appendChild(a);
      li.appendChild(document.createTextNode("　" + d.agency + "，" + d.published));
      list.appendChild(li);
    });
  }
  function search(query) {
    var wanted = tokens(query);
    if (!wanted.length) { list.textContent = ""; status.textContent = "请输入要查找的字词。"; return; }
    status.textContent = "正在搜索……";
    var ready = index ? Promise.resolve(index) : load(root + "search-index.json").then(function (i) { index = i; return i; });
    ready.then(function (idx) {
      return Promise.all(wanted.map(function (t) { return shard(shardOf(t, idx.shards)); })).then(function (parts) {
        var hits = null;
        wanted.forEach(function (t, i) {
          var posting = parts[i][t] || [];
          hits = hits === null ? posting.slice() : hits.filter(function (d) { return posting.indexOf(d) >= 0; });
        });
        show(query, (hits || []).map(function (d) { return idx.documents[d]; }));
      });
    }).catch(function () { status.textContent = "搜索索引加载失败，请稍后再试。"; });
  }
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var q = input.value.trim();
    history.replaceState(null, "", "?q=" + encodeURIComponent(q));
    search(q);
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; search(initial); }
})();

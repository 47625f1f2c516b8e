// The kg graph page: draws KG_DATA with vis-network, and runs the search box, the filters and
// the evidence panel. Article text is put into the page only with textContent, never as markup.
(function () {
  "use strict";
  var data = KG_DATA;
  var eventTypes = {};
  data.eventTypes.forEach(function (t) { eventTypes[t] = true; });
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });

  // ------------------------------------------------------------------ the network
  var container = document.getElementById("kg-graph");
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);  // every edge in one call
  var laidOut = !data.physics;  // positions computed ahead of time: no physics at all
  var options = {
    autoResize: true,
    nodes: { font: { face: "system-ui, sans-serif" } },
    // "continuous" curves: no hidden support nodes in the physics (twice as fast as "dynamic"),
    // and they still follow nodes once physics is off; big graphs get straight lines
    edges: { smooth: laidOut ? false : { type: "continuous", roundness: 0.3 },
             arrows: { to: { scaleFactor: 0.6 } }, font: { face: "system-ui, sans-serif" } },
    physics: laidOut ? false : {
      enabled: true,
      solver: "barnesHut",
      barnesHut: { gravitationalConstant: -5000, centralGravity: 0.6, springLength: 100,
                   springConstant: 0.04, damping: 0.35, avoidOverlap: 0.4 },
      stabilization: { enabled: true, updateInterval: 50, fit: true,
                       iterations: Math.max(100, Math.min(600, Math.round(60000 / Math.max(1, data.nodes.length)))) }
    },
    // vis's "improved" initial layout clusters big graphs, which is slow; random seeds do fine
    layout: { randomSeed: 7, improvedLayout: data.nodes.length <= 150 },
    interaction: { hover: true, tooltipDelay: 150, navigationButtons: false, keyboard: false,
                   multiselect: true, hideEdgesOnDrag: laidOut, hideEdgesOnZoom: laidOut }
  };
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  window.kgNetwork = network;
  window.kgNodes = nodes;
  window.kgEdges = edges;
  window.kgStabilized = false;
  function ready() {
    if (window.kgStabilized) { return; }
    window.kgStabilized = true;
    network.setOptions({ physics: false });
    network.fit({ animation: false });
    window.kgReadyMs = Math.round(performance.now());
    document.body.setAttribute("data-kg-ready", "true");  // for tests and tools
  }
  if (laidOut || data.nodes.length === 0) {
    network.once("afterDrawing", ready);
    network.redraw();
  } else {
    network.once("stabilizationIterationsDone", ready);
  }

  // ------------------------------------------------------------------ small DOM helpers
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  function swatch(kind) {
    var s = el("span", "kg-swatch");
    s.style.backgroundColor = (data.colors[kind] || data.colors.Entity);
    return s;
  }
  function labelOf(id) { var info = data.nodeInfo[id]; return info ? info.label : String(id); }
  // a link-like button that selects a node; `prefix` (a role) is shown before the label
  function nodeButton(id, prefix) {
    var b = el("button", "kg-link");
    b.type = "button";
    if (byId[id]) { b.appendChild(swatch(byId[id].kind)); }
    if (prefix) { b.appendChild(el("span", "kg-role", prefix)); }
    b.appendChild(el("span", null, labelOf(id)));
    b.addEventListener("click", function () { pick(id); });
    return b;
  }

  // ------------------------------------------------------------------ the evidence panel
  var details = document.getElementById("kg-details");
  // the sentence with its trigger and role fillers marked (overlapping spans: the first wins)
  function sentenceWithMarks(sentence, highlights) {
    var quote = el("blockquote");
    var at = 0;
    (highlights || []).forEach(function (h) {
      if (h.start < at || h.end > sentence.length) { return; }
      if (h.start > at) { quote.appendChild(document.createTextNode(sentence.slice(at, h.start))); }
      var mark = el("mark", "kg-hl kg-hl-" + h.role, sentence.slice(h.start, h.end));
      mark.setAttribute("data-role", h.role);
      mark.title = h.role;
      var color = data.roleColors[h.role];
      if (color && h.role !== "trigger") {
        mark.style.backgroundColor = color + "2e";
        mark.style.borderBottomColor = color;
      }
      quote.appendChild(mark);
      at = h.end;
    });
    if (at < sentence.length) { quote.appendChild(document.createTextNode(sentence.slice(at))); }
    return quote;
  }
  function source(ev) {
    var box = el("div", "kg-source");
    if (ev.title) { box.appendChild(el("div", "kg-article", ev.title)); }
    var where = [];
    if (ev.doc) { where.push("article " + ev.doc); }
    if (ev.published) { where.push("published " + ev.published); }
    if (where.length) { box.appendChild(el("div", null, where.join(" · "))); }
    if (ev.url) {
      var line = el("div");
      if (/^https?:\/\//i.test(ev.url)) {  // never a javascript: or data: link
        var a = el("a", null, ev.url);
        a.href = ev.url;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        line.appendChild(a);
      } else {
        line.textContent = ev.url;
      }
      box.appendChild(line);
    }
    var facts = [];
    ["rule", "confidence", "status", "date", "mention"].forEach(function (k) {
      if (ev[k] !== undefined && ev[k] !== null && ev[k] !== "") { facts.push(k + " " + ev[k]); }
    });
    if (facts.length) { box.appendChild(el("div", null, facts.join(" · "))); }
    return box;
  }
  var LINKS_SHOWN = 40;
  function connections(id) {
    var list = el("ul", "kg-links");
    var items = edges.get(network.getConnectedEdges(id)).map(function (e) {
      var out = e.from === id;
      return { other: out ? e.to : e.from, role: out ? e.label + " →" : "← " + e.label };
    });
    items.sort(function (a, b) {
      return a.role < b.role ? -1 : a.role > b.role ? 1 : labelOf(a.other).localeCompare(labelOf(b.other));
    });
    items.slice(0, LINKS_SHOWN).forEach(function (item) {
      var li = el("li");
      li.appendChild(nodeButton(item.other, item.role));
      list.appendChild(li);
    });
    if (items.length > LINKS_SHOWN) { list.appendChild(el("li", "kg-hint", "… and " + (items.length - LINKS_SHOWN) + " more")); }
    return items.length ? list : null;
  }
  function show(id, isEdge) {
    clear(details);
    var info = id === null ? null : (isEdge ? data.edgeInfo[id] : data.nodeInfo[id]);
    if (!info) {
      details.appendChild(el("p", "kg-hint", "Click a node or an edge, or search, to see the sentences it comes from."));
      return;
    }
    var title = el("div", "kg-title");
    if (!isEdge && byId[id]) { title.appendChild(swatch(byId[id].kind)); }
    title.appendChild(el("span", null, info.label));
    details.appendChild(title);
    (info.meta || []).forEach(function (m) { details.appendChild(el("div", "kg-meta", m)); });
    if (!isEdge) {
      var links = connections(id);
      if (links) { details.appendChild(el("h3", null, "Connections")); details.appendChild(links); }
    }
    var evidence = info.evidence || [];
    details.appendChild(el("h3", null, evidence.length === 1 ? "Evidence" : "Evidence (" + evidence.length + " sentences)"));
    if (!evidence.length) { details.appendChild(el("p", "kg-hint", "No sentence recorded.")); }
    evidence.forEach(function (ev) {
      if (ev.sentence) { details.appendChild(sentenceWithMarks(ev.sentence, ev.highlights)); }
      details.appendChild(source(ev));
    });
    details.scrollIntoView({ block: "nearest" });
  }
  network.on("click", function (params) {
    if (params.nodes.length) { show(params.nodes[0], false); }
    else if (params.edges.length) { show(params.edges[0], true); }
    else { show(null, false); }
  });
  show(null, false);

  // ------------------------------------------------------------------ filters
  var neighbours = {};
  data.edges.forEach(function (e) {
    (neighbours[e.from] = neighbours[e.from] || []).push(e.to);
    (neighbours[e.to] = neighbours[e.to] || []).push(e.from);
  });
  var typeBoxes = Array.prototype.slice.call(document.querySelectorAll("input[data-kg-type]"));
  var markedBox = document.getElementById("kg-show-marked");
  var dateFrom = document.getElementById("kg-date-from");
  var dateTo = document.getElementById("kg-date-to");
  var shown = document.getElementById("kg-shown");
  var hidden = {};
  // Events pass by type, status and date (their own, else their article's); an entity is hidden
  // when its type is unchecked or every event it takes part in is; an office when all its holders are.
  function applyFilters() {
    var on = {};
    typeBoxes.forEach(function (box) { on[box.getAttribute("data-kg-type")] = box.checked; });
    var from = dateFrom.value || null, to = dateTo.value || null;
    var visible = {};
    data.nodes.forEach(function (n) {
      if (!eventTypes[n.kind]) { return; }
      var ok = on[n.kind] !== false && (markedBox.checked || !n.marked);
      if (ok && (from || to)) { ok = !!n.when && (!from || n.when >= from) && (!to || n.when.slice(0, 10) <= to); }
      visible[n.id] = ok;
    });
    function anyVisible(id, eventsOnly) {
      var list = (neighbours[id] || []).filter(function (o) { return !eventsOnly || eventTypes[byId[o].kind]; });
      return list.length === 0 || list.some(function (o) { return visible[o]; });
    }
    data.nodes.forEach(function (n) {
      if (!eventTypes[n.kind] && n.kind !== "Office") { visible[n.id] = on[n.kind] !== false && anyVisible(n.id, true); }
    });
    data.nodes.forEach(function (n) {
      if (n.kind === "Office") { visible[n.id] = on[n.kind] !== false && anyVisible(n.id, false); }
    });
    var changes = [], count = 0;
    data.nodes.forEach(function (n) {
      var hide = !visible[n.id];
      if (!hide) { count += 1; }
      if (hide !== !!hidden[n.id]) { hidden[n.id] = hide; changes.push({ id: n.id, hidden: hide }); }
    });
    if (changes.length) { nodes.update(changes); }
    shown.textContent = count + " of " + data.nodes.length + " nodes shown";
  }
  function resetFilters() {
    typeBoxes.forEach(function (box) { box.checked = true; });
    markedBox.checked = true;
    dateFrom.value = "";
    dateTo.value = "";
    applyFilters();
  }
  typeBoxes.concat([markedBox, dateFrom, dateTo]).forEach(function (input) {
    input.addEventListener("change", applyFilters);
  });
  document.getElementById("kg-reset").addEventListener("click", resetFilters);
  applyFilters();

  // ------------------------------------------------------------------ search
  var searchBox = document.getElementById("kg-search");
  var results = document.getElementById("kg-search-results");
  var RESULTS_SHOWN = 12;
  var index = data.nodes.map(function (n) { return { id: n.id, text: labelOf(n.id).toLowerCase(), degree: n.degree || 0 }; });
  function matches(query) {
    var q = query.trim().toLowerCase();
    if (!q) { return []; }
    var found = [];
    index.forEach(function (item) {
      var at = item.text.indexOf(q);
      if (at < 0) { return; }
      var rank = item.text === q ? 0 : at === 0 ? 1 : /\W/.test(item.text.charAt(at - 1)) ? 2 : 3;
      found.push({ id: item.id, rank: rank, degree: item.degree, text: item.text });
    });
    found.sort(function (a, b) {
      return a.rank - b.rank || b.degree - a.degree || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);
    });
    return found;
  }
  function listMatches() {
    clear(results);
    if (!searchBox.value.trim()) { return; }
    var found = matches(searchBox.value);
    if (!found.length) { results.appendChild(el("li", "kg-none", "no label contains “" + searchBox.value.trim() + "”")); return; }
    found.slice(0, RESULTS_SHOWN).forEach(function (m) {
      var li = el("li");
      li.appendChild(nodeButton(m.id));
      results.appendChild(li);
    });
    if (found.length > RESULTS_SHOWN) { results.appendChild(el("li", "kg-none", "… and " + (found.length - RESULTS_SHOWN) + " more")); }
  }
  // select a node, bring it into view and show its evidence (clearing filters that hide it)
  function pick(id) {
    clear(results);
    if (hidden[id]) { resetFilters(); }
    network.selectNodes([id]);
    network.focus(id, { scale: Math.max(network.getScale(), 1.0), animation: { duration: 400, easingFunction: "easeInOutQuad" } });
    show(id, false);
  }
  searchBox.addEventListener("input", listMatches);
  searchBox.addEventListener("keydown", function (event) {
    if (event.key === "Enter") {
      var found = matches(searchBox.value);
      if (found.length) { pick(found[0].id); }
    } else if (event.key === "Escape") {
      searchBox.value = "";
      clear(results);
    }
  });
  window.kgPick = pick;
})();

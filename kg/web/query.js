// The query page of `kg serve`: sends the query to /sparql and shows the answer.
// Everything from the graph is put on the page as text (textContent), never as HTML.
"use strict";

const $ = (id) => document.getElementById(id);

function cell(term) {
  const td = document.createElement("td");
  if (!term) return td;
  if (term.type === "uri") td.className = "uri";
  td.textContent = term.type === "bnode" ? "_:" + term.value
    : term["xml:lang"] ? term.value + " @" + term["xml:lang"] : term.value;
  return td;
}

function table(data) {
  const out = document.createElement("table");
  const head = out.createTHead().insertRow();
  for (const name of data.head.vars) {
    const th = document.createElement("th");
    th.textContent = name;
    head.appendChild(th);
  }
  const body = out.createTBody();
  for (const binding of data.results.bindings) {
    const row = body.insertRow();
    for (const name of data.head.vars) row.appendChild(cell(binding[name]));
  }
  return out;
}

async function run() {
  const started = performance.now();
  $("error").hidden = true;
  $("status").textContent = "running…";
  $("results").replaceChildren();
  let response;
  try {
    response = await fetch("/sparql", {
      method: "POST",
      headers: { "Content-Type": "application/sparql-query", "Accept": $("accept").value },
      body: $("query").value,
    });
  } catch (err) {
    $("status").textContent = "";
    $("error").textContent = "The endpoint did not answer: " + err;
    $("error").hidden = false;
    return;
  }
  const text = await response.text();
  const ms = Math.round(performance.now() - started);
  if (!response.ok) {
    $("status").textContent = `${response.status} ${response.statusText} after ${ms} ms`;
    $("error").textContent = text;
    $("error").hidden = false;
    return;
  }
  const rows = response.headers.get("Kg-Rows");
  const truncated = response.headers.get("Kg-Truncated");
  $("status").textContent = `${rows} row${rows === "1" ? "" : "s"} in ${ms} ms` + (truncated ? ` — ${truncated}` : "");
  const type = response.headers.get("Content-Type") || "";
  if (type.startsWith("application/sparql-results+json")) {
    const data = JSON.parse(text);
    if ("boolean" in data) {
      const p = document.createElement("p");
      p.textContent = "ASK: " + data.boolean;
      $("results").appendChild(p);
    } else {
      $("results").appendChild(table(data));
    }
  } else {
    const pre = document.createElement("pre");
    pre.textContent = text;
    $("results").appendChild(pre);
  }
}

async function loadBundled() {
  const bundled = await (await fetch("/queries.json")).json();
  for (const [name, query] of Object.entries(bundled)) {
    const option = document.createElement("option");
    option.value = name;
    option.textContent = name;
    $("bundled").appendChild(option);
  }
  $("bundled").addEventListener("change", () => {
    const query = bundled[$("bundled").value];
    if (!query) return;
    $("query").value = query.text;
    $("description").textContent = query.description;
  });
}

$("run").addEventListener("click", run);
$("query").addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    run();
  }
});
loadBundled();

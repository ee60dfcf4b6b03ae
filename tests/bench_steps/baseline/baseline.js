// The benchmark's baseline (issue 16): what a contact manager written the usual
// JavaScript way does with the same rows, in the same browser and run. The CSV is
// parsed with PapaParse (header row, all in memory), every row becomes ONE IndexedDB
// record with three indexes (email, phone, last name), written in transactions of
// 10,000 records; a later page load reads them all back with getAll.
//
//   ?store=<csv url>&db=<name>  fetch, parse, store; figures in #baseline-result
//   ?read=<name>                open the database, getAll; figures in #baseline-result
// Figures are milliseconds from performance.now() (navigation start = 0).

const STORE = "contacts";
const TX_RECORDS = 10000;

// The result as the benchmark's pages give theirs (tests/support `poll_json`).
function finish(result) {
  const out = document.getElementById("bench-result");
  out.textContent = JSON.stringify(result);
  out.dataset.done = "1";
  document.getElementById("bench-status").textContent = "done";
}

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function open(name) {
  const req = indexedDB.open(name, 1);
  req.onupgradeneeded = () => {
    const store = req.result.createObjectStore(STORE, { keyPath: "id", autoIncrement: true });
    for (const index of ["email", "phone", "last"]) store.createIndex(index, index);
  };
  return request(req);
}

function done(tx) {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error);
  });
}

// The first column whose name matches `pattern` (the files name them each their way).
function column(fields, pattern) {
  return fields.find((f) => pattern.test(f)) || null;
}

async function store(url, name) {
  const t0 = performance.now();
  const text = await (await fetch(url)).text();
  const fetched = performance.now();
  const parsed = Papa.parse(text, { header: true, skipEmptyLines: true });
  const t1 = performance.now();
  const fields = parsed.meta.fields || [];
  const email = column(fields, /mail/i), phone = column(fields, /phone/i), last = column(fields, /last/i);
  const db = await open(name);
  const t2 = performance.now();
  const rows = parsed.data;
  for (let i = 0; i < rows.length; i += TX_RECORDS) {
    const tx = db.transaction(STORE, "readwrite");
    const os = tx.objectStore(STORE);
    for (const row of rows.slice(i, i + TX_RECORDS)) {
      os.put({ email: row[email] || "", phone: row[phone] || "", last: row[last] || "", fields: row });
    }
    await done(tx);
  }
  const t3 = performance.now();
  db.close();
  return {
    rows: rows.length, parse_errors: parsed.errors.length, indexed: [email, phone, last],
    fetch_ms: fetched - t0, parse_ms: t1 - fetched, store_ms: t3 - t2, parse_and_store_ms: t3 - fetched,
  };
}

async function read(name) {
  const db = await open(name);
  const opened = performance.now();
  const tx = db.transaction(STORE, "readonly");
  const all = await request(tx.objectStore(STORE).getAll());
  const t = performance.now();
  db.close();
  return { rows: all.length, opened_ms: opened, read_ms: t - opened, since_navigation_ms: t };
}

addEventListener("load", () => {
  const params = new URLSearchParams(location.search);
  document.getElementById("bench-status").textContent = params.has("store") ? "parsing and storing" : "reading";
  const work = params.has("store") ? store(params.get("store"), params.get("db")) : read(params.get("read"));
  work.then(finish, (e) => finish({ error: String(e) }));
});

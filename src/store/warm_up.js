// Chromium opens an origin's IndexedDB store on the page's first request, and with
// millions of records stored that takes hundreds of milliseconds. Start it now, while
// the WebAssembly downloads and compiles, and hold the connection (the store closes
// again once none is open) until the app has its own: `cmReleaseWarmUp`, called by
// `store::release_warm_up`. This never creates or upgrades anything: a database that
// does not exist yet, or needs an upgrade, is left to the app.
(function () {
  if (!self.indexedDB) return;
  // As `db_name_from_url` (src/ui/app/boot.rs): tests and benchmarks use their own.
  var name = (new URLSearchParams(location.search).get("db") || "").trim() || "contacts-manager";
  var db = null;
  var released = false;
  var release = function () {
    released = true;
    if (db) { db.close(); db = null; }
  };
  self.cmReleaseWarmUp = release;
  try {
    var request = indexedDB.open(name);
    request.onupgradeneeded = function () { request.transaction.abort(); };
    request.onsuccess = function () {
      db = request.result;
      db.onversionchange = release;
      if (released) release();
    };
    request.onerror = function (event) { event.preventDefault(); };
  } catch (e) { /* private modes without IndexedDB: the app says so itself */ }
})();

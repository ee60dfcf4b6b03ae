// Registers the service worker that makes the app work offline (src/pwa/sw.js).
// After the load event, so it never competes with the wasm download. Relative to the
// page: served from a sub-path (/app/), the worker is /app/sw.js with scope /app/.
if ("serviceWorker" in navigator) {
  window.addEventListener("load", () => {
    navigator.serviceWorker.register("sw.js").catch((err) => {
      console.warn("Offline support unavailable: service worker not registered", err);
    });
  });
}

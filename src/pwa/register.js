// Registers the service worker that makes the app work offline (src/pwa/sw.js).
// After the load event, so it never competes with the wasm download.
if ("serviceWorker" in navigator) {
  window.addEventListener("load", () => {
    navigator.serviceWorker.register("/sw.js").catch((err) => {
      console.warn("Offline support unavailable: service worker not registered", err);
    });
  });
}

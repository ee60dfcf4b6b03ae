// Trunk's post-build hook: the steps in order (trunk runs separate hooks at once, and
// both steps rewrite index.html).
await import("./engine_link.mjs");
await import("./externalize.mjs");
